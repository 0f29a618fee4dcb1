import { kindAndName } from '../wording.js';
import { clauseFix, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, lacks, type NoOptions } from './rule.js';

export const unresolvedEscalation = defineRule<NoOptions, ElementData>({
    meta: {
        id: 'unresolved-escalation',
        severity: 'warning',
        dimension: 'conflict',
        summary: 'An escalation has no `finally` step.',
        docs: docsPath('unresolved-escalation'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const escalation of charter.escalations.filter(e => lacks(e, 'finalStep'))) {
                report({
                    message: escalation.levels.length === 0
                        ? `${kindAndName('escalation', escalation.name, true)} has no level and no final step: a dispute raised there is never resolved.`
                        : `${kindAndName('escalation', escalation.name, true)} has no final step: a dispute that climbs ${escalation.levels.length === 1 ? 'its only level' : escalation.levels.length === 2 ? 'both levels' : `all ${escalation.levels.length} levels`} is never resolved.`,
                    range: escalation.source.nameRange,
                    element: `${charter.name}.${escalation.name}`,
                    data: { charter: charter.name, kind: 'escalation', name: escalation.name }
                });
            }
        }
    },
    fix({ finding, charter, text }) {
        const escalation = charter?.escalations.find(candidate => candidate.name === finding.data.name);
        return escalation ? [clauseFix(text, escalation.source, 'finally mediation', 'Add finally mediation')] : [];
    }
});
