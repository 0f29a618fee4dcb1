import { count } from '../rules/rule.js';
import { ratio, share, type HealthCheckDefinition } from './check.js';

/** Conflict management: agreed, time-boxed, neutral dispute resolution. */
export const conflictChecks: HealthCheckDefinition[] = [
    {
        id: 'conflict.escalation-exists',
        dimension: 'conflict',
        title: 'An agreed escalation path',
        rules: ['no-escalation'],
        measure(charter) {
            return ratio(charter.escalations.length > 0 ? 1 : 0, 1, charter.escalations.length > 0
                ? `${count(charter.escalations.length, 'escalation path')}.` : 'No escalation path.');
        }
    },
    {
        id: 'conflict.blockable-decisions-covered',
        dimension: 'conflict',
        title: 'Jointly blockable decisions covered by an escalation',
        rules: ['deadlock-risk'],
        measure: charter => share(charter.decisions.filter(d => d.blockingParties.length >= 2), d => !!d.coveringEscalation,
            (n, total) => `${n} of ${count(total, 'jointly blockable decision')} escalate somewhere.`)
    },
    {
        id: 'conflict.final-steps',
        dimension: 'conflict',
        title: 'Escalations with a final step',
        rules: ['unresolved-escalation'],
        measure: charter => share(charter.escalations, e => !!e.finalStep, (n, total) => `${n} of ${count(total, 'escalation')} end in a final step.`)
    },
    {
        id: 'conflict.timed-levels',
        dimension: 'conflict',
        title: 'Escalation levels with a time box',
        rules: ['untimed-escalation-level'],
        measure: charter => share(charter.escalations.flatMap(e => e.levels), level => !!level.within, (n, total) => `${n} of ${count(total, 'escalation level')} are time-boxed.`)
    },
    {
        id: 'conflict.joint-levels',
        dimension: 'conflict',
        title: 'Escalation levels that seat every party',
        rules: ['one-sided-escalation'],
        measure(charter) {
            const levels = charter.escalations.flatMap(escalation => escalation.levels);
            if (levels.length === 0 || charter.parties.length < 2) {
                return undefined;
            }
            const joint = levels.filter(level => charter.parties.every(party => level.parties.includes(party)));
            return ratio(joint.length, levels.length, `${joint.length} of ${count(levels.length, 'escalation level')} seat every party.`);
        }
    }
];
