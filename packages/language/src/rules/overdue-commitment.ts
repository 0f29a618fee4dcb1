import { recurrencePeriod, lastFullPeriod } from '../journal/periods.js';
import { entriesAbout } from '../journal/history.js';
import { activeUntil, charterRange, charterReporters } from '../journal/rule-helpers.js';
import { defineRule, docsPath } from './rule.js';

export const overdueCommitment = defineRule({
    meta: {
        id: 'overdue-commitment',
        severity: 'warning',
        dimension: 'accountability',
        summary: '`due` is before today and `status` is not `done`; or, with a journal, a recurring commitment has no `delivered` entry in its last full period.',
        docs: docsPath('overdue-commitment'),
    },
    check({ document, today, report, ...context }) {
        for (const charter of document.charters) {
            for (const commitment of charter.commitments) {
                if (commitment.due && commitment.due < today && commitment.status !== 'done') {
                    const owner = commitment.owner ? ` by ${commitment.owner.text}` : '';
                    report({
                        message: `Commitment ${commitment.name} was due${owner} on ${commitment.due} and is not done (today is ${today}).`,
                        range: commitment.source.nameRange,
                        element: `${charter.name}.${commitment.name}`,
                        data: { charter: charter.name, kind: 'commitment', name: commitment.name, due: commitment.due }
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
                        message: `Commitment ${commitment.name} (${period.label}) has no delivery in its last full period, ${last.start} to ${last.end} (today is ${today}).`,
                        range: charterRange(journal),
                        element: `${history.charter.name}.${commitment.name}`,
                        related: [{ uri: commitment.source.uri, range: commitment.source.nameRange, message: `${commitment.name} recurs ${period.label}.` }],
                        data: { charter: history.charter.name, kind: 'recurring', name: commitment.name, start: last.start, end: last.end }
                    });
                }
            }
        }
    }
});
