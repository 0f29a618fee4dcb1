import { kindAndName } from '../wording.js';
import { defineRule, docsPath, lacks } from './rule.js';

export const incompleteMetric = defineRule({
    meta: {
        id: 'incomplete-metric',
        severity: 'warning',
        dimension: 'outcomes',
        summary: 'A metric has no `target` or no `cadence`.',
        docs: docsPath('incomplete-metric'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const metric of charter.metrics) {
                const missing = [lacks(metric, 'target') ? 'target' : undefined, lacks(metric, 'cadence') ? 'cadence' : undefined].filter((m): m is string => !!m);
                if (missing.length > 0) {
                    report({
                        message: `${kindAndName('metric', metric.name, true)} has no ${missing.join(' and no ')}.`,
                        range: metric.source.nameRange,
                        element: `${charter.name}.${metric.name}`,
                        data: { charter: charter.name, kind: 'metric', name: metric.name, missing }
                    });
                }
            }
        }
    }
});
