import { extendList } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';

export const outsiderReference = defineRule<NoOptions, { party: string }>({
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
    },
    /**
     * List the party in `parties`, or name one of the charter's own principals
     * instead (for a role, the listed parties' roles of the same name first).
     */
    fix({ finding, charter, text }) {
        if (!charter) {
            return [];
        }
        const party = finding.data.party;
        const written = text.getText(finding.range);
        const add = { title: `Add ${party} to \`parties\``, edits: [extendList(text, charter.source, charter.partyRefs, 'parties', [party])], preferred: true };
        const role = written.includes('.') ? written.slice(written.indexOf('.') + 1).trim() : undefined;
        const replacements = role === undefined
            ? charter.parties
            : charter.parties.flatMap(listed => charter.partyInfo[listed]?.roles.map(candidate => candidate.qualifiedName) ?? [])
                .sort((a, b) => Number(b.endsWith(`.${role}`)) - Number(a.endsWith(`.${role}`)));
        return [add, ...replacements.slice(0, 8).map(replacement => ({ title: `Replace ${written} with ${replacement}`, edits: [{ range: finding.range, newText: replacement }], preferred: false }))];
    }
});
