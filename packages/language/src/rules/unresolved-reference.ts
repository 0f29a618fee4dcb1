import { defineRule, docsPath } from './rule.js';

export const unresolvedReference = defineRule({
    meta: {
        id: 'unresolved-reference',
        severity: 'error',
        dimension: 'structure',
        summary: 'A name is used that nothing declares: a party not declared in any file of the workspace, a role its party does not have, or a body, objective or escalation the charter does not contain.',
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
