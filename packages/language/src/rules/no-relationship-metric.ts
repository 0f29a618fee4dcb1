import { kindAndName } from '../wording.js';
import { anyCutShort, count, defineRule, docsPath } from './rule.js';

export const noRelationshipMetric = defineRule({
    meta: {
        id: 'no-relationship-metric',
        severity: 'info',
        dimension: 'outcomes',
        summary: 'No metric is of kind `relationship`.',
        docs: docsPath('no-relationship-metric'),
    },
    check({ document, report }) {
        for (const charter of document.charters.filter(c => !c.metrics.some(m => m.kind === 'relationship') && !anyCutShort(c.metrics, 'kind'))) {
            report({
                message: `${kindAndName('charter', charter.name, true)} measures nothing about the relationship itself (${count(charter.metrics.length, 'metric')}, none of kind relationship).`,
                range: charter.source.nameRange,
                element: charter.name,
                data: { charter: charter.name }
            });
        }
    }
});
