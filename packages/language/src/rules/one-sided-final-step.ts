import { listText, nameOf } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const oneSidedFinalStep = defineRule({
    meta: {
        id: 'one-sided-final-step',
        severity: 'warning',
        dimension: 'conflict',
        summary: 'The final step of an escalation is an executive decision by the principals of one party only.',
        docs: docsPath('one-sided-final-step'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const escalation of charter.escalations) {
                const step = escalation.finalStep;
                if (!step?.oneSided) {
                    continue;
                }
                const others = charter.parties.filter(party => party !== step.parties[0]);
                report({
                    message: `${nameOf('escalation', escalation.name, true)} ends in an executive decision by ${step.parties[0]} alone: ${listText(others)} ${others.length === 1 ? 'has' : 'have'} no say in how a dispute ends.`,
                    range: step.range,
                    element: `${charter.name}.${escalation.name}`,
                    data: { charter: charter.name, escalation: escalation.name, party: step.parties[0] }
                });
            }
        }
    }
});
