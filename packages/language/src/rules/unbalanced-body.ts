import { seatMissingParties } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';
import { listText, nameOf } from '../wording.js';

export const unbalancedBody = defineRule<NoOptions, { body: string; missingParties: string[]; seatsByParty: Record<string, number> }>({
    meta: {
        id: 'unbalanced-body',
        severity: 'warning',
        dimension: 'equality',
        summary: 'A body seats one charter party more times than another (a party with no seat counts as zero).',
        docs: docsPath('unbalanced-body'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const body of charter.bodies) {
                if (body.totalSeats === 0 || charter.parties.length < 2) {
                    continue;
                }
                const seats = charter.parties.map(party => [party, body.seatsByParty[party] ?? 0] as const);
                const most = Math.max(...seats.map(([, count]) => count));
                const fewest = Math.min(...seats.map(([, count]) => count));
                if (most !== fewest) {
                    const short = seats.filter(([, count]) => count === fewest).map(([party]) => party);
                    report({
                        message: `${nameOf('body', body.name, true)} seats ${seats.map(([party, count]) => `${party} ${count}`).join(', ')}; ${listText(short)} ${short.length === 1 ? 'has' : 'have'} fewer seats than ${seats.find(([, count]) => count === most)![0]}.`,
                        range: body.source.nameRange,
                        element: `${charter.name}.${body.name}`,
                        data: { body: body.name, missingParties: short, seatsByParty: Object.fromEntries(seats) }
                    });
                }
            }
        }
    },
    fix(context) {
        return seatMissingParties(context, context.finding.data.body, false);
    }
});
