import { kindAndName } from '../wording.js';
import { addPeriod, reviewPeriod } from '../journal/periods.js';
import { activeUntil, charterRange, charterReporters, countedSince } from '../journal/rule-helpers.js';
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
            const counted = countedSince(last, history.charter, today);
            if (!counted) continue;
            const { since, beforeTerm } = counted;
            const due = addPeriod(since, period);
            if (activeUntil(history.charter, today) > due) {
                const what = !last ? `has not been reviewed since the term started on ${since}` : beforeTerm ? `was last reviewed on ${last}, before the term started on ${since}` : `was last reviewed on ${last}`;
                report({
                    message: `${kindAndName('charter', history.charter.name, true)} ${what}; with a review ${period.label} one was due by ${due} (today is ${today}).`,
                    range: charterRange(journal),
                    element: history.charter.name,
                    data: { charter: history.charter.name, last, due }
                });
            }
        }
    }
});
