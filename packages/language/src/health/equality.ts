import { count } from '../rules/rule.js';
import { ratio, type HealthCheckDefinition } from './check.js';
import { dominatedBody } from '../rules/dominated-body.js';
import { emptyBody } from '../rules/empty-body.js';
import { fixedChair } from '../rules/fixed-chair.js';
import { oneSidedDecisionRights } from '../rules/one-sided-decision-rights.js';
import { oneSidedMetrics } from '../rules/one-sided-metrics.js';
import { orphanParty } from '../rules/orphan-party.js';
import { unbalancedBody } from '../rules/unbalanced-body.js';
import { unbalancedCommitments } from '../rules/unbalanced-commitments.js';

/** Equality: equal power and say, mutual dependence. */
export const equalityChecks: HealthCheckDefinition[] = [
    {
        id: 'equality.decision-control',
        dimension: 'equality',
        title: 'Balance of decision control between parties',
        rules: [oneSidedDecisionRights],
        measure(charter) {
            const total = charter.decisions.length;
            if (total === 0 || charter.parties.length < 2) {
                return undefined;
            }
            const controlled = charter.parties.map(party => [party, charter.decisions.filter(d => d.controllingParties.includes(party)).length] as const);
            const most = Math.max(...controlled.map(([, n]) => n));
            const fewest = Math.min(...controlled.map(([, n]) => n));
            const split = controlled.map(([party, n]) => `${party} controls ${n}`).join(', ');
            return ratio(total - (most - fewest), total, `${split} of ${count(total, 'decision')}; the gap is ${most - fewest}.`);
        }
    },
    {
        id: 'equality.seat-balance',
        dimension: 'equality',
        title: 'Seat balance of joint bodies',
        rules: [unbalancedBody, emptyBody],
        measure(charter) {
            const seated = charter.bodies.filter(body => body.totalSeats > 0);
            if (seated.length === 0 || charter.parties.length < 2) {
                return undefined;
            }
            const balances = seated.map(body => {
                const seats = charter.parties.map(party => body.seatsByParty[party] ?? 0);
                const most = Math.max(...seats);
                // A body that seats no charter party (only outsiders) favours none of them, as `unbalanced-body` sees it.
                return most > 0 ? Math.min(...seats) / most : 1;
            });
            const even = balances.filter(balance => balance === 1).length;
            return ratio(balances.reduce((a, b) => a + b, 0), seated.length, `${even} of ${count(seated.length, 'body')} seat every party equally.`);
        }
    },
    {
        id: 'equality.voting-power',
        dimension: 'equality',
        title: 'Voting power balance of majority bodies (Banzhaf)',
        rules: [dominatedBody, unbalancedBody],
        measure(charter) {
            const majority = charter.bodies.filter(body => body.voting === 'majority' && body.totalSeats > 0);
            if (majority.length === 0 || charter.parties.length < 2) {
                return undefined;
            }
            const balances = majority.map(body => {
                const power = charter.parties.map(party => body.powerByParty[party] ?? 0);
                const most = Math.max(...power);
                return most > 0 ? Math.min(...power) / most : 1;
            });
            const worst = majority[balances.indexOf(Math.min(...balances))];
            const shares = charter.parties.map(party => `${party} ${Math.round((worst.powerByParty[party] ?? 0) * 100)}%`).join(', ');
            return ratio(balances.reduce((a, b) => a + b, 0), majority.length, `Voting power in ${worst.name}: ${shares}.`);
        }
    },
    {
        id: 'equality.commitment-reciprocity',
        dimension: 'equality',
        title: 'Reciprocity of commitments',
        rules: [unbalancedCommitments],
        measure(charter) {
            const owned = charter.commitments.filter(commitment => commitment.ownerParties.length > 0);
            if (owned.length < 2 || charter.parties.length < 2) {
                return undefined;
            }
            const owed = charter.parties.map(party => [party, owned.filter(c => c.ownerParties.includes(party)).length] as const);
            const most = Math.max(...owed.map(([, n]) => n));
            const fewest = Math.min(...owed.map(([, n]) => n));
            return ratio(owned.length - (most - fewest), owned.length, `${owed.map(([party, n]) => `${party} owes ${n}`).join(', ')} of ${count(owned.length, 'owned commitment')}.`);
        }
    },
    {
        id: 'equality.metric-benefits',
        dimension: 'equality',
        title: 'Balance of metric benefits',
        rules: [oneSidedMetrics],
        measure(charter) {
            const withBenefits = charter.metrics.filter(metric => metric.beneficiaries.length > 0);
            if (withBenefits.length === 0 || charter.parties.length === 0) {
                return undefined;
            }
            const served = charter.parties.filter(party => withBenefits.some(metric => metric.beneficiaryParties.includes(party)));
            return ratio(served.length, charter.parties.length, `${served.length} of ${count(charter.parties.length, 'party')} benefit from a measured outcome.`);
        }
    },
    {
        id: 'equality.parties-with-a-say',
        dimension: 'equality',
        title: 'Parties with a say (a seat or a decision right)',
        rules: [orphanParty],
        measure(charter) {
            if (charter.parties.length < 2 || (charter.bodies.length === 0 && charter.decisions.length === 0)) {
                return undefined;
            }
            const withSay = charter.parties.filter(party =>
                charter.bodies.some(body => (body.seatsByParty[party] ?? 0) > 0) || charter.decisions.some(decision => (decision.seatsByParty[party] ?? 0) > 0));
            return ratio(withSay.length, charter.parties.length, `${withSay.length} of ${count(charter.parties.length, 'party')} sit on a body or decide something.`);
        }
    },
    {
        id: 'equality.shared-chairs',
        dimension: 'equality',
        title: 'Joint bodies whose chair rotates',
        rules: [fixedChair],
        measure(charter) {
            const joint = charter.bodies.filter(body => Object.values(body.seatsByParty).filter(seats => seats > 0).length >= 2);
            if (joint.length === 0) {
                return undefined;
            }
            const shared = joint.filter(body => !body.chair);
            return ratio(shared.length, joint.length, `${shared.length} of ${count(joint.length, 'joint body')} have no fixed chair.`);
        }
    }
];
