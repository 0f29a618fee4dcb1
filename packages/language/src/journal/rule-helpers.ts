/**
 * What the execution rules share: walking the document's journals with their
 * charters' histories, and where their findings go (docs/journal.md,
 * "Where findings appear").
 */
import type { JournalScope, RuleContext } from '../rules/rule.js';
import type { CharterModel, JournalEntry, JournalModel, Range } from '../model/types.js';
import type { CharterHistory } from './history.js';
import { addMonths, reviewPeriod, type Period } from './periods.js';

export interface ChartedScope extends JournalScope {
    history: CharterHistory;
}

/** The document's journals whose `for` names a charter. */
export function journalsWithHistory(context: Pick<RuleContext, 'journals'>): ChartedScope[] {
    return (context.journals ?? []).filter((scope): scope is ChartedScope => scope.history !== undefined);
}

/** The journals that report findings about their charter as a whole (its current journal, once per charter). */
export function charterReporters(context: Pick<RuleContext, 'journals'>): ChartedScope[] {
    return journalsWithHistory(context).filter(scope => scope.reportsCharter);
}

/** Whether an entry is written in this journal (not in another journal of the same charter). */
export function isOwnEntry(journal: JournalModel, entry: JournalEntry): boolean {
    return entry.uri === journal.source.uri && entry.journal === journal.name;
}

/** Each history's entries up to today, worked out once: several rules read them, for every document of the charter. */
const upToToday = new WeakMap<CharterHistory, readonly JournalEntry[]>();

/** The history's entries up to today (later ones are `future-entry`'s business). */
export function entriesUpToToday(history: CharterHistory): readonly JournalEntry[] {
    let entries = upToToday.get(history);
    if (entries === undefined) {
        // The history is sorted by date text, undated entries first: those up to today are one run of it, found
        // without reading every entry's date (a filter over a 10,000-entry history read them all, for each document).
        const all = history.entries;
        let first = 0;
        while (first < all.length && all[first].date === '') first++;
        let end = all.length;
        let low = first;
        while (low < end) {
            const middle = (low + end) >>> 1;
            if (all[middle].date <= history.today) low = middle + 1;
            else end = middle;
        }
        entries = all.slice(first, end);
        upToToday.set(history, entries);
    }
    return entries;
}

/** Where a finding about the charter as a whole stands: the journal's `for` name. */
export function charterRange(journal: JournalModel): Range {
    return journal.charterRange;
}

/** The charter's review interval as a period; 12 months when it has no `review` clause. */
export function reviewWindow(charter: CharterModel): Period {
    return reviewPeriod(charter.review) ?? { unit: 'month', count: 12, label: '12 months' };
}

/** The start of the window of `period` ending today: today minus one period. */
export function windowStart(today: string, period: Period): string {
    if (period.unit === 'month') return addMonths(today, -period.count);
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - period.count);
    return date.toISOString().slice(0, 10);
}

/** The term start, when it is written and not after today. */
export function termStart(charter: CharterModel, today: string): string | undefined {
    const start = charter.term?.start;
    return start && start <= today ? start : undefined;
}

/**
 * Where a cadence is counted from: the last entry up to today, or the term
 * start when there is none, or when the last entry is before the term started
 * (nothing falls due before the term: a meeting of the year before does not
 * make one due before it starts). Undefined with neither.
 */
export function countedSince(last: string | undefined, charter: CharterModel, today: string): { since: string; beforeTerm: boolean } | undefined {
    const start = termStart(charter, today);
    if (last !== undefined && (start === undefined || last >= start)) return { since: last, beforeTerm: false };
    return start === undefined ? undefined : { since: start, beforeTerm: last !== undefined };
}

/**
 * The last day the charter expects anything: today, or the day after its
 * term ended when that is earlier (nothing falls due after the term).
 */
export function activeUntil(charter: CharterModel, today: string): string {
    const end = charter.term?.end;
    if (!end || end >= today) return today;
    const date = new Date(`${end}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
}
