import { seatMissingParties } from './fixes/edits.js';
import { anyCutShort, defineRule, docsPath, type NoOptions } from './rule.js';
import { kindAndName, listText, nameOf, verb } from '../wording.js';

export const noJointForum = defineRule<NoOptions, { charter: string; body?: string }>({
    meta: {
        id: 'no-joint-forum',
        severity: 'warning',
        dimension: 'openness',
        summary: 'No body seats every party and `meets` on a cadence.',
        docs: docsPath('no-joint-forum'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            if (charter.parties.length < 2) {
                continue;
            }
            const seatsAll = (body: typeof charter.bodies[number]) => charter.parties.every(party => (body.seatsByParty[party] ?? 0) > 0);
            // A body's `members` or `meets` cut short while it is typed may be the forum: its syntax error is the one finding.
            if (charter.bodies.some(body => seatsAll(body) && body.meets) || anyCutShort(charter.bodies, 'meets') || anyCutShort(charter.bodies, 'members')) {
                continue;
            }
            const nearest = charter.bodies.find(seatsAll) ?? charter.bodies[0];
            const jointBodies = charter.bodies.filter(seatsAll).map(body => nameOf('body', body.name));
            const n = jointBodies.length;
            const why = charter.bodies.length === 0 ? 'it has no body at all'
                : n > 0 ? `${listText(jointBodies)} ${verb(n, 'seats')} every party but ${verb(n, 'does')} not say how often ${n === 1 ? 'it meets' : 'they meet'}`
                    : 'no body seats every party';
            report({
                message: `${kindAndName('charter', charter.name, true)} has no joint forum that meets regularly: ${why}.`,
                range: charter.source.nameRange,
                element: charter.name,
                data: { charter: charter.name, body: nearest?.name },
                related: nearest ? [{ uri: charter.uri, range: nearest.source.nameRange, message: `${nameOf('body', nearest.name, true)} seats ${Object.entries(nearest.seatsByParty).filter(([, n]) => n > 0).map(([p]) => p).join(', ') || 'no one'}.` }] : undefined
            });
        }
    },
    // Seats every party on the body nearest to a joint forum and has it meet, or adds a joint committee.
    fix(context) {
        return seatMissingParties(context, context.finding.data.body, true);
    }
});
