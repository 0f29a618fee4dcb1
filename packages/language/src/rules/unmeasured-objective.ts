import { kindAndName } from '../wording.js';
import { anyCutShort, count, defineRule, docsPath } from './rule.js';

export const unmeasuredObjective = defineRule({
    meta: {
        id: 'unmeasured-objective',
        severity: 'warning',
        dimension: 'outcomes',
        summary: 'No metric `tracks` the objective.',
        docs: docsPath('unmeasured-objective'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            // One pass over the metrics, not one per objective: a charter can hold thousands of each.
            const tracked = new Set(charter.metrics.flatMap(metric => metric.tracks));
            // A metric's `tracks` cut short while it is typed may name any of them: its syntax error is the one finding.
            if (anyCutShort(charter.metrics, 'tracks')) {
                continue;
            }
            for (const objective of charter.objectives) {
                if (!tracked.has(objective.name)) {
                    report({
                        message: `No metric tracks ${kindAndName('objective', objective.name)}${charter.metrics.length ? ` (${count(charter.metrics.length, 'metric')} track${charter.metrics.length === 1 ? 's' : ''} others)` : ''}.`,
                        range: objective.source.nameRange,
                        element: `${charter.name}.${objective.name}`,
                        data: { charter: charter.name, kind: 'objective', name: objective.name }
                    });
                }
            }
        }
    }
});
