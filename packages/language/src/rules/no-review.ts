import { kindAndName } from '../wording.js';
import { clauseFix } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';

export const noReview = defineRule<NoOptions, { charter: string }>({
    meta: {
        id: 'no-review',
        severity: 'warning',
        dimension: 'openness',
        summary: 'The charter has no `review` cadence.',
        docs: docsPath('no-review'),
    },
    check({ document, report }) {
        for (const charter of document.charters.filter(c => !c.review)) {
            report({
                message: `${kindAndName('charter', charter.name, true)} never says when the partners review the partnership.`,
                range: charter.source.nameRange,
                element: charter.name,
                data: { charter: charter.name }
            });
        }
    },
    fix({ charter, text }) {
        return charter ? [clauseFix(text, charter.source, 'review every 12 months', 'Add review every 12 months')] : [];
    }
});
