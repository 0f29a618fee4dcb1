import { kindAndName, listText } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const unilateralReservedMatter = defineRule({
    meta: {
        id: 'unilateral-reserved-matter',
        severity: 'warning',
        dimension: 'equality',
        summary: 'A decision marked `reserved` is controlled by one party alone.',
        docs: docsPath('unilateral-reserved-matter'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            if (charter.parties.length < 2) {
                continue;
            }
            for (const decision of charter.decisions) {
                const sayers = Object.keys(decision.sayByParty);
                if (!decision.reserved || sayers.length !== 1) {
                    continue;
                }
                const others = charter.parties.filter(party => party !== sayers[0]);
                report({
                    message: `${kindAndName('reserved matter', decision.name, true)} is decided by ${sayers[0]} alone; ${listText(others)} ${others.length === 1 ? 'has' : 'have'} no say in it.`,
                    range: decision.source.nameRange,
                    element: `${charter.name}.${decision.name}`,
                    data: { charter: charter.name, decision: decision.name, party: sayers[0] }
                });
            }
        }
    }
});
