import { nameOf } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const expiredTerm = defineRule({
    meta: {
        id: 'expired-term',
        severity: 'warning',
        dimension: 'lifecycle',
        summary: 'The `term` ended before today.',
        docs: docsPath('expired-term'),
    },
    check({ document, today, report }) {
        for (const charter of document.charters) {
            if (charter.term?.end && charter.term.end < today) {
                report({
                    message: `The term of ${nameOf('charter', charter.name)} ended on ${charter.term.end} (today is ${today}).`,
                    range: charter.term.range,
                    element: charter.name,
                    data: { charter: charter.name, end: charter.term.end }
                });
            }
        }
    }
});
