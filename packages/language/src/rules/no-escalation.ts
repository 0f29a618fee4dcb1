import { kindAndName } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const noEscalation = defineRule({
    meta: {
        id: 'no-escalation',
        severity: 'warning',
        dimension: 'conflict',
        summary: 'A charter has no escalation at all.',
        docs: docsPath('no-escalation'),
    },
    check({ document, report }) {
        for (const charter of document.charters.filter(c => c.escalations.length === 0)) {
            report({
                message: `${kindAndName('charter', charter.name, true)} has no escalation path: disputes have no agreed way out.`,
                range: charter.source.nameRange,
                element: charter.name,
                data: { charter: charter.name }
            });
        }
    }
});
