import { kindAndName, nameOf } from '../wording.js';
import { recurrencePeriod, lastFullPeriod } from '../journal/periods.js';
import { entriesAbout, entriesAboutUpTo, type CharterHistory } from '../journal/history.js';
import { activeUntil, charterRange, charterReporters } from '../journal/rule-helpers.js';
import type { JournalEntry } from '../model/types.js';
import { insertClause } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';

/** A dated commitment past due (`delivered`: the date a journal records it delivered), or a recurring one with no delivery in its last full period. */
type OverdueData =
    | { charter: string; kind: 'commitment'; name: string; due: string; delivered?: string }
    | { charter: string; kind: 'recurring'; name: string; start: string; end: string };

export const overdueCommitment = defineRule<NoOptions, OverdueData>({
    meta: {
        id: 'overdue-commitment',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A commitment\'s `due` date is before today and its `status` is not `done` (when a journal records it `delivered`, the finding says so: mark it done); or, with a journal, a recurring commitment has no `delivered` entry in its last full period.',
        docs: docsPath('overdue-commitment'),
    },
    check({ document, today, report, workspace, ...context }) {
        for (const charter of document.charters) {
            for (const commitment of charter.commitments) {
                if (commitment.due && commitment.due < today && commitment.status !== 'done') {
                    const owner = commitment.owner ? `, owed by ${commitment.owner.text},` : '';
                    const delivery = deliveryByToday(workspace.historyOf?.(charter), commitment.name, today);
                    report({
                        message: delivery
                            ? `${kindAndName('commitment', commitment.name, true)}${owner} was due on ${commitment.due} and is not marked done, though ${kindAndName('journal', delivery.journal)} records it delivered on ${delivery.date}: mark it \`status done\`.`
                            : `${kindAndName('commitment', commitment.name, true)}${owner} was due on ${commitment.due} and is not done (today is ${today}).`,
                        range: commitment.source.nameRange,
                        element: `${charter.name}.${commitment.name}`,
                        ...(delivery ? { related: [{ uri: delivery.uri, range: delivery.range, message: `${nameOf('commitment', commitment.name, true)} delivered on ${delivery.date}.` }] } : {}),
                        data: { charter: charter.name, kind: 'commitment', name: commitment.name, due: commitment.due, ...(delivery ? { delivered: delivery.date } : {}) }
                    });
                }
            }
        }
        // Recurring commitments are only known to be overdue from a journal: reported in the charter's current journal.
        for (const { journal, history } of charterReporters(context)) {
            const anchor = history.charter.term?.start;
            if (!anchor) continue;
            for (const commitment of history.charter.commitments) {
                const period = commitment.recurrence ? recurrencePeriod(commitment.recurrence) : undefined;
                const last = period && lastFullPeriod(anchor, period, activeUntil(history.charter, today));
                if (!last || commitment.status === 'done') continue;
                const delivered = entriesAbout(history, 'delivered', commitment.name).some(entry => entry.date >= last.start && entry.date < last.end);
                if (!delivered) {
                    report({
                        message: `${kindAndName('commitment', commitment.name, true)} (${period.label}) has no delivery in its last full period, ${last.start} to ${last.end} (today is ${today}).`,
                        range: charterRange(journal),
                        element: `${history.charter.name}.${commitment.name}`,
                        related: [{ uri: commitment.source.uri, range: commitment.source.nameRange, message: `${nameOf('commitment', commitment.name, true)} recurs ${period.label}.` }],
                        data: { charter: history.charter.name, kind: 'recurring', name: commitment.name, start: last.start, end: last.end }
                    });
                }
            }
        }
    },
    // When a journal records the delivery, the charter catches up: the commitment is marked done. Without one, nothing here knows it was kept.
    fix({ finding, charter, text }) {
        const data = finding.data;
        const commitment = data.kind === 'commitment' && data.delivered ? charter?.commitments.find(candidate => candidate.name === data.name) : undefined;
        if (!commitment) {
            return [];
        }
        const start = text.offsetAt(commitment.source.range.start);
        const open = /\bstatus\s+open\b/.exec(text.getText(commitment.source.range));
        const edit = open
            ? { range: { start: text.positionAt(start + open.index), end: text.positionAt(start + open.index + open[0].length) }, newText: 'status done' }
            : insertClause(text, commitment.source, 'status done');
        return [{ title: `Mark ${nameOf('commitment', commitment.name)} done`, edits: [edit], preferred: true }];
    }
});

/** The first `delivered` entry about the commitment dated today or earlier, in any journal of its charter. */
function deliveryByToday(history: CharterHistory | undefined, commitment: string, today: string): JournalEntry | undefined {
    return history && entriesAboutUpTo(history, 'delivered', commitment, today)[0];
}
