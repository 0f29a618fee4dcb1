import { count } from '../rules/rule.js';
import { ratio, type HealthCheckDefinition } from './check.js';

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
        measure(charter) {
            const blockable = charter.decisions.filter(decision => decision.blockingParties.length >= 2);
            if (blockable.length === 0) {
                return undefined;
            }
            const covered = blockable.filter(decision => decision.coveringEscalation);
            return ratio(covered.length, blockable.length, `${covered.length} of ${count(blockable.length, 'jointly blockable decision')} escalate somewhere.`);
        }
    },
    {
        id: 'conflict.final-steps',
        dimension: 'conflict',
        title: 'Escalations with a final step',
        rules: ['unresolved-escalation'],
        measure(charter) {
            if (charter.escalations.length === 0) {
                return undefined;
            }
            const resolved = charter.escalations.filter(escalation => escalation.finalStep);
            return ratio(resolved.length, charter.escalations.length, `${resolved.length} of ${count(charter.escalations.length, 'escalation')} end in a final step.`);
        }
    },
    {
        id: 'conflict.timed-levels',
        dimension: 'conflict',
        title: 'Escalation levels with a time box',
        rules: ['untimed-escalation-level'],
        measure(charter) {
            const levels = charter.escalations.flatMap(escalation => escalation.levels);
            if (levels.length === 0) {
                return undefined;
            }
            const timed = levels.filter(level => level.within);
            return ratio(timed.length, levels.length, `${timed.length} of ${count(levels.length, 'escalation level')} are time-boxed.`);
        }
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
