import { count } from '../rules/rule.js';
import { share, type HealthCheckDefinition } from './check.js';
import { commitmentWithoutBeneficiary } from '../rules/commitment-without-beneficiary.js';
import { emptyBody } from '../rules/empty-body.js';
import { overdueCommitment } from '../rules/overdue-commitment.js';
import { undecidedDecision } from '../rules/undecided-decision.js';
import { unownedCommitment } from '../rules/unowned-commitment.js';
import { unownedMetric } from '../rules/unowned-metric.js';

/** Accountability: clear roles, owned promises, kept promises. */
export const accountabilityChecks: HealthCheckDefinition[] = [
    {
        id: 'accountability.owned-commitments',
        dimension: 'accountability',
        title: 'Commitments with an owner',
        rules: [unownedCommitment],
        measure: charter => share(charter.commitments, c => !!c.owner, (n, total) => `${n} of ${count(total, 'commitment')} have an owner.`)
    },
    {
        id: 'accountability.commitments-owed-to-someone',
        dimension: 'accountability',
        title: 'Commitments owed to a named party',
        rules: [commitmentWithoutBeneficiary],
        measure: charter => share(charter.commitments, c => c.beneficiaries.length > 0, (n, total) => `${n} of ${count(total, 'commitment')} say to whom they are owed.`)
    },
    {
        id: 'accountability.decided-decisions',
        dimension: 'accountability',
        title: 'Decisions with a decider',
        rules: [undecidedDecision],
        measure: charter => share(charter.decisions, d => d.deciders.length > 0, (n, total) => `${n} of ${count(total, 'decision')} say who decides.`)
    },
    {
        id: 'accountability.owned-metrics',
        dimension: 'accountability',
        title: 'Metrics with an owner',
        rules: [unownedMetric],
        measure: charter => share(charter.metrics, m => !!m.owner, (n, total) => `${n} of ${count(total, 'metric')} have an owner.`)
    },
    {
        id: 'accountability.staffed-bodies',
        dimension: 'accountability',
        title: 'Bodies with members',
        rules: [emptyBody],
        measure: charter => share(charter.bodies, b => b.members.length > 0, (n, total) => `${n} of ${count(total, 'body')} have members.`)
    },
    {
        id: 'accountability.commitments-on-time',
        dimension: 'accountability',
        title: 'Dated commitments not overdue',
        rules: [overdueCommitment],
        measure: (charter, today) => share(charter.commitments.filter(c => c.due), c => c.status === 'done' || c.due! >= today,
            (n, total) => `${n} of ${count(total, 'dated commitment')} are done or not yet due.`)
    }
];
