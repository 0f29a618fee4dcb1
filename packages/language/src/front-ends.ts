/**
 * Meaning shared by the front ends (the CLI, the language server and the VS
 * Code extension): one definition each, so that they cannot drift apart.
 * Free of Langium and of the services, so the extension can use it
 * (`@entente/language/front-ends`) without bundling the language.
 */
import type { CharterModel, Range } from './model/types.js';
import type { Finding } from './rules/rule.js';

/** Where the repository's docs are published; rule links (hover, SARIF, reports, the preview) point there. */
export const DOCS_BASE_URL = 'https://github.com/entente-charters/entente/blob/main/';

const DASH = 45;
const ZERO = 48;
const NINE = 57;

/**
 * A date as the model keeps it: none when it is no date (one being typed,
 * 2026-11-2, or 2026-02-30). That is a `syntax` finding, and no rule reasons
 * from it (a due date of `2026-` was overdue; `2026-02-30 met` a meeting).
 */
export function realDate(text: string | undefined): string | undefined {
    return text !== undefined && isRealDate(text) ? text : undefined;
}

/**
 * Why a date as written is none: not written in full (one being typed:
 * `2026-11-2`, written in full where that is a date: 2026-11-02), or a day
 * that does not exist, and why (2026-02-29: 2026 is not a leap year).
 */
export function notADateMessage(text: string): string {
    if (text.length === 10) {
        const why = whyNoDate(text);
        return why ? `${text} is not a date of the calendar: ${why}.` : `${text} is not a date of the calendar.`;
    }
    return `\`${text}\` is not a date: write dates in full, as YYYY-MM-DD (${dateInFull(text) ?? '2026-01-31'}).`;
}

/** A date not written in full (`2026-12-3`, `2026-1-5`) written in full, when that is a date of the calendar (2026-12-03). */
export function dateInFull(text: string): string | undefined {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    const date = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : undefined;
    return date !== undefined && date !== text && isRealDate(date) ? date : undefined;
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a date written YYYY-MM-DD is none: a 29 February out of a leap year, a 31st in a month of 30 days, a 13th month. */
function whyNoDate(text: string): string | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12) {
        return 'months are numbered 01 to 12';
    }
    if (day < 1) {
        return 'days are numbered from 01';
    }
    const days = daysInMonth(year, month);
    if (month === 2 && day === 29) {
        return `${match[1]} is not a leap year, so February has 28 days`;
    }
    return day > days ? `${MONTH_NAMES[month - 1]}${month === 2 ? ` ${match[1]}` : ''} has ${days} days` : undefined;
}

/** Whether a text is a date as YYYY-MM-DD that names a day that exists (2026-02-30 does not): `--today`, `entente.today` and the charter's dates. */
export function isRealDate(text: string): boolean {
    // YYYY-MM-DD checked character by character rather than by a regular expression: a journal has a date on every line.
    if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) {
        return false;
    }
    for (let index = 0; index < 10; index++) {
        const code = text.charCodeAt(index);
        if (index !== 4 && index !== 7 && (code < ZERO || code > NINE)) {
            return false;
        }
    }
    // Digits read in place: a closure made per call is a journal's every line (and, where names are kept, a property definition each).
    const year = (text.charCodeAt(0) - ZERO) * 1000 + (text.charCodeAt(1) - ZERO) * 100 + (text.charCodeAt(2) - ZERO) * 10 + (text.charCodeAt(3) - ZERO);
    const month = (text.charCodeAt(5) - ZERO) * 10 + (text.charCodeAt(6) - ZERO);
    const day = (text.charCodeAt(8) - ZERO) * 10 + (text.charCodeAt(9) - ZERO);
    if (year < 100) {
        // Date.UTC reads years 0-99 as 1900-1999: such a date never comes back as itself.
        const date = new Date(Date.UTC(year, month - 1, day));
        return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    }
    // Worked out rather than through a Date: a journal has a date on every line.
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month of the calendar (1 = January), worked out without a Date (leap years by the Gregorian rule). */
export function daysInMonth(year: number, month: number): number {
    if (month === 2) {
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    }
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `inner` lies within `outer`. */
export function rangeWithin(inner: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * Whether a finding of a document is about one of its charters: it names the
 * charter or one of its elements (`Deal`, `Deal.Board`), or lies within the
 * charter's text; a finding that is neither (about a party, or the file) goes
 * with the document's charter when it has only one. The report, the preview
 * and the health score's lists of findings all use this.
 */
export function belongsToCharter(finding: Pick<Finding, 'element' | 'range'>, charter: Pick<CharterModel, 'name'> & { readonly source: { readonly range: Range } }, charterCount: number): boolean {
    if (finding.element === charter.name || finding.element?.startsWith(`${charter.name}.`)) {
        return true;
    }
    return rangeWithin(finding.range, charter.source.range) || charterCount === 1;
}

/** Whom to show a charter from: a party of it, or nobody in particular; or why not. */
export type ViewAs = { readonly party: string | undefined; readonly error?: undefined } | { readonly party?: undefined; readonly error: string };

/**
 * `--view-as` (CLI) and the preview's "view as" (editor): a party must be one
 * of the charter's (or, for several charters, of at least one of them);
 * otherwise the answer is an error that names the parties there are.
 */
export function resolveViewAs(requested: string | undefined, parties: readonly string[]): ViewAs {
    if (requested === undefined || requested === '') {
        return { party: undefined };
    }
    if (parties.includes(requested)) {
        return { party: requested };
    }
    const known = [...new Set(parties)];
    return { error: `no party '${requested}' to view as: ${known.length > 0 ? `the parties are ${known.join(', ')}` : 'there are no parties'}` };
}
