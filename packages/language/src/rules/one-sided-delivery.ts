import { dueInstances } from '../journal/instances.js';
import { charterRange, charterReporters, windowStart } from '../journal/rule-helpers.js';
import { defineRule, docsPath } from './rule.js';

export const oneSidedDelivery = defineRule<{ high: number; low: number }>({
    meta: {
        id: 'one-sided-delivery',
        severity: 'warning',
        dimension: 'execution',
        summary: 'Over the last 12 months, one party delivered at least 90% of its due instances and another under 60%.',
        docs: docsPath('one-sided-delivery'),
        options: { high: 90, low: 60 },
        optionRanges: { high: { min: 0, max: 100 }, low: { min: 0, max: 100 } }
    },
    check({ today, options, report, ...context }) {
        for (const { journal, history } of charterReporters(context)) {
            const instances = dueInstances(history, windowStart(today, { unit: 'month', count: 12, label: '12 months' }));
            const rates = history.charter.parties.map(party => {
                const owed = instances.filter(instance => instance.commitment.ownerParties.includes(party));
                const delivered = owed.filter(instance => instance.delivered !== undefined).length;
                return { party, owed: owed.length, delivered, percent: owed.length ? Math.round((delivered / owed.length) * 100) : undefined };
            }).filter(rate => rate.percent !== undefined);
            const high = rates.filter(rate => rate.percent! >= options.high);
            const low = rates.filter(rate => rate.percent! < options.low);
            if (high.length > 0 && low.length > 0) {
                const describe = (rate: (typeof rates)[number]) => `${rate.party} delivered ${rate.delivered} of ${rate.owed} due instances (${rate.percent}%)`;
                report({
                    message: `Over the last 12 months ${high.map(describe).join(', ')}, while ${low.map(describe).join(', ')}.`,
                    range: charterRange(journal),
                    element: history.charter.name,
                    data: { charter: history.charter.name, high: high.map(rate => rate.party), low: low.map(rate => rate.party) }
                });
            }
        }
    }
});
