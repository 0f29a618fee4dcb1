import { kindAndName } from '../wording.js';
import { daysBetween } from '../journal/periods.js';
import { isOwnEntry, journalsWithHistory } from '../journal/rule-helpers.js';
import { entriesAbout } from '../journal/history.js';
import { count, defineRule, docsPath } from './rule.js';

export const lateDelivery = defineRule({
    meta: {
        id: 'late-delivery',
        severity: 'info',
        dimension: 'execution',
        summary: 'A dated commitment was `delivered` after its due date.',
        docs: docsPath('late-delivery')
    },
    check({ report, ...context }) {
        for (const { journal, history } of journalsWithHistory(context)) {
            for (const commitment of history.charter.commitments) {
                if (!commitment.due) continue;
                const first = entriesAbout(history, 'delivered', commitment.name)[0];
                if (first && first.date > commitment.due && isOwnEntry(journal, first)) {
                    report({
                        message: `${kindAndName('commitment', commitment.name, true)} was delivered on ${first.date}, ${count(daysBetween(commitment.due, first.date), 'day')} after it was due (${commitment.due}).`,
                        range: first.range,
                        element: `${history.charter.name}.${commitment.name}`,
                        data: { charter: history.charter.name, commitment: commitment.name, due: commitment.due, delivered: first.date }
                    });
                }
            }
        }
    }
});
