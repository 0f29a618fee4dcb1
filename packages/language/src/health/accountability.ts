import { count } from '../rules/rule.js';
import { share, type HealthCheckDefinition } from './check.js';
import { counts } from './counted.js';

/** Accountability: clear roles, owned promises, kept promises. */
export const accountabilityChecks: HealthCheckDefinition[] = [
    {
        id: 'accountability.owned-commitments',
        dimension: 'accountability',
        title: 'Commitments with an owner',
        rules: ['unowned-commitment'],
        measure: charter => share(charter.commitments, c => counts(charter, c.owner), (n, total) => `${n} of ${count(total, 'commitment')} have an owner.`)
    },
    {
        id: 'accountability.commitments-owed-to-someone',
        dimension: 'accountability',
        title: 'Commitments owed to a named party',
        rules: ['commitment-without-beneficiary'],
        measure: charter => share(charter.commitments, c => c.beneficiaries.some(ref => counts(charter, ref)), (n, total) => `${n} of ${count(total, 'commitment')} say to whom they are owed.`)
    },
    {
        id: 'accountability.decided-decisions',
        dimension: 'accountability',
        title: 'Decisions with a decider',
        rules: ['undecided-decision'],
        measure: charter => share(charter.decisions, d => d.deciders.some(ref => counts(charter, ref)), (n, total) => `${n} of ${count(total, 'decision')} say who decides.`)
    },
    {
        id: 'accountability.owned-metrics',
        dimension: 'accountability',
        title: 'Metrics with an owner',
        rules: ['unowned-metric'],
        measure: charter => share(charter.metrics, m => counts(charter, m.owner), (n, total) => `${n} of ${count(total, 'metric')} have an owner.`)
    },
    {
        id: 'accountability.staffed-bodies',
        dimension: 'accountability',
        title: 'Bodies with members',
        rules: ['empty-body'],
        measure: charter => share(charter.bodies, b => b.members.some(ref => counts(charter, ref)), (n, total) => `${n} of ${count(total, 'body')} have members.`)
    },
    {
        id: 'accountability.commitments-on-time',
        dimension: 'accountability',
        title: 'Dated commitments not overdue',
        rules: ['overdue-commitment'],
        measure: (charter, today) => share(charter.commitments.filter(c => c.due), c => c.status === 'done' || c.due! >= today,
            (n, total) => `${n} of ${count(total, 'dated commitment')} are done or not yet due.`)
    }
];
