import { listText, nameOf } from '../wording.js';
import { ratio, type HealthCheckDefinition } from './check.js';
import { noJointForum } from '../rules/no-joint-forum.js';
import { noReview } from '../rules/no-review.js';
import { uninformedParty } from '../rules/uninformed-party.js';

/** Openness: regular dialogue, informing each other. */
export const opennessChecks: HealthCheckDefinition[] = [
    {
        id: 'openness.joint-forum',
        dimension: 'openness',
        title: 'A joint forum that meets on a cadence',
        rules: [noJointForum],
        measure(charter) {
            if (charter.parties.length < 2) {
                return undefined;
            }
            const forum = charter.bodies.find(body => body.meets && charter.parties.every(party => (body.seatsByParty[party] ?? 0) > 0));
            return ratio(forum ? 1 : 0, 1, forum ? `${nameOf('body', forum.name)} seats every party and meets ${forum.meets}.` : 'No body seats every party and meets on a cadence.',
                forum ? [] : (charter.bodies.length ? charter.bodies.map(body => nameOf('body', body.name)) : [nameOf('charter', charter.name)]));
        }
    },
    {
        id: 'openness.review-cadence',
        dimension: 'openness',
        title: 'A review cadence of a year or less',
        rules: [noReview],
        measure(charter) {
            if (!charter.review) {
                return ratio(0, 1, 'The charter is never reviewed.', [nameOf('charter', charter.name)]);
            }
            const within = charter.review.days <= 365;
            return ratio(within ? 1 : 0.5, 1, within ? `Reviewed every ${charter.review.days} days.` : `Reviewed only every ${charter.review.days} days (more than a year).`,
                within ? [] : [nameOf('charter', charter.name)]);
        }
    },
    {
        id: 'openness.informed-parties',
        dimension: 'openness',
        title: 'Decisions each party takes part in or hears of',
        rules: [uninformedParty],
        measure(charter) {
            const pairs = charter.decisions.length * charter.parties.length;
            if (pairs === 0) {
                return undefined;
            }
            const involved = charter.decisions.reduce((sum, decision) => sum + charter.parties.filter(party => decision.involvedParties.includes(party)).length, 0);
            const left = charter.decisions.filter(decision => charter.parties.some(party => !decision.involvedParties.includes(party)))
                .map(decision => `${decision.name} (${listText(charter.parties.filter(party => !decision.involvedParties.includes(party)))} not told)`);
            return ratio(involved, pairs, `In ${involved} of ${pairs} (decision, party) pairs the party decides, is consulted or is informed.`, left);
        }
    }
];
