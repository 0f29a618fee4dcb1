import { defineRule, docsPath } from './rule.js';

export const commitmentWithoutBeneficiary = defineRule({
    meta: {
        id: 'commitment-without-beneficiary',
        severity: 'info',
        dimension: 'accountability',
        summary: 'A commitment has no `to`.',
        docs: docsPath('commitment-without-beneficiary'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const commitment of charter.commitments.filter(c => c.beneficiaries.length === 0)) {
                report({
                    message: `Commitment ${commitment.name} does not say to whom it is owed.`,
                    range: commitment.source.nameRange,
                    element: `${charter.name}.${commitment.name}`,
                    data: { charter: charter.name, kind: 'commitment', name: commitment.name }
                });
            }
        }
    }
});
