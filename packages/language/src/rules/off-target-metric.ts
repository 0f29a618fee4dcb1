import { kindAndName, nameOf } from '../wording.js';
import { latestJudgedReading, unitSuffix } from '../journal/history.js';
import { isOwnEntry, journalsWithHistory } from '../journal/rule-helpers.js';
import { defineRule, docsPath } from './rule.js';

export const offTargetMetric = defineRule({
    meta: {
        id: 'off-target-metric',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A metric\'s latest reading misses its target.',
        docs: docsPath('off-target-metric')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of journalsWithHistory(context)) {
            for (const metric of history.charter.metrics) {
                const latest = latestJudgedReading(history, metric.name, today);
                if (latest && latest.onTarget === false && metric.target && isOwnEntry(journal, latest.entry)) {
                    const target = metric.target;
                    const unit = unitSuffix(target);
                    report({
                        message: `${kindAndName('metric', metric.name, true)} read ${latest.value}${unit} on ${latest.entry.date}, off its target ${target.comparator} ${target.value}${unit}.`,
                        range: latest.entry.range,
                        element: `${history.charter.name}.${metric.name}`,
                        related: [{ uri: metric.source.uri, range: metric.source.nameRange, message: `${nameOf('metric', metric.name, true)}'s target.` }],
                        data: { charter: history.charter.name, metric: metric.name, value: latest.value }
                    });
                }
            }
        }
    }
});
