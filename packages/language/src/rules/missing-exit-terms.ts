import { kindAndName } from '../wording.js';
import { clauseFix } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';

export const missingExitTerms = defineRule<NoOptions, { charter: string }>({
    meta: {
        id: 'missing-exit-terms',
        severity: 'info',
        dimension: 'lifecycle',
        summary: 'The charter has no `exit` block.',
        docs: docsPath('missing-exit-terms'),
    },
    check({ document, report }) {
        for (const charter of document.charters.filter(c => !c.exit)) {
            report({
                message: `${kindAndName('charter', charter.name, true)} does not say how a party may leave the partnership.`,
                range: charter.source.nameRange,
                element: charter.name,
                data: { charter: charter.name }
            });
        }
    },
    fix({ charter, text }) {
        return charter ? [clauseFix(text, charter.source, 'exit { notice 90 days }', 'Add exit { notice 90 days }')] : [];
    }
});
