import { listText, nameOf } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const fixedChair = defineRule({
    meta: {
        id: 'fixed-chair',
        severity: 'info',
        dimension: 'equality',
        summary: 'A body that seats two or more parties has a fixed chair.',
        docs: docsPath('fixed-chair'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const body of charter.bodies) {
                const seated = Object.entries(body.seatsByParty).filter(([, seats]) => seats > 0).map(([party]) => party);
                if (body.chair && seated.length >= 2) {
                    report({
                        message: `${nameOf('body', body.name, true)} seats ${listText(seated)} but its chair is always ${body.chair.text}.`,
                        range: body.chair.range,
                        element: `${charter.name}.${body.name}`,
                        data: { body: body.name }
                    });
                }
            }
        }
    }
});
