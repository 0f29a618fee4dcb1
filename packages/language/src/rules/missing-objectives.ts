import { kindAndName } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const missingObjectives = defineRule({
    meta: {
        id: 'missing-objectives',
        severity: 'warning',
        dimension: 'outcomes',
        summary: 'The charter has no `objective`.',
        docs: docsPath('missing-objectives'),
    },
    check({ document, report }) {
        for (const charter of document.charters.filter(c => c.objectives.length === 0)) {
            report({
                message: `${kindAndName('charter', charter.name, true)} has no objective, so there is nothing to measure success against.`,
                range: charter.source.nameRange,
                element: charter.name,
                data: { charter: charter.name }
            });
        }
    }
});
