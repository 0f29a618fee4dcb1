import { defineRule, docsPath } from './rule.js';

export const outsiderReference = defineRule({
    meta: {
        id: 'outsider-reference',
        severity: 'error',
        dimension: 'structure',
        summary: 'A charter mentions a party, or a role of a party, that is not among its `parties`.',
        docs: docsPath('outsider-reference'),
        structural: true
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const mention of charter.outsiderReferences) {
                const listed = charter.parties.length ? charter.parties.join(', ') : 'none';
                report({
                    message: `${mention.party} is not a party to charter ${charter.name} (its parties: ${listed}).`,
                    range: mention.range,
                    element: charter.name,
                    data: { party: mention.party },
                    related: charter.partiesClauseRange
                        ? [{ uri: charter.uri, range: charter.partiesClauseRange, message: 'The charter\'s parties.' }]
                        : undefined
                });
            }
        }
    }
});
