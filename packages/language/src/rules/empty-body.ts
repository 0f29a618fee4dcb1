import { kindAndName } from '../wording.js';
import { seatMissingParties, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, lacks, type NoOptions } from './rule.js';

export const emptyBody = defineRule<NoOptions, ElementData & { missingParties: string[] }>({
    meta: {
        id: 'empty-body',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A body has no members.',
        docs: docsPath('empty-body'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const body of charter.bodies.filter(b => lacks(b, 'members'))) {
                report({
                    message: `${kindAndName('body', body.name, true)} has no members.`,
                    range: body.source.nameRange,
                    element: `${charter.name}.${body.name}`,
                    data: { charter: charter.name, kind: 'body', name: body.name, missingParties: charter.parties }
                });
            }
        }
    },
    fix(context) {
        return seatMissingParties(context, context.finding.data.name, false);
    }
});
