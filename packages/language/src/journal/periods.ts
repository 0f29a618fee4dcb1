/**
 * Calendar periods for the journal's rules and health layers (docs/journal.md,
 * "Time"). Periods are counted on calendar dates, not in average days:
 * `monthly` from 2026-01-31 is 2026-02-28, then 2026-03-31 (each boundary is
 * counted from the anchor, so a short month does not shift the ones after
 * it); a leap day anchors yearly periods on 02-28 in other years. Weeks and
 * days are exact.
 */
import { daysInMonth } from '../front-ends.js';
import { count } from '../wording.js';
import type { Cadence, Duration } from '../model/types.js';
import type { IsoDate } from '../model/journal-types.js';

/** A period: a number of days or of calendar months. */
export interface Period {
    unit: 'day' | 'month';
    count: number;
    /** How it is written (`quarterly`, `every 6 months`), for messages. */
    label: string;
}

const CADENCE_PERIODS: Record<Cadence, Period> = {
    weekly: { unit: 'day', count: 7, label: 'weekly' },
    monthly: { unit: 'month', count: 1, label: 'monthly' },
    quarterly: { unit: 'month', count: 3, label: 'quarterly' },
    yearly: { unit: 'month', count: 12, label: 'yearly' }
};

/** The period of a cadence (`meets quarterly`, `cadence monthly`, `review yearly`). */
export function cadencePeriod(cadence: Cadence): Period {
    return CADENCE_PERIODS[cadence];
}

/** The period of a recurring commitment (`every week|month|quarter|year`). */
export function recurrencePeriod(recurrence: string): Period | undefined {
    const cadence = ({ week: 'weekly', month: 'monthly', quarter: 'quarterly', year: 'yearly' } as Record<string, Cadence>)[recurrence];
    return cadence ? { ...CADENCE_PERIODS[cadence], label: `every ${recurrence}` } : undefined;
}

/** The period of a duration (`review every 6 months`, `within 2 weeks`). */
export function durationPeriod(duration: Duration): Period | undefined {
    const unit = duration.unit.replace(/s$/, '');
    // `every 6 months` as the messages say it, however the unit was written (`review every 6 month`, `every 1 months`).
    const label = `every ${count(duration.value, unit)}`;
    if (!(duration.value > 0) || !Number.isFinite(duration.value)) {
        return undefined;
    }
    switch (unit) {
        case 'day': return { unit: 'day', count: duration.value, label };
        case 'week': return { unit: 'day', count: duration.value * 7, label };
        case 'month': return { unit: 'month', count: duration.value, label };
        case 'year': return { unit: 'month', count: duration.value * 12, label };
        default: return undefined;
    }
}

/** The review period of a charter's `review` clause. */
export function reviewPeriod(review: { cadence?: Cadence; every?: Duration } | undefined): Period | undefined {
    if (!review) return undefined;
    if (review.every) return durationPeriod(review.every);
    return review.cadence ? cadencePeriod(review.cadence) : undefined;
}

interface Ymd { y: number; m: number; d: number }

const DASH = 45;
const ZERO = 48;

/** The number written in `text` from `from` to `to`, all digits; -1 when one is not. */
function digits(text: string, from: number, to: number): number {
    let value = 0;
    for (let i = from; i < to; i++) {
        const digit = text.charCodeAt(i) - ZERO;
        if (digit < 0 || digit > 9) return -1;
        value = value * 10 + digit;
    }
    return value;
}

/** The parts of a date; a `YYYY-MM-DD` is read digit by digit (the journal's rules read thousands), anything else as `split('-')` reads it. */
function parse(date: IsoDate): Ymd {
    if (date.length === 10 && date.charCodeAt(4) === DASH && date.charCodeAt(7) === DASH) {
        const y = digits(date, 0, 4);
        const m = digits(date, 5, 7);
        const d = digits(date, 8, 10);
        if (y >= 0 && m >= 0 && d >= 0) return { y, m, d };
    }
    const [y, m, d] = date.split('-').map(Number);
    return { y, m, d };
}

