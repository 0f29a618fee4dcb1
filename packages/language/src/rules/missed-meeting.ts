import { kindAndName, nameOf } from '../wording.js';
import { addPeriodAndAHalf, cadencePeriod } from '../journal/periods.js';
import { activeUntil, charterRange, charterReporters, countedSince } from '../journal/rule-helpers.js';
import { entriesAbout, lastUpTo } from '../journal/history.js';
import { defineRule, docsPath } from './rule.js';

export const missedMeeting = defineRule({
    meta: {
        id: 'missed-meeting',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A body that `meets` on a cadence has no `met` entry for more than 1.5 cadence periods before today.',
        docs: docsPath('missed-meeting')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of charterReporters(context)) {
            for (const body of history.charter.bodies) {
                if (!body.meets) continue;
                const last = lastUpTo(entriesAbout(history, 'met', body.name), today, entry => entry.date)?.date;
                const counted = countedSince(last, history.charter, today);
                if (!counted) continue;
                const { since, beforeTerm } = counted;
                const period = cadencePeriod(body.meets);
                const deadline = addPeriodAndAHalf(since, period);
                if (activeUntil(history.charter, today) > deadline) {
                    const what = !last ? `has not met since the term started on ${since}` : beforeTerm ? `last met on ${last}, before the term started on ${since}` : `last met on ${last}`;
                    report({
                        message: `${kindAndName('body', body.name, true)} meets ${body.meets} but ${what}; a meeting was due by ${deadline} (today is ${today}).`,
                        range: charterRange(journal),
                        element: `${history.charter.name}.${body.name}`,
                        related: [{ uri: body.source.uri, range: body.source.nameRange, message: `${nameOf('body', body.name, true)} meets ${body.meets}.` }],
                        data: { charter: history.charter.name, body: body.name, last, deadline }
                    });
                }
            }
        }
    }
});
