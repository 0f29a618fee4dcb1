import { nameOf } from '../wording.js';
import { anyCutShort, count, defineRule, docsPath } from './rule.js';

export const oneSidedMetrics = defineRule({
    meta: {
        id: 'one-sided-metrics',
        severity: 'warning',
        dimension: 'equality',
        summary: 'Some metric names `benefits`, and a charter party benefits from none.',
        docs: docsPath('one-sided-metrics'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            const withBenefits = charter.metrics.filter(metric => metric.beneficiaries.length > 0);
            if (withBenefits.length === 0 || anyCutShort(charter.metrics, 'beneficiaries')) {
                continue;
            }
            for (const party of charter.parties) {
                if (!withBenefits.some(metric => metric.beneficiaryParties.includes(party))) {
                    report({
                        message: withBenefits.length === 1
                            ? `${nameOf('metric', withBenefits[0].name, true)}, the only metric that names beneficiaries, does not benefit ${party}.`
                            : `None of the ${count(withBenefits.length, 'metric')} that name beneficiaries benefits ${party}.`,
                        range: charter.source.nameRange,
                        element: charter.name,
                        data: { party },
                        related: withBenefits.map(metric => ({ uri: charter.uri, range: metric.source.nameRange, message: `${nameOf('metric', metric.name, true)} benefits ${metric.beneficiaryParties.join(', ')}.` }))
                    });
                }
            }
        }
    }
});
