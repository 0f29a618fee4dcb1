import { defineRule, docsPath } from './rule.js';
import { listText, nameOf } from '../wording.js';

export const oneSidedEscalation = defineRule({
    meta: {
        id: 'one-sided-escalation',
        severity: 'warning',
        dimension: 'equality',
        summary: 'An escalation level\'s principals all act for one party.',
        docs: docsPath('one-sided-escalation'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            if (charter.parties.length < 2) {
                continue;
            }
            for (const escalation of charter.escalations) {
                for (const level of escalation.levels) {
                    if (level.parties.length === 1) {
                        const missing = charter.parties.filter(party => party !== level.parties[0]);
                        report({
                            message: `Level ${level.index + 1} of ${nameOf('escalation', escalation.name)} seats only ${level.parties[0]}; ${listText(missing)} ${missing.length === 1 ? 'has' : 'have'} no one there.`,
                            range: level.range,
                            element: `${charter.name}.${escalation.name}`,
                            data: { escalation: escalation.name, level: level.index, missingParties: missing }
                        });
                    }
                }
            }
        }
    }
});
