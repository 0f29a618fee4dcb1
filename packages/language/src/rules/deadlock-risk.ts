import { choiceFixes, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';
import { listText, nameOf } from '../wording.js';

export const deadlockRisk = defineRule<NoOptions, ElementData & { escalations: string[] }>({
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
                        message: `${listText(decision.blockingParties)} can each block ${nameOf('decision', decision.name)}, and no escalation says what happens then.`,
                        range: decision.source.nameRange,
                        element: `${charter.name}.${decision.name}`,
                        data: { charter: charter.name, kind: 'decision', name: decision.name, escalations: charter.escalations.map(e => e.name) }
                    });
                }
            }
        }
    },
    fix({ finding, charter, text }) {
        const decision = charter?.decisions.find(candidate => candidate.name === finding.data.name);
        if (!charter || !decision || decision.hasEscalatesClause) {
            return [];
        }
        return choiceFixes(text, decision.source, charter.escalations.map(escalation => escalation.name), escalation => `escalates to ${escalation}`, 'Add escalates to');
    }
});
