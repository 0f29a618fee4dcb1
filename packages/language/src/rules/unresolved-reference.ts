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
            // A journal's charter: its entries name the charter's elements, and are not checked until it is found.
            const journal = unresolved.expected === 'charter' ? ' in the files read: the journal\'s entries are checked against their charter, so none is until it is (check the journal with its charter\'s file, or correct the name)' : '';
            const meant = unresolved.suggestion === undefined ? '' : ` (did you mean '${unresolved.suggestion}'?)`;
            report({
                message: `No ${unresolved.expected} named '${unresolved.text}' is declared${meant}${journal}.`,
                range: unresolved.range,
                data: { text: unresolved.text, expected: unresolved.expected, ...(unresolved.suggestion === undefined ? {} : { suggestion: unresolved.suggestion }) }
            });
        }
    },
    // A misspelt name: the declared name nearest to it, when one is near enough to be the one meant.
    fix({ finding }) {
        const suggestion = finding.data?.suggestion;
        return typeof suggestion === 'string' ? [{ title: `Change it to ${suggestion}`, edits: [{ range: finding.range, newText: suggestion }], preferred: true }] : [];
    }
});
