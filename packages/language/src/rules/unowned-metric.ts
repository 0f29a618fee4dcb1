import { defineRule, docsPath } from './rule.js';

export const unownedMetric = defineRule({
    meta: {
        id: 'unowned-metric',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A metric has no `owner`.',
        docs: docsPath('unowned-metric'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const metric of charter.metrics.filter(m => !m.owner)) {
                report({
                    message: `Metric ${metric.name} has no owner, so no one is answerable for measuring it.`,
                    range: metric.source.nameRange,
                    element: `${charter.name}.${metric.name}`,
                    data: { charter: charter.name, kind: 'metric', name: metric.name }
                });
            }
        }
    }
});
