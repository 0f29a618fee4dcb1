import { defineRule, docsPath } from './rule.js';

export const unresolvedReference = defineRule({
    meta: {
        id: 'unresolved-reference',
        severity: 'error',
        dimension: 'structure',
        summary: 'A name resolves to nothing.',
        docs: docsPath('unresolved-reference'),
        structural: true
    },
    check({ document, report }) {
        for (const unresolved of document.unresolvedReferences) {
            report({
                message: `No ${unresolved.expected} named '${unresolved.text}' is declared.`,
                range: unresolved.range,
                data: { text: unresolved.text, expected: unresolved.expected }
            });
        }
    }
});
