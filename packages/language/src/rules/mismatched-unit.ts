import { kindAndName, nameOf } from '../wording.js';
import { unitAgrees, unitSuffix } from '../journal/history.js';
import { journalsWithHistory } from '../journal/rule-helpers.js';
import { valueRangeOf } from '../model/journal-builder.js';
import type { TargetModel } from '../model/types.js';
import { defineRule, docsPath } from './rule.js';

export const mismatchedUnit = defineRule({
    meta: {
        id: 'mismatched-unit',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A `measured` entry gives a reading in another unit than its metric\'s target (`12 %` against a target of `< 5 days`), so the reading cannot be compared with the target.',
        docs: docsPath('mismatched-unit')
    },
    check({ report, ...context }) {
        for (const { journal, history } of journalsWithHistory(context)) {
            const metrics = new Map(history.charter.metrics.map(metric => [metric.name, metric]));
            // Indexed rather than for...of: a rule runs once a build, before V8 optimizes it, and an iterator makes an object per entry.
            for (let index = 0; index < journal.entries.length; index++) {
                const entry = journal.entries[index];
                if (entry.kind !== 'measured' || !entry.metric || entry.value === undefined) continue;
                const metric = metrics.get(entry.metric.text);
                if (!metric?.target || unitAgrees(entry, metric)) continue;
                report({
                    message: `${kindAndName('metric', metric.name, true)} read ${entry.value}${unitSuffix(entry)} on ${entry.date}, but its target ${targetText(metric.target)} ${unitOf(metric.target)}: the reading is not compared with the target.`,
                    range: valueRangeOf(entry) ?? entry.range,
                    element: `${history.charter.name}.${metric.name}`,
                    related: [{ uri: metric.source.uri, range: metric.source.nameRange, message: `${nameOf('metric', metric.name, true)}'s target is ${targetText(metric.target)}.` }],
                    data: { charter: history.charter.name, metric: metric.name, unit: entry.scale !== undefined ? `of ${entry.scale}` : entry.unit, targetUnit: metric.target.scale !== undefined ? `of ${metric.target.scale}` : metric.target.unit }
                });
            }
        }
    }
});

function targetText(target: TargetModel): string {
    return `${target.comparator} ${target.value}${unitSuffix(target)}`;
}

/** How the target measures: `is in days`, `is a score of 5`, `has no unit`. */
function unitOf(target: TargetModel): string {
    return target.scale !== undefined ? `is a score of ${target.scale}` : target.unit ? `is in ${target.unit}` : 'has no unit';
}
