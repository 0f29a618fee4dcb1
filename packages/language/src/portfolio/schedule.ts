import type { Cadence, Duration } from '../model/types.js';
import { addDays, daysBetween } from '../journal/periods.js';

/**
 * Dates as the portfolio and the calendar count them: whole days, YYYY-MM-DD,
 * in UTC, and recurrences as RFC 5545 counts them (a monthly series started on
 * the 31st has no instance in a month without one), so that the due list and
 * a calendar application expanding the same RRULE agree to the day.
 */

/** A recurrence as an RFC 5545 RRULE counts it. */
export interface Recurrence {
    freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
    interval: number;
}

/** The recurrence of a cadence (`quarterly`: every 3 months). */
export function cadenceRecurrence(cadence: Cadence): Recurrence {
    switch (cadence) {
        case 'weekly': return { freq: 'WEEKLY', interval: 1 };
        case 'monthly': return { freq: 'MONTHLY', interval: 1 };
        case 'quarterly': return { freq: 'MONTHLY', interval: 3 };
        case 'yearly': return { freq: 'YEARLY', interval: 1 };
    }
}

/** The recurrence of a commitment's `every week|month|quarter|year`. */
export function periodRecurrence(period: string): Recurrence | undefined {
    switch (period) {
        case 'week': return { freq: 'WEEKLY', interval: 1 };
        case 'month': return { freq: 'MONTHLY', interval: 1 };
        case 'quarter': return { freq: 'MONTHLY', interval: 3 };
        case 'year': return { freq: 'YEARLY', interval: 1 };
        default: return undefined;
    }
}

/** The recurrence of a duration (`review every 6 months`); none for a zero or negative one. */
export function durationRecurrence(duration: Duration): Recurrence | undefined {
    if (!(duration.value > 0) || !Number.isInteger(duration.value)) {
        return undefined;
    }
    const unit = duration.unit.replace(/s$/, '');
    const freq = unit === 'day' ? 'DAILY' : unit === 'week' ? 'WEEKLY' : unit === 'month' ? 'MONTHLY' : unit === 'year' ? 'YEARLY' : undefined;
    return freq ? { freq, interval: duration.value } : undefined;
}

function toUtc(date: string): { year: number; month: number; day: number } {
    const [year, month, day] = date.split('-').map(Number);
    return { year, month, day };
}

function fromParts(year: number, month: number, day: number): string {
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The k-th step of a recurrence from its anchor, or undefined when that day does not exist (RFC 5545 skips it). */
export function stepFrom(anchor: string, recurrence: Recurrence, k: number): string | undefined {
    const steps = k * recurrence.interval;
    if (recurrence.freq === 'DAILY') {
        return addDays(anchor, steps);
    }
    if (recurrence.freq === 'WEEKLY') {
        return addDays(anchor, 7 * steps);
    }
    const { year, month, day } = toUtc(anchor);
    const months = recurrence.freq === 'MONTHLY' ? steps : 12 * steps;
    const index = (month - 1) + months;
    const targetYear = year + Math.floor(index / 12);
    const targetMonth = (index % 12) + 1;
    return day > daysInMonth(targetYear, targetMonth) ? undefined : fromParts(targetYear, targetMonth, day);
}

/**
 * The instances of a series (the anchor's first step onwards, up to `until`
 * when given) that fall in [from, to], both inclusive. Bounded: a series has
 * at most one instance a day.
 */
export function instancesBetween(anchor: string, recurrence: Recurrence, from: string, to: string, until?: string): string[] {
    const last = until !== undefined && until < to ? until : to;
    const out: string[] = [];
    if (last < from) {
        return out;
    }
    // Skip whole steps before `from` without walking them one by one (a daily series from 1990 is cheap).
    // A step is at most this many days long, so step k lies at most k times it after the anchor.
    let k = Math.max(1, Math.floor(daysBetween(anchor, from) / longestStep(recurrence)) - 1);
    for (let guard = 0; guard < 100_000; guard++, k++) {
        const date = stepFrom(anchor, recurrence, k);
        if (date === undefined) {
            continue;
        }
        if (date > last) {
            break;
        }
        if (date >= from) {
            out.push(date);
        }
    }
    return out;
}

/** The most days one step of a recurrence can span. */
function longestStep(recurrence: Recurrence): number {
    return { DAILY: 1, WEEKLY: 7, MONTHLY: 31, YEARLY: 366 }[recurrence.freq] * recurrence.interval;
}

/**
 * The last instance of a series (up to `until` when given) strictly before
 * `date`, if any. Looks back in growing windows: a series on 29 February has
 * years between its instances.
 */
export function previousInstance(anchor: string, recurrence: Recurrence, date: string, until?: string): string | undefined {
    const to = addDays(date, -1);
    for (let span = 2 * longestStep(recurrence); ; span *= 4) {
        const from = addDays(date, -span);
        const found = instancesBetween(anchor, recurrence, from < anchor ? anchor : from, to, until);
        if (found.length > 0) {
            return found[found.length - 1];
        }
        if (from <= anchor) {
            return undefined;
        }
    }
}

/** The last day a date of the portfolio may fall on: YYYY-MM-DD has four digits for the year, and iCalendar's DATE too. */
export const LAST_DATE = '9999-12-31';

/**
 * The first instance of a series (up to `until` when given) strictly after
 * `date`, if any. Looks ahead in growing windows, as `previousInstance` looks
 * back (a series on 29 February has years between its instances), and gives
 * up at `LAST_DATE`.
 */
export function nextInstance(anchor: string, recurrence: Recurrence, date: string, until?: string): string | undefined {
    const from = addDays(date, 1);
    const daysLeft = daysBetween(date, until !== undefined && until < LAST_DATE ? until : LAST_DATE);
    for (let span = 2 * longestStep(recurrence); ; span *= 4) {
        const found = instancesBetween(anchor, recurrence, from, addDays(date, Math.min(span, daysLeft)), until);
        if (found.length > 0) {
            return found[0];
        }
        if (span >= daysLeft) {
            return undefined;
        }
    }
}

/** The first instance of a series (from its anchor's first step, up to `until`), if any. */
export function firstInstance(anchor: string, recurrence: Recurrence, until?: string): string | undefined {
    for (let k = 1; k < 1000; k++) {
        const date = stepFrom(anchor, recurrence, k);
        if (date !== undefined) {
            return until !== undefined && date > until ? undefined : date;
        }
    }
    return undefined;
}
