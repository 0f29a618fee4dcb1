import { nameOf } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const dominatedBody = defineRule({
    meta: {
        id: 'dominated-body',
        severity: 'warning',
        dimension: 'equality',
        summary: 'A body votes by majority and one party holds more than half its seats.',
        docs: docsPath('dominated-body'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const body of charter.bodies) {
                if (body.voting !== 'majority') {
                    continue;
                }
                for (const [party, seats] of Object.entries(body.seatsByParty)) {
                    if (seats * 2 > body.totalSeats) {
                        report({
                            message: `${party} holds ${seats} of ${body.totalSeats} seats in ${nameOf('body', body.name)}, which votes by majority, so ${party} carries its votes alone.`,
                            range: body.source.nameRange,
                            element: `${charter.name}.${body.name}`,
                            data: { body: body.name, party }
                        });
                    }
                }
            }
        }
    }
});
