import { isOwnEntry, journalsWithHistory } from '../journal/rule-helpers.js';
import { count, defineRule, docsPath } from './rule.js';

export const disputeOverTime = defineRule({
    meta: {
        id: 'dispute-over-time',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A dispute has been open longer than the time boxes of the escalation levels it reached, added up (an open one: until today).',
        docs: docsPath('dispute-over-time')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of journalsWithHistory(context)) {
            for (const dispute of history.disputes) {
                if (!dispute.overTime || dispute.timeBoxDays === undefined || dispute.raised.date > today || !isOwnEntry(journal, dispute.raised)) continue;
                const state = dispute.resolved ? `took ${count(dispute.openDays, 'day')} to resolve` : `has been open ${count(dispute.openDays, 'day')} (today is ${today})`;
                report({
                    message: `Dispute ${dispute.issue} ${state}; ${levelsReached(Math.min(dispute.reachedLevel, dispute.levels), dispute.escalation)} ${count(dispute.timeBoxDays, 'day')}.`,
                    range: dispute.raised.issue?.range ?? dispute.raised.range,
                    element: `${history.charter.name}.${dispute.escalation ?? dispute.issue}`,
                    data: { charter: history.charter.name, issue: dispute.issue, openDays: dispute.openDays, timeBoxDays: dispute.timeBoxDays }
                });
            }
        }
    }
});

/** The levels a dispute reached, and the verb of their time boxes: `the first level of Disputes allows`, `the 2 levels of Disputes it reached allow`. */
function levelsReached(levels: number, escalation: string | undefined): string {
    return levels === 1 ? `the first level of ${escalation} allows` : `the ${count(levels, 'level')} of ${escalation} it reached allow`;
}