function format({ y, m, d }: Ymd): IsoDate {
    if (y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d)) {
        return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    }
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}


/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: IsoDate): number {
    const { y, m, d } = parse(date);
    return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function fromDayNumber(days: number): IsoDate {
    const date = new Date(days * 86_400_000);
    return format({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
    return dayNumber(to) - dayNumber(from);
}

/** The date `days` days after `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
    return fromDayNumber(dayNumber(date) + Math.round(days));
}

/** The date `months` calendar months after `date`, the day kept or, past the month's end, its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
    const { y, m, d } = parse(date);
    const index = y * 12 + (m - 1) + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/** The k-th boundary of periods counted from `anchor` (k = 0 is the anchor; k may be negative). */
export function periodBoundary(anchor: IsoDate, period: Period, k: number): IsoDate {
    return period.unit === 'day' ? addDays(anchor, period.count * k) : addMonths(anchor, period.count * k);
}

/** The date one period after `date`. */
export function addPeriod(date: IsoDate, period: Period, times = 1): IsoDate {
    return periodBoundary(date, period, times);
}

/**
 * The date 1.5 periods after `date`: one period, then half of the next one
 * (rounded down to a whole day). Used by the "more than 1.5 cadence periods"
 * rules: a quarterly meeting on 01-20 is missed after 07-05.
 */
export function addPeriodAndAHalf(date: IsoDate, period: Period): IsoDate {
    let byDate = periodAndAHalfAfter.get(period);
    if (byDate === undefined) {
        periodAndAHalfAfter.set(period, (byDate = new Map()));
    }
    let result = byDate.get(date);
    if (result === undefined) {
        const one = periodBoundary(date, period, 1);
        const two = periodBoundary(date, period, 2);
        result = addDays(one, Math.floor(daysBetween(one, two) / 2));
        if (byDate.size >= MAX_REMEMBERED_DATES) {
            byDate.clear();
        }
        byDate.set(date, result);
    }
    return result;
}

/**
 * `addPeriodAndAHalf`'s results by period and date. The cadence rules ask for
 * every body and metric of a charter, on every check, from a few dates (the
 * term's start, the last meetings and readings): a large charter's check
 * worked out the same few dates hundreds of times, a string for each step.
 */
const periodAndAHalfAfter = new WeakMap<Period, Map<IsoDate, IsoDate>>();
const MAX_REMEMBERED_DATES = 4_096;

/** The index k of the period [boundary(k), boundary(k + 1)) that holds `date`. */
export function periodIndex(anchor: IsoDate, period: Period, date: IsoDate): number {
    const approxDays = period.unit === 'day' ? period.count : period.count * 30.436875;
    let k = Math.floor(daysBetween(anchor, date) / approxDays);
    while (periodBoundary(anchor, period, k) > date) k--;
    while (periodBoundary(anchor, period, k + 1) <= date) k++;
    return k;
}

/**
 * The last full period before `today`, counted from `anchor` (a term start):
 * [start, end) with end ≤ today. Undefined when no period has ended yet.
 */
export function lastFullPeriod(anchor: IsoDate, period: Period, today: IsoDate): { start: IsoDate; end: IsoDate } | undefined {
    const k = periodIndex(anchor, period, today);
    if (k < 1) return undefined;
    return { start: periodBoundary(anchor, period, k - 1), end: periodBoundary(anchor, period, k) };
}

/** Every full period from `anchor` that ends on or before `today` and starts on or after `from`. */
export function fullPeriods(anchor: IsoDate, period: Period, from: IsoDate, today: IsoDate): Array<{ start: IsoDate; end: IsoDate }> {
    const last = periodIndex(anchor, period, today);
    const periods: Array<{ start: IsoDate; end: IsoDate }> = [];
    for (let k = Math.max(0, periodIndex(anchor, period, from)); k < last; k++) {
        const start = periodBoundary(anchor, period, k);
        if (start >= from) periods.push({ start, end: periodBoundary(anchor, period, k + 1) });
    }
    return periods;
}
