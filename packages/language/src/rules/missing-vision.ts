import { kindAndName } from '../wording.js';
import { defineRule, docsPath, lacks } from './rule.js';

export const missingVision = defineRule({
    meta: {
        id: 'missing-vision',
        severity: 'warning',
        dimension: 'outcomes',
        summary: 'The charter has no `vision`.',
        docs: docsPath('missing-vision'),
    },
    check({ document, report }) {
        for (const charter of document.charters.filter(c => lacks(c, 'vision'))) {
            report({
                message: `${kindAndName('charter', charter.name, true)} states no shared vision.`,
                range: charter.source.nameRange,
                element: charter.name,
                data: { charter: charter.name }
            });
        }
    }
});
