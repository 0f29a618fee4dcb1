import { kindAndName } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const tooFewParties = defineRule({
    meta: {
        id: 'too-few-parties',
        severity: 'error',
        dimension: 'structure',
        summary: 'A charter lists fewer than two parties.',
        docs: docsPath('too-few-parties'),
        structural: true
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            const count = new Set(charter.partyRefs.map(ref => ref.name)).size;
            // `parties Acme,` being typed: the list cut short is the syntax error's finding.
            if (count < 2 && !charter.cutShort?.includes('parties')) {
                report({
                    message: count === 0
                        ? `${kindAndName('charter', charter.name, true)} lists no parties; a partnership needs at least two.`
                        : `${kindAndName('charter', charter.name, true)} lists only ${charter.partyRefs[0].text}; a partnership needs at least two parties.`,
                    range: charter.partiesClauseRange ?? charter.source.nameRange,
                    element: charter.name
                });
            }
        }
    }
});
