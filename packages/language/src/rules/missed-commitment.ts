import { entriesOfKind } from '../journal/history.js';
import { isOwnEntry, journalsWithHistory, reviewWindow, windowStart } from '../journal/rule-helpers.js';
import { defineRule, docsPath } from './rule.js';

export const missedCommitment = defineRule({
    meta: {
        id: 'missed-commitment',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A `missed` entry within the last review interval (12 months without a `review` clause).',
        docs: docsPath('missed-commitment')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of journalsWithHistory(context)) {
            const period = reviewWindow(history.charter);
            const from = windowStart(today, period);
            const missed = entriesOfKind(history, 'missed');
            for (let index = 0; index < missed.length; index++) {
                const entry = missed[index];
                if (entry.kind === 'missed' && entry.date > from && entry.date <= today && isOwnEntry(journal, entry)) {
                    const name = entry.commitment?.text ?? 'a commitment';
                    const reason = entry.reason ? ` ("${entry.reason}")` : '';
                    report({
                        message: `Commitment ${name} was missed on ${entry.date}${reason}, within the last review interval (${period.label}).`,
                        range: entry.range,
                        element: entry.commitment ? `${history.charter.name}.${entry.commitment.text}` : history.charter.name,
                        data: { charter: history.charter.name, commitment: entry.commitment?.text, date: entry.date }
                    });
                }
            }
        }
    }
});
