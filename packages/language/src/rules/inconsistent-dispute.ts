import { nameOf } from '../wording.js';
import { entriesAbout, type CharterHistory, type DisputeModel } from '../journal/history.js';
import { isOwnEntry, journalsWithHistory } from '../journal/rule-helpers.js';
import type { EscalationModel, JournalEntry } from '../model/types.js';
import { count, defineRule, docsPath } from './rule.js';

export const inconsistentDispute = defineRule({
    meta: {
        id: 'inconsistent-dispute',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A dispute\'s entries do not add up: escalated or resolved before it was raised or after it was resolved, or escalated past the end of its escalation. Such an entry counts for nothing.',
        docs: docsPath('inconsistent-dispute')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of journalsWithHistory(context)) {
            // By name, once: a journal of a year may hold a thousand disputes over a charter's hundreds of escalations.
            const escalations = new Map(history.charter.escalations.map(escalation => [escalation.name, escalation]));
            for (const dispute of history.disputes) {
                const escalation = dispute.escalation === undefined ? undefined : escalations.get(dispute.escalation);
                for (const { entry, why } of stepsThatDoNotCount(dispute, escalation, stepsOf(history, dispute.issue), today)) {
                    if (!isOwnEntry(journal, entry)) continue;
                    report({
                        message: `Dispute ${dispute.issue} is ${entry.kind} on ${entry.date}, ${why}: the entry counts for nothing.`,
                        range: entry.range,
                        element: `${history.charter.name}.${dispute.issue}`,
                        related: [{ uri: dispute.raised.uri, range: dispute.raised.range, message: `${dispute.issue} raised on ${dispute.raised.date}.` }],
                        data: { charter: history.charter.name, issue: dispute.issue, date: entry.date }
                    });
                }
            }
        }
    }
});

/** A dispute's escalations and resolution, by date (an escalation before a resolution of the same day). */
function stepsOf(history: CharterHistory, issue: string): readonly JournalEntry[] {
    const escalated = entriesAbout(history, 'escalated', issue);
    const resolved = entriesAbout(history, 'resolved', issue);
    // Almost every dispute: escalations (each list is by date) and one resolution, in order already.
    if (resolved.length === 0 || escalated.length === 0 || (resolved.length === 1 && resolved[0].date > escalated[escalated.length - 1].date)) {
        return resolved.length === 0 ? escalated : escalated.length === 0 ? resolved : [...escalated, ...resolved];
    }
    return [...escalated, ...resolved].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === 'escalated' ? -1 : 1));
}

/** The steps the dispute's history leaves out, each with why (undated ones and those after today are other rules' findings). */
function stepsThatDoNotCount(dispute: DisputeModel, escalation: EscalationModel | undefined, steps: readonly JournalEntry[], today: string): Array<{ entry: JournalEntry; why: string }> {
    const found: Array<{ entry: JournalEntry; why: string }> = [];
    const end = endOf(escalation);
    let escalated = 0;
    let resolved: JournalEntry | undefined;
    for (const entry of steps) {
        if (entry.date === '' || entry.date > today) continue;
        if (entry.date < dispute.raised.date) {
            found.push({ entry, why: `before it was raised on ${dispute.raised.date}` });
        } else if (resolved) {
            found.push({ entry, why: `after it was resolved on ${resolved.date}` });
        } else if (entry.kind === 'resolved') {
            resolved = entry;
        } else if (end && ++escalated > end.escalations) {
            found.push({ entry, why: end.why });
        }
    }
    return found;
}

/** How many escalations an escalation takes (each level after the first, then its final step), and what one more is. */
function endOf(escalation: EscalationModel | undefined): { escalations: number; why: string } | undefined {
    if (!escalation || escalation.levels.length === 0) {
        return undefined;
    }
    const levels = count(escalation.levels.length, 'level');
    return escalation.finalStep
        ? { escalations: escalation.levels.length, why: `past the final step of ${nameOf('escalation', escalation.name)} (${levels}, then finally ${escalation.finalStep.kind})` }
        : { escalations: escalation.levels.length - 1, why: `past the last of the ${levels} of ${nameOf('escalation', escalation.name)}, which has no final step` };
}
