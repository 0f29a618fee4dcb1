import { count } from '../rules/rule.js';
import { ratio, share, type HealthCheckDefinition } from './check.js';
import { deadlockRisk } from '../rules/deadlock-risk.js';
import { noEscalation } from '../rules/no-escalation.js';
import { oneSidedEscalation } from '../rules/one-sided-escalation.js';
import { unresolvedEscalation } from '../rules/unresolved-escalation.js';
import { untimedEscalationLevel } from '../rules/untimed-escalation-level.js';

/** Conflict management: agreed, time-boxed, neutral dispute resolution. */
export const conflictChecks: HealthCheckDefinition[] = [
    {
        id: 'conflict.escalation-exists',
        dimension: 'conflict',
        title: 'An agreed escalation path',
        rules: [noEscalation],
        measure(charter) {
            return ratio(charter.escalations.length > 0 ? 1 : 0, 1, charter.escalations.length > 0
                ? `${count(charter.escalations.length, 'escalation path')}.` : 'No escalation path.');
        }
    },
    {
        id: 'conflict.blockable-decisions-covered',
        dimension: 'conflict',
        title: 'Jointly blockable decisions covered by an escalation',
        rules: [deadlockRisk],
        measure: charter => share(charter.decisions.filter(d => d.blockingParties.length >= 2), d => !!d.coveringEscalation,
            (n, total) => `${n} of ${count(total, 'jointly blockable decision')} escalate somewhere.`)
    },
    {
        id: 'conflict.final-steps',
        dimension: 'conflict',
        title: 'Escalations with a final step',
        rules: [unresolvedEscalation],
        measure: charter => share(charter.escalations, e => !!e.finalStep, (n, total) => `${n} of ${count(total, 'escalation')} end in a final step.`)
    },
    {
        id: 'conflict.timed-levels',
        dimension: 'conflict',
        title: 'Escalation levels with a time box',
        rules: [untimedEscalationLevel],
        measure: charter => share(charter.escalations.flatMap(e => e.levels), level => !!level.within, (n, total) => `${n} of ${count(total, 'escalation level')} are time-boxed.`)
    },
    {
        id: 'conflict.joint-levels',
        dimension: 'conflict',
        title: 'Escalation levels that seat every party',
        rules: [oneSidedEscalation],
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
