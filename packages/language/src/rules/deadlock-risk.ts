import { defineRule, docsPath } from './rule.js';
import { listText } from '../wording.js';

export const deadlockRisk = defineRule({
    meta: {
        id: 'deadlock-risk',
        severity: 'warning',
        dimension: 'conflict',
        summary: 'Two or more parties can block a decision and it has no `escalates to` (when a charter has exactly one escalation, that one covers every decision).',
        docs: docsPath('deadlock-risk'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const decision of charter.decisions) {
                if (decision.blockingParties.length >= 2 && !decision.coveringEscalation) {
                    report({
                        message: `${listText(decision.blockingParties)} can each block ${decision.name}, and no escalation says what happens then.`,
                        range: decision.source.nameRange,
                        element: `${charter.name}.${decision.name}`,
                        data: { charter: charter.name, kind: 'decision', name: decision.name, escalations: charter.escalations.map(e => e.name) }
                    });
                }
            }
        }
    }
});
