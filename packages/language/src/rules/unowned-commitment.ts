import { defineRule, docsPath } from './rule.js';

export const unownedCommitment = defineRule({
    meta: {
        id: 'unowned-commitment',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A commitment has no `owner`.',
        docs: docsPath('unowned-commitment'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const commitment of charter.commitments.filter(c => !c.owner)) {
                report({
                    message: `Commitment ${commitment.name} has no owner, so no one is answerable for it.`,
                    range: commitment.source.nameRange,
                    element: `${charter.name}.${commitment.name}`,
                    data: { charter: charter.name, kind: 'commitment', name: commitment.name }
                });
            }
        }
    }
});
