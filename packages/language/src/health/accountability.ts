import { count, nameOf, verb } from '../wording.js';
import { ratio, share, type HealthCheckDefinition } from './check.js';
import { counts } from './counted.js';
import { commitmentWithoutBeneficiary } from '../rules/commitment-without-beneficiary.js';
import { emptyBody } from '../rules/empty-body.js';
import { expiredTerm } from '../rules/expired-term.js';
import { outsiderReference } from '../rules/outsider-reference.js';
import { overdueCommitment } from '../rules/overdue-commitment.js';
import { undecidedDecision } from '../rules/undecided-decision.js';
import { unownedCommitment } from '../rules/unowned-commitment.js';
import { unownedMetric } from '../rules/unowned-metric.js';
import { unresolvedReference } from '../rules/unresolved-reference.js';

/**
 * Accountability: clear roles, owned promises, kept promises. An owner or a decider counts only when it
 * resolves to a charter party, one of its roles, or a body seating one: an outsider or a name that
 * resolves to nothing is no one to answer for it.
 */
export const accountabilityChecks: HealthCheckDefinition[] = [
    {
        id: 'accountability.owned-commitments',
        dimension: 'accountability',
        title: 'Commitments with an owner',
        rules: [unownedCommitment, outsiderReference, unresolvedReference],
        serious: { below: 1 },
        measure: charter => share(charter.commitments, c => c.ownerParties.length > 0, (n, total) => `${n} of ${count(total, 'commitment')} ${verb(n, 'has')} an owner.`, c => nameOf('commitment', c.name))
    },
    {
        id: 'accountability.commitments-owed-to-someone',
        dimension: 'accountability',
        title: 'Commitments owed to a named party',
        rules: [commitmentWithoutBeneficiary],
        measure: charter => share(charter.commitments, c => c.beneficiaries.some(ref => counts(charter, ref)), (n, total) => `${n} of ${count(total, 'commitment')} ${verb(n, 'says', 'say')} to whom ${n === 1 ? 'it is' : 'they are'} owed.`, c => nameOf('commitment', c.name))
    },
    {
        id: 'accountability.decided-decisions',
        dimension: 'accountability',
        title: 'Decisions with a decider',
        rules: [undecidedDecision, outsiderReference, unresolvedReference],
        serious: { below: 1 },
        measure: charter => share(charter.decisions, d => d.decided, (n, total) => `${n} of ${count(total, 'decision')} ${verb(n, 'says', 'say')} who decides.`, d => nameOf('decision', d.name))
    },
    {
        id: 'accountability.owned-metrics',
        dimension: 'accountability',
        title: 'Metrics with an owner',
        rules: [unownedMetric, outsiderReference, unresolvedReference],
        measure: charter => share(charter.metrics, m => m.ownerParties.length > 0, (n, total) => `${n} of ${count(total, 'metric')} ${verb(n, 'has')} an owner.`, m => nameOf('metric', m.name))
    },
    {
        id: 'accountability.staffed-bodies',
        dimension: 'accountability',
        title: 'Bodies with members',
        rules: [emptyBody],
        measure: charter => share(charter.bodies, b => b.totalSeats > 0, (n, total) => `${n} of ${count(total, 'body')} ${verb(n, 'has')} members.`, b => nameOf('body', b.name))
    },
    {
        id: 'accountability.commitments-on-time',
        dimension: 'accountability',
        title: 'Dated commitments not overdue',
        rules: [overdueCommitment],
        measure: (charter, today) => share(charter.commitments.filter(c => c.due), c => c.status === 'done' || c.due! >= today,
            (n, total) => `${n} of ${count(total, 'dated commitment')} ${verb(n, 'is')} done or not yet due.`, c => nameOf('commitment', c.name))
    },
    {
        id: 'accountability.term-in-force',
        dimension: 'accountability',
        title: 'A term still in force',
        rules: [expiredTerm],
        serious: { below: 1 },
        measure(charter, today) {
            const end = charter.term?.end;
            if (!end) {
                return undefined;
            }
            return end >= today
                ? ratio(1, 1, `The term runs to ${end}.`)
                : ratio(0, 1, `The term ended on ${end}: the partnership runs on a charter no one renewed.`, [nameOf('charter', charter.name)]);
        }
    }
];
