import { dateInFull, isRealDate, MONTH_NAMES, notADateMessage } from '../front-ends.js';
import type { SyntaxProblem, TextReplacement, Range } from './types.js';

/**
 * Dates written as people write them elsewhere (`03/12/2026`, `2026.12.03`,
 * `3 Dec 2026`, `20261203`), and dates not written in full (`2026-12-3`):
 * what they may mean as YYYY-MM-DD, so that the `syntax` finding says what to
 * write, and offers it as a quick fix.
 */

/** The `syntax` finding of a date read as one that is none (`2026-12-3`, `2026-02-30`), with the date in full as its quick fix where there is one. */
export function notADateProblem(text: string, range: Range): SyntaxProblem {
    const inFull = dateInFull(text);
    return { message: notADateMessage(text), range, replacements: inFull ? [{ title: `Change it to ${inFull}`, range, newText: inFull }] : undefined };
}

/** A date between quotes, single (`'2026-03-04'`) or double (`"2026-03-04"`): the date within them, when it is one of the calendar. */
export function quotedDate(text: string): { written: string; date: string } | undefined {
    const match = /^(['"])(\d{4}-\d{2}-\d{2})\1/.exec(text);
    return match && isRealDate(match[2]) ? { written: match[0], date: match[2] } : undefined;
}

/** The `syntax` finding of a date written between quotes: one finding on the date and its quotes, whose quick fix writes the date alone. */
export function quotedDateProblem({ written, date }: { written: string; date: string }, range: Range): SyntaxProblem {
    return {
        message: `\`${written}\` is a date in quotes: write dates without quotes (${date}).`,
        range,
        replacements: [{ title: `Change it to ${date}`, range, newText: date }]
    };
}

const MONTH_WORD = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';

/** `03/12/2026`, `2026/12/03`, `2026.12.03`, `12.03.2026`, `3-12-2026`: three numbers, one separator, a four-digit year first or last. */
const NUMERIC = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\w./-])/;
/** `20261203`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?![\w./-])/;
/** `3 Dec 2026`, `3rd December 2026`, `3-Dec-2026`. */
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?[ \\t-]+${MONTH_WORD}[ \\t,-]+(\\d{4})(?![\\w./-])`, 'i');
/** `Dec 3, 2026`, `December 3rd 2026`. */
const MONTH_DAY = new RegExp(`^${MONTH_WORD}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})(?![\\w./-])`, 'i');

/** A date as written, and the dates of the calendar it may mean (none, one, or day and month either way round). */
export interface DateWrittenOtherwise {
    written: string;
    meant: Array<{ date: string; reading: string }>;
}

/** The date written in another form at the start of `text`, if one is there. */
export function dateWrittenOtherwise(text: string): DateWrittenOtherwise | undefined {
    let match = NUMERIC.exec(text);
    if (match) {
        const [written, first, , second, third] = match;
        if (first.length === 4 && third.length <= 2) {
            return { written, meant: dates([[first, second, third]]) };
        }
        if (third.length === 4 && first.length <= 2) {
            // Day first (03/12/2026, most of the world) or month first (the United States): either, when both can be.
            return { written, meant: dates([[third, second, first], [third, first, second]]) };
        }
        return undefined;
    }
    match = COMPACT.exec(text);
    if (match) {
        return { written: match[0], meant: dates([[match[1], match[2], match[3]]]) };
    }
    match = DAY_MONTH.exec(text);
    if (match) {
        return { written: match[0], meant: dates([[match[3], String(monthOf(match[2])), match[1]]]) };
    }
    match = MONTH_DAY.exec(text);
    if (match) {
        return { written: match[0], meant: dates([[match[3], String(monthOf(match[1])), match[2]]]) };
    }
    return undefined;
}

/** The `syntax` finding of a date written in another form: what to write instead, each meaning a quick fix. */
export function dateWrittenOtherwiseProblem({ written, meant }: DateWrittenOtherwise, range: Range): SyntaxProblem {
    const instead = meant.length === 0 ? '2026-01-31 is 31 January'
        : meant.length === 1 ? meant[0].date
            : meant.map(({ date, reading }) => `${date} for ${reading}`).join(', ');
    return {
        message: `\`${written}\` is not a date: write dates as YYYY-MM-DD (${instead}).`,
        range,
        replacements: meant.map(({ date, reading }): TextReplacement => ({ title: meant.length === 1 ? `Change it to ${date}` : `Change it to ${date} (${reading})`, range, newText: date }))
    };
}

function dates(candidates: Array<[string, string, string]>): Array<{ date: string; reading: string }> {
    const meant: Array<{ date: string; reading: string }> = [];
    for (const [year, month, day] of candidates) {
        const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
        if (isRealDate(date) && !meant.some(known => known.date === date)) {
            meant.push({ date, reading: `${Number(day)} ${MONTH_NAMES[Number(month) - 1]}` });
        }
    }
    return meant;
}

function monthOf(word: string): number {
    const start = word.toLowerCase().slice(0, 3);
    return MONTH_NAMES.findIndex(month => month.toLowerCase().startsWith(start)) + 1;
}
