import { isOwnEntry } from '../journal/rule-helpers.js';
import { defineRule, docsPath } from './rule.js';

export const futureEntry = defineRule({
    meta: {
        id: 'future-entry',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A journal entry is dated after today.',
        docs: docsPath('future-entry')
    },
    check({ today, report, journals }) {
        for (const { journal } of journals ?? []) {
            for (const entry of journal.entries) {
                if (entry.date > today && isOwnEntry(journal, entry)) {
                    report({
                        message: `This ${entry.kind} entry is dated ${entry.date}, after today (${today}); a journal records what happened.`,
                        range: entry.dateRange,
                        element: journal.charter ? `${journal.charter}.${journal.name}` : journal.name,
                        data: { kind: 'future-entry', date: entry.date, today }
                    });
                }
            }
        }
    }
});
