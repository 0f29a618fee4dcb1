import { kindAndName } from '../wording.js';
import { choiceFixes, leastLoaded, principalsOf, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, lacks, type NoOptions } from './rule.js';

export const undecidedDecision = defineRule<NoOptions, ElementData>({
    meta: {
        id: 'undecided-decision',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A decision has no `decided by`.',
        docs: docsPath('undecided-decision'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const decision of charter.decisions.filter(d => lacks(d, 'deciders'))) {
                report({
                    message: `${kindAndName('decision', decision.name, true)} says no one decides it.`,
                    range: decision.source.nameRange,
                    element: `${charter.name}.${decision.name}`,
                    data: { charter: charter.name, kind: 'decision', name: decision.name }
                });
            }
        }
    },
    // Deciders are offered from the parties that control the fewest decisions, so the fix never tips the balance further.
    fix({ finding, charter, text }) {
        const decision = charter?.decisions.find(candidate => candidate.name === finding.data.name);
        if (!charter || !decision) {
            return [];
        }
        const parties = leastLoaded(charter, party => charter.decisions.filter(d => d.controllingParties.includes(party)).length);
        return choiceFixes(text, decision.source, principalsOf(charter, parties), principal => `decided by ${principal}`, 'Add decided by');
    }
});
