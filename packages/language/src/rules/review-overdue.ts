import { addPeriod, reviewPeriod } from '../journal/periods.js';
import { activeUntil, charterRange, charterReporters, termStart } from '../journal/rule-helpers.js';
import { entriesAbout, lastUpTo } from '../journal/history.js';
import { defineRule, docsPath } from './rule.js';

export const reviewOverdue = defineRule({
    meta: {
        id: 'review-overdue',
        severity: 'warning',
        dimension: 'execution',
        summary: 'The last `reviewed` entry (or the term start) is older than the charter\'s review interval.',
        docs: docsPath('review-overdue')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of charterReporters(context)) {
            const period = reviewPeriod(history.charter.review);
            if (!period) continue;
            // The last `reviewed` entry up to today, from the history's list of them rather than a filter over every entry.
            const last = lastUpTo(entriesAbout(history, 'reviewed'), history.today, entry => entry.date)?.date;
            const since = last ?? termStart(history.charter, today);
            if (!since) continue;
            const due = addPeriod(since, period);
            if (activeUntil(history.charter, today) > due) {
                const what = last ? `was last reviewed on ${last}` : `has not been reviewed since the term started on ${since}`;
                report({
                    message: `Charter ${history.charter.name} ${what}; with a review ${period.label} one was due by ${due} (today is ${today}).`,
                    range: charterRange(journal),
                    element: history.charter.name,
                    data: { charter: history.charter.name, last, due }
                });
            }
        }
    }
});
