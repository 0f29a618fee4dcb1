import { defineRule, docsPath } from './rule.js';

export const undecidedDecision = defineRule({
    meta: {
        id: 'undecided-decision',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A decision has no `decided by`.',
        docs: docsPath('undecided-decision'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const decision of charter.decisions.filter(d => d.deciders.length === 0)) {
                report({
                    message: `Decision ${decision.name} says no one decides it.`,
                    range: decision.source.nameRange,
                    element: `${charter.name}.${decision.name}`,
                    data: { charter: charter.name, kind: 'decision', name: decision.name }
                });
            }
        }
    }
});
