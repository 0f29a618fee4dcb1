import { kindAndName } from '../wording.js';
import { choiceFixes, leastLoaded, principalsOf, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, lacks, type NoOptions } from './rule.js';

export const unownedCommitment = defineRule<NoOptions, ElementData>({
    meta: {
        id: 'unowned-commitment',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A commitment has no `owner`.',
        docs: docsPath('unowned-commitment'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const commitment of charter.commitments.filter(c => lacks(c, 'owner'))) {
                report({
                    message: `${kindAndName('commitment', commitment.name, true)} has no owner, so no one is answerable for it.`,
                    range: commitment.source.nameRange,
                    element: `${charter.name}.${commitment.name}`,
                    data: { charter: charter.name, kind: 'commitment', name: commitment.name }
                });
            }
        }
    },
    // Owners are offered from the parties that owe the fewest commitments, so the fix never tips the balance further.
    fix({ finding, charter, text }) {
        const commitment = charter?.commitments.find(candidate => candidate.name === finding.data.name);
        if (!charter || !commitment) {
            return [];
        }
        const parties = leastLoaded(charter, party => charter.commitments.filter(c => c.ownerParties.includes(party)).length);
        return choiceFixes(text, commitment.source, principalsOf(charter, parties), principal => `owner ${principal}`, 'Add owner');
    }
});
