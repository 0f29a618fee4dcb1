import { count } from '../rules/rule.js';
import { ratio, type HealthCheckDefinition } from './check.js';

/** Accountability: clear roles, owned promises, kept promises. */
export const accountabilityChecks: HealthCheckDefinition[] = [
    {
        id: 'accountability.owned-commitments',
        dimension: 'accountability',
        title: 'Commitments with an owner',
        rules: ['unowned-commitment'],
        measure(charter) {
            const total = charter.commitments.length;
            return total === 0 ? undefined : ratio(charter.commitments.filter(c => c.owner).length, total, `${charter.commitments.filter(c => c.owner).length} of ${count(total, 'commitment')} have an owner.`);
        }
    },
    {
        id: 'accountability.commitments-owed-to-someone',
        dimension: 'accountability',
        title: 'Commitments owed to a named party',
        rules: ['commitment-without-beneficiary'],
        measure(charter) {
            const total = charter.commitments.length;
            const owed = charter.commitments.filter(c => c.beneficiaries.length > 0).length;
            return total === 0 ? undefined : ratio(owed, total, `${owed} of ${count(total, 'commitment')} say to whom they are owed.`);
        }
    },
    {
        id: 'accountability.decided-decisions',
        dimension: 'accountability',
        title: 'Decisions with a decider',
        rules: ['undecided-decision'],
        measure(charter) {
            const total = charter.decisions.length;
            const decided = charter.decisions.filter(d => d.deciders.length > 0).length;
            return total === 0 ? undefined : ratio(decided, total, `${decided} of ${count(total, 'decision')} say who decides.`);
        }
    },
    {
        id: 'accountability.owned-metrics',
        dimension: 'accountability',
        title: 'Metrics with an owner',
        rules: ['unowned-metric'],
        measure(charter) {
            const total = charter.metrics.length;
            const owned = charter.metrics.filter(m => m.owner).length;
            return total === 0 ? undefined : ratio(owned, total, `${owned} of ${count(total, 'metric')} have an owner.`);
        }
    },
    {
        id: 'accountability.staffed-bodies',
        dimension: 'accountability',
        title: 'Bodies with members',
        rules: ['empty-body'],
        measure(charter) {
            const total = charter.bodies.length;
            const staffed = charter.bodies.filter(b => b.members.length > 0).length;
            return total === 0 ? undefined : ratio(staffed, total, `${staffed} of ${count(total, 'body')} have members.`);
        }
    },
    {
        id: 'accountability.commitments-on-time',
        dimension: 'accountability',
        title: 'Dated commitments not overdue',
        rules: ['overdue-commitment'],
        measure(charter, today) {
            const dated = charter.commitments.filter(c => c.due);
            if (dated.length === 0) {
                return undefined;
            }
            const onTime = dated.filter(c => c.status === 'done' || c.due! >= today).length;
            return ratio(onTime, dated.length, `${onTime} of ${count(dated.length, 'dated commitment')} are done or not yet due.`);
        }
    }
];
