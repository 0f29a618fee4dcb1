import { kindAndName, nameOf } from '../wording.js';
import { addPeriodAndAHalf, cadencePeriod } from '../journal/periods.js';
import { lastUpTo } from '../journal/history.js';
import { activeUntil, charterRange, charterReporters, countedSince } from '../journal/rule-helpers.js';
import { defineRule, docsPath } from './rule.js';

export const unreportedMetric = defineRule({
    meta: {
        id: 'unreported-metric',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A metric with a `cadence` has no reading for more than 1.5 cadence periods before today.',
        docs: docsPath('unreported-metric')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of charterReporters(context)) {
            for (const metric of history.charter.metrics) {
                if (!metric.cadence) continue;
                const last = lastUpTo(history.readings[metric.name] ?? [], today, reading => reading.entry.date)?.entry.date;
                const counted = countedSince(last, history.charter, today);
                if (!counted) continue;
                const { since, beforeTerm } = counted;
                const deadline = addPeriodAndAHalf(since, cadencePeriod(metric.cadence));
                if (activeUntil(history.charter, today) > deadline) {
                    const what = !last ? `has no reading since the term started on ${since}` : beforeTerm ? `was last measured on ${last}, before the term started on ${since}` : `was last measured on ${last}`;
                    report({
                        message: `${kindAndName('metric', metric.name, true)} is reported ${metric.cadence} but ${what}; a reading was due by ${deadline} (today is ${today}).`,
                        range: charterRange(journal),
                        element: `${history.charter.name}.${metric.name}`,
                        related: [{ uri: metric.source.uri, range: metric.source.nameRange, message: `${nameOf('metric', metric.name, true)} has cadence ${metric.cadence}.` }],
                        data: { charter: history.charter.name, metric: metric.name, last, deadline }
                    });
                }
            }
        }
    }
});
