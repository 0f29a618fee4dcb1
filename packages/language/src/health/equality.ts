import { count, listText, nameOf, verb } from '../wording.js';
import { ratio, share, type HealthCheckDefinition } from './check.js';
import { counts } from './counted.js';
import { isShared, percent, sayTotals } from './say.js';
import { dominatedBody } from '../rules/dominated-body.js';
import { emptyBody } from '../rules/empty-body.js';
import { fixedChair } from '../rules/fixed-chair.js';
import { oneSidedDecisionRights } from '../rules/one-sided-decision-rights.js';
import { oneSidedMetrics } from '../rules/one-sided-metrics.js';
import { orphanParty } from '../rules/orphan-party.js';
import { unbalancedBody } from '../rules/unbalanced-body.js';
import { unbalancedCommitments } from '../rules/unbalanced-commitments.js';
import { undecidedDecision } from '../rules/undecided-decision.js';
import { unilateralReservedMatter } from '../rules/unilateral-reserved-matter.js';

/** A decision weight as written: `3`, `2.5`. */
function formatWeight(weight: number): string {
    return String(Math.round(weight * 100) / 100);
}

/** `5 decision weights (reserved matters count twice)`. */
function weightText(total: number): string {
    return `${formatWeight(total)} decision ${total === 1 ? 'weight' : 'weights'} (a reserved matter counts twice)`;
}

