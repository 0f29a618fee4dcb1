import { count, defineRule, docsPath } from './rule.js';

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
            for (const objective of charter.objectives) {
                if (!charter.metrics.some(metric => metric.tracks.includes(objective.name))) {
                    report({
                        message: `No metric tracks objective ${objective.name}${charter.metrics.length ? ` (${count(charter.metrics.length, 'metric')} track${charter.metrics.length === 1 ? 's' : ''} others)` : ''}.`,
                        range: objective.source.nameRange,
                        element: `${charter.name}.${objective.name}`,
                        data: { charter: charter.name, kind: 'objective', name: objective.name }
                    });
                }
            }
        }
    }
});
