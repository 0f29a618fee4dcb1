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
        for (const { journal, history } of journals ?? []) {
            // The history holds this journal's entries sorted by date: when its last is not after today, none of them is.
            const latest = history?.journals.includes(journal) ? history.entries.at(-1)?.date : undefined;
            if (latest !== undefined && latest <= today) continue;
            // Indexed rather than for...of: a rule runs once a build, before V8 optimizes it, and an iterator makes an object per entry.
            for (let index = 0; index < journal.entries.length; index++) {
                const entry = journal.entries[index];
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