/** Equality: equal power and say, mutual dependence. */
export const equalityChecks: HealthCheckDefinition[] = [
    {
        id: 'equality.say-balance',
        dimension: 'equality',
        title: 'Balance of say between parties',
        rules: [oneSidedDecisionRights, undecidedDecision],
        serious: { below: 0.66 },
        measure(charter) {
            if (charter.decisions.length === 0 || charter.parties.length < 2) {
                return undefined;
            }
            const totals = sayTotals(charter);
            const says = charter.parties.map(party => totals.byParty[party] ?? 0);
            const most = Math.max(...says);
            const leader = charter.parties[says.indexOf(most)];
            // A decision no one decides yet counts against the balance, as if the party with the most say took it:
            // whoever is then named decider, the balance cannot get worse (docs/health.md, "Monotone").
            const gap = most - Math.min(...says) + totals.undecided;
            const split = charter.parties.map(party => `${party} ${percent((totals.byParty[party] ?? 0) / totals.total)}`);
            const undecided = charter.decisions.filter(d => !d.decided);
            const explanation = `Share of say over ${weightText(totals.total)}: ${listText(split)}` +
                (undecided.length ? `; ${count(undecided.length, 'decision')} without a decider ${verb(undecided.length, 'counts')} against the balance.` : '.');
            const pulling = gap > 0 ? [...charter.decisions.filter(d => d.decided && !isShared(d) && d.sayByParty[leader] === 1).map(d => nameOf('decision', d.name)), ...undecided.map(d => nameOf('decision', d.name))] : [];
            return ratio(Math.max(0, totals.total - gap), totals.total, explanation, pulling);
        }
    },
    {
        id: 'equality.mutuality',
        dimension: 'equality',
        title: 'Decision weight shared by two or more parties (mutuality)',
        rules: [oneSidedDecisionRights, unilateralReservedMatter, undecidedDecision],
        weight: 2,
        serious: { below: 0.5 },
        measure(charter) {
            if (charter.decisions.length === 0 || charter.parties.length < 2) {
                return undefined;
            }
            const totals = sayTotals(charter);
            // Full marks from half the weight shared: each partner may rightly keep its own business decisions.
            const numerator = Math.min(totals.total, 2 * totals.shared);
            const unshared = charter.decisions.filter(d => !isShared(d)).map(d => nameOf('decision', d.name));
            return ratio(numerator, totals.total,
                `${formatWeight(totals.shared)} of ${weightText(totals.total)} ${verb(totals.shared, 'is')} shared by two or more parties (full marks from half).`,
                numerator < totals.total ? unshared : []);
        }
    },
    {
        id: 'equality.shared-reserved-matters',
        dimension: 'equality',
        title: 'Reserved matters in which two or more parties have a say',
        rules: [unilateralReservedMatter, undecidedDecision],
        serious: { below: 1 },
        measure(charter) {
            if (charter.parties.length < 2) {
                return undefined;
            }
            return share(charter.decisions.filter(d => d.reserved), isShared,
                (n, total) => `${n} of ${count(total, 'reserved matter')} ${verb(n, 'is')} decided jointly.`, d => nameOf('decision', d.name));
        }
    },
    {
        id: 'equality.seat-balance',
        dimension: 'equality',
        title: 'Seat balance of joint bodies',
        rules: [unbalancedBody, emptyBody],
        serious: { below: 0.75 },
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
            return {
                ...ratio(balances.reduce((a, b) => a + b, 0), seated.length, `${even} of ${count(seated.length, 'body')} ${verb(even, 'seats')} every party equally.`,
                    seated.filter((_, index) => balances[index] < 1).map(body => nameOf('body', body.name))),
                flawed: balances.some(balance => balance < 0.75)
            };
        }
    },
    {
        id: 'equality.voting-power',
        dimension: 'equality',
        title: 'Voting power balance of majority bodies (Banzhaf)',
        rules: [dominatedBody, unbalancedBody],
        serious: { below: 0.5 },
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
            const shares = listText(charter.parties.map(party => `${party} ${Math.round((worst.powerByParty[party] ?? 0) * 100)}%`));
            return {
                ...ratio(balances.reduce((a, b) => a + b, 0), majority.length, `Voting power in ${nameOf('body', worst.name)}: ${shares}.`,
                    majority.filter((_, index) => balances[index] < 1).map(body => nameOf('body', body.name))),
                flawed: balances.some(balance => balance < 0.5)
            };
        }
    },
    {
        id: 'equality.commitment-reciprocity',
        dimension: 'equality',
        title: 'Reciprocity of commitments',
        rules: [unbalancedCommitments],
        measure(charter) {
            const commitments = charter.commitments;
            if (commitments.length < 2 || charter.parties.length < 2) {
                return undefined;
            }
            const owed = charter.parties.map(party => [party, commitments.filter(c => c.ownerParties.includes(party)).length] as const);
            const most = Math.max(...owed.map(([, n]) => n));
            const fewest = Math.min(...owed.map(([, n]) => n));
            const leader = owed.find(([, n]) => n === most)![0];
            // An unowned commitment counts as owed by the party that owes the most: naming any owner cannot make it worse.
            const unowned = commitments.filter(c => c.ownerParties.length === 0);
            const gap = most - fewest + unowned.length;
            const explanation = `${listText(owed.map(([party, n]) => `${party} owes ${n}`))} of ${count(commitments.length, 'commitment')}` +
                (unowned.length ? `; ${count(unowned.length, 'unowned commitment')} ${verb(unowned.length, 'counts')} against the balance.` : '.');
            const pulling = gap > 0 ? [...commitments.filter(c => c.ownerParties.length === 1 && c.ownerParties[0] === leader && most > fewest).map(c => nameOf('commitment', c.name)), ...unowned.map(c => nameOf('commitment', c.name))] : [];
            return ratio(Math.max(0, commitments.length - gap), commitments.length, explanation, pulling);
        }
    },
    {
        id: 'equality.metric-benefits',
        dimension: 'equality',
        title: 'Balance of metric benefits',
        rules: [oneSidedMetrics],
        measure(charter) {
            const withBenefits = charter.metrics.filter(metric => metric.beneficiaries.some(ref => counts(charter, ref)));
            if (withBenefits.length === 0 || charter.parties.length === 0) {
                return undefined;
            }
            const served = charter.parties.filter(party => withBenefits.some(metric => metric.beneficiaryParties.includes(party)));
            return ratio(served.length, charter.parties.length, `${served.length} of ${count(charter.parties.length, 'party')} ${verb(served.length, 'benefits')} from a measured outcome.`,
                charter.parties.filter(party => !served.includes(party)));
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
            return ratio(withSay.length, charter.parties.length, `${withSay.length} of ${count(charter.parties.length, 'party')} ${verb(withSay.length, 'sits', 'sit')} on a body or ${verb(withSay.length, 'decides', 'decide')} something.`,
                charter.parties.filter(party => !withSay.includes(party)));
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
            return ratio(shared.length, joint.length, `${shared.length} of ${count(joint.length, 'joint body')} ${verb(shared.length, 'has')} no fixed chair.`,
                joint.filter(body => body.chair).map(body => nameOf('body', body.name)));
        }
    }
];
