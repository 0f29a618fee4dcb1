import { isOwnEntry } from '../journal/rule-helpers.js';
import { dateRangeOf } from '../model/journal-types.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';

export const futureEntry = defineRule<NoOptions, { kind: 'future-entry'; date: string; today: string }>({
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
                        range: dateRangeOf(entry),
                        element: journal.charter ? `${journal.charter}.${journal.name}` : journal.name,
                        data: { kind: 'future-entry', date: entry.date, today }
                    });
                }
            }
        }
    },
    fix({ finding }) {
        const today = finding.data.today;
        return [{ title: `Change the date to today (${today})`, edits: [{ range: finding.range, newText: today }], preferred: true }];
    }
});
