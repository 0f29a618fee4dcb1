import { count, listText, nameOf, verb } from '../wording.js';
import { ratio, share, type HealthCheckDefinition } from './check.js';
import { incompleteMetric } from '../rules/incomplete-metric.js';
import { missingObjectives } from '../rules/missing-objectives.js';
import { missingVision } from '../rules/missing-vision.js';
import { noRelationshipMetric } from '../rules/no-relationship-metric.js';
import { unmeasuredObjective } from '../rules/unmeasured-objective.js';
import { unownedMetric } from '../rules/unowned-metric.js';

const KINDS = ['outcome', 'process', 'relationship'] as const;

/** Measurable outcomes: the quality of processes, the vitality of the relationship, the business outcomes. */
export const outcomesChecks: HealthCheckDefinition[] = [
    {
        id: 'outcomes.vision',
        dimension: 'outcomes',
        title: 'A shared vision',
        rules: [missingVision],
        measure(charter) {
            return ratio(charter.vision ? 1 : 0, 1, charter.vision ? 'The vision is stated.' : 'No vision is stated.', charter.vision ? [] : [nameOf('charter', charter.name)]);
        }
    },
    {
        id: 'outcomes.objectives',
        dimension: 'outcomes',
        title: 'Objectives stated',
        rules: [missingObjectives],
        measure(charter) {
            return ratio(charter.objectives.length > 0 ? 1 : 0, 1, `${count(charter.objectives.length, 'objective')}.`, charter.objectives.length ? [] : [nameOf('charter', charter.name)]);
        }
    },
    {
        id: 'outcomes.measured-objectives',
        dimension: 'outcomes',
        title: 'Objectives tracked by a metric',
        rules: [unmeasuredObjective],
        measure: charter => share(charter.objectives, objective => charter.metrics.some(metric => metric.tracks.includes(objective.name)),
            (n, total) => `${n} of ${count(total, 'objective')} ${verb(n, 'is')} tracked by a metric.`, objective => nameOf('objective', objective.name))
    },
    {
        id: 'outcomes.complete-metrics',
        dimension: 'outcomes',
        title: 'Metrics complete (owner, target, cadence)',
        rules: [incompleteMetric, unownedMetric],
        measure(charter) {
            const total = charter.metrics.length;
            if (total === 0) {
                return undefined;
            }
            const parts = charter.metrics.reduce((sum, metric) => sum + Number(metric.ownerParties.length > 0) + Number(!!metric.target) + Number(!!metric.cadence), 0);
            return ratio(parts, total * 3, `${parts} of the ${total * 3} owners, targets and cadences of ${count(total, 'metric')} ${verb(parts, 'is')} set.`,
                charter.metrics.filter(metric => !(metric.ownerParties.length > 0 && metric.target && metric.cadence)).map(metric => nameOf('metric', metric.name)));
        }
    },
    {
        id: 'outcomes.metric-kinds',
        dimension: 'outcomes',
        title: 'Kinds of metric covered (outcome, process, relationship)',
        rules: [noRelationshipMetric],
        measure(charter) {
            const covered = KINDS.filter(kind => charter.metrics.some(metric => metric.kind === kind));
            const missing = KINDS.filter(kind => !covered.includes(kind));
            return ratio(covered.length, KINDS.length, missing.length ? `No metric of kind ${listText(missing, 'or')}.` : 'Outcome, process and relationship metrics are all there.',
                missing.length ? [nameOf('charter', charter.name)] : []);
        }
    }
];
