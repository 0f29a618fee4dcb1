import { kindAndName } from '../wording.js';
import { choiceFixes, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, lacks, type NoOptions } from './rule.js';

export const commitmentWithoutBeneficiary = defineRule<NoOptions, ElementData>({
    meta: {
        id: 'commitment-without-beneficiary',
        severity: 'info',
        dimension: 'accountability',
        summary: 'A commitment has no `to`.',
        docs: docsPath('commitment-without-beneficiary'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const commitment of charter.commitments.filter(c => lacks(c, 'beneficiaries'))) {
                report({
                    message: `${kindAndName('commitment', commitment.name, true)} does not say to whom it is owed.`,
                    range: commitment.source.nameRange,
                    element: `${charter.name}.${commitment.name}`,
                    data: { charter: charter.name, kind: 'commitment', name: commitment.name }
                });
            }
        }
    },
    // The parties that do not owe the commitment come first: it is usually owed to the other side.
    fix({ finding, charter, text }) {
        const commitment = charter?.commitments.find(candidate => candidate.name === finding.data.name);
        if (!charter || !commitment) {
            return [];
        }
        const owners = new Set(commitment.ownerParties);
        const parties = [...charter.parties].sort((a, b) => Number(owners.has(a)) - Number(owners.has(b)));
        return choiceFixes(text, commitment.source, parties, party => `to ${party}`, 'Owe it to');
    }
});
