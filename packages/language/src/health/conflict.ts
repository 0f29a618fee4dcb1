import { count, nameOf, verb } from '../wording.js';
import { ratio, share, type HealthCheckDefinition } from './check.js';
import { deadlockRisk } from '../rules/deadlock-risk.js';
import { noEscalation } from '../rules/no-escalation.js';
import { oneSidedEscalation } from '../rules/one-sided-escalation.js';
import { oneSidedFinalStep } from '../rules/one-sided-final-step.js';
import { unresolvedEscalation } from '../rules/unresolved-escalation.js';
import { untimedEscalationLevel } from '../rules/untimed-escalation-level.js';

/** Conflict management: agreed, time-boxed, neutral dispute resolution. */
export const conflictChecks: HealthCheckDefinition[] = [
    {
        id: 'conflict.escalation-exists',
        dimension: 'conflict',
        title: 'An agreed escalation path',
        rules: [noEscalation],
        serious: { below: 1 },
        measure(charter) {
            return ratio(charter.escalations.length > 0 ? 1 : 0, 1, charter.escalations.length > 0
                ? `${count(charter.escalations.length, 'escalation path')}.` : 'No escalation path.', charter.escalations.length ? [] : [nameOf('charter', charter.name)]);
        }
    },
    {
        id: 'conflict.blockable-decisions-covered',
        dimension: 'conflict',
        title: 'Jointly blockable decisions covered by an escalation',
        rules: [deadlockRisk],
        serious: { below: 1 },
        measure: charter => share(charter.decisions.filter(d => d.blockingParties.length >= 2), d => !!d.coveringEscalation,
            (n, total) => `${n} of ${count(total, 'jointly blockable decision')} ${verb(n, 'escalates')} somewhere.`, d => nameOf('decision', d.name))
    },
    {
        id: 'conflict.final-steps',
        dimension: 'conflict',
        title: 'Escalations that end in a neutral final step',
        rules: [unresolvedEscalation, oneSidedFinalStep],
        serious: { below: 1 },
        measure(charter) {
            if (charter.escalations.length === 0) {
                return undefined;
            }
            // A neutral final step counts 1, one decided by one party's principals 0.5 (the dispute ends, on one side's terms), none 0.
            const value = (e: (typeof charter.escalations)[number]) => (!e.finalStep ? 0 : e.finalStep.oneSided ? 0.5 : 1);
            const ending = charter.escalations.filter(e => e.finalStep).length;
            const oneSided = charter.escalations.filter(e => e.finalStep?.oneSided);
            const explanation = `${ending} of ${count(charter.escalations.length, 'escalation')} ${verb(ending, 'ends')} in a final step` +
                (oneSided.length ? `; in ${count(oneSided.length, 'escalation')} one party has the final say (${oneSided.map(e => `${nameOf('escalation', e.name)}: ${e.finalStep!.parties[0]}`).join(', ')}).` : '.');
            return ratio(charter.escalations.reduce((sum, e) => sum + value(e), 0), charter.escalations.length, explanation,
                charter.escalations.filter(e => value(e) < 1).map(e => nameOf('escalation', e.name)));
        }
    },
    {
        id: 'conflict.timed-levels',
        dimension: 'conflict',
        title: 'Escalation levels with a time box',
        rules: [untimedEscalationLevel],
        serious: { below: 1 },
        measure: charter => share(charter.escalations.flatMap(e => e.levels.map(level => ({ escalation: nameOf('escalation', e.name), level }))), ({ level }) => !!level.within,
            (n, total) => `${n} of ${count(total, 'escalation level')} ${verb(n, 'is')} time-boxed.`, ({ escalation, level }) => `${escalation} level ${level.index + 1}`)
    },
    {
        id: 'conflict.joint-levels',
        dimension: 'conflict',
        title: 'Escalation levels that seat every party',
        rules: [oneSidedEscalation],
        serious: { below: 1 },
        measure(charter) {
            const levels = charter.escalations.flatMap(escalation => escalation.levels.map(level => ({ escalation: nameOf('escalation', escalation.name), level })));
            if (levels.length === 0 || charter.parties.length < 2) {
                return undefined;
            }
            const seatsAll = ({ level }: (typeof levels)[number]) => charter.parties.every(party => level.parties.includes(party));
            const joint = levels.filter(seatsAll);
            return ratio(joint.length, levels.length, `${joint.length} of ${count(levels.length, 'escalation level')} ${verb(joint.length, 'seats')} every party.`,
                levels.filter(item => !seatsAll(item)).map(({ escalation, level }) => `${escalation} level ${level.index + 1}`));
        }
    }
];
