/**
 * What the three journal views share: calendar arithmetic on ISO dates, the
 * packing of labelled marks into rows, number formatting, and their styles.
 */
import { escapeXml } from '../svg.js';
import type { DisputeBar, EntryRef, IsoDate, JournalViewInput, MetricReading, MetricTarget } from './types.js';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of an ISO date (UTC, calendar arithmetic), or undefined when it is not one. */
export function dayNumber(date: IsoDate): number | undefined {
    const match = ISO_DATE.exec(date);
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > 31) {
        return undefined;
    }
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The ISO date of a day number. */
export function isoDate(day: number): IsoDate {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year and month (0–11) of a day number. */
export function yearMonth(day: number): { year: number; month: number } {
    const date = new Date(day * DAY_MS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

/** The day number of the first of a month (months past 11 roll into the next years). */
export function monthStart(year: number, month: number): number {
    return Math.round(Date.UTC(year, month, 1) / DAY_MS);
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12 Mar 2026`: a date as a reader says it (English, no locale: deterministic). */
export function longDate(date: IsoDate): string {
    const day = dayNumber(date);
    if (day === undefined) {
        return date;
    }
    const { year, month } = yearMonth(day);
    return `${Number(date.slice(8, 10))} ${MONTHS[month]} ${year}`;
}

/** Compares entries by where they were written (journal, then line): the tie-break of same-day entries. */
export function compareRefs(a: EntryRef, b: EntryRef): number {
    return a.journal < b.journal ? -1 : a.journal > b.journal ? 1 : a.line - b.line;
}

/** Compares two dated entries: by date, then by where they were written. */
export function compareDated(a: { date: IsoDate; source: EntryRef }, b: { date: IsoDate; source: EntryRef }): number {
    return a.date < b.date ? -1 : a.date > b.date ? 1 : compareRefs(a.source, b.source);
}

/**
 * Packs horizontal extents into rows, each into the first row where it does
 * not overlap what is there (in the given order: deterministic). Beyond
 * `maxRows` an extent goes to the row that frees up first, overlapping.
 */
export function packRows(extents: ReadonlyArray<{ start: number; end: number }>, maxRows: number, gap = 4): { rows: number[]; count: number } {
    const rowEnds: number[] = [];
    const rows = extents.map(({ start, end }) => {
        let row = rowEnds.findIndex(rowEnd => rowEnd + gap <= start);
        if (row < 0) {
            if (rowEnds.length < maxRows) {
                row = rowEnds.length;
                rowEnds.push(-Infinity);
            } else {
                row = rowEnds.indexOf(Math.min(...rowEnds));
            }
        }
        rowEnds[row] = Math.max(rowEnds[row], end);
        return row;
    });
    return { rows, count: Math.max(rowEnds.length, 1) };
}

/** A number as a chart labels it: `2.6M`, `18k`, `4.5`, `-3` (no locale: deterministic). */
export function compactNumber(value: number): string {
    const abs = Math.abs(value);
    const scaled = (divisor: number, suffix: string) => `${String(Math.round((value / divisor) * 100) / 100)}${suffix}`;
    if (abs >= 1e9) {
        return scaled(1e9, 'B');
    }
    if (abs >= 1e6) {
        return scaled(1e6, 'M');
    }
    if (abs >= 1e4) {
        return scaled(1e3, 'k');
    }
    return String(Math.round(value * 100) / 100);
}

/** A value with its unit as the charter writes it: `2.6M USD`, `5 days`, `92%`, `4 of 5`. */
export function withUnit(value: number, unit?: string, scale?: number): string {
    if (scale !== undefined) {
        return `${compactNumber(value)} of ${compactNumber(scale)}`;
    }
    if (!unit) {
        return compactNumber(value);
    }
    return unit === '%' ? `${compactNumber(value)}%` : `${compactNumber(value)} ${unit}`;
}

/**
 * A reading with its own unit: `9.5M EUR`, `62%`, `4 of 5`; one written
 * without a unit is in the target's (`2` of a `<= 3 days` target: `2 days`).
 */
export function readingText(reading: Pick<MetricReading, 'value' | 'unit' | 'scale'>, target: MetricTarget | undefined): string {
    if (reading.scale !== undefined) {
        return withUnit(reading.value, undefined, reading.scale);
    }
    if (reading.unit) {
        return withUnit(reading.value, reading.unit);
    }
    return withUnit(reading.value, target?.unit, target?.scale);
}

/** The journal as of its `today`, and how many of its entries it left out (dated later), with the last of their dates. */
export interface AsOfToday {
    input: JournalViewInput;
    later: number;
    lastLater?: IsoDate;
}

/**
 * The input as of its `today`: the views read the entries up to today, as the
 * rules and the score do. An event, a reading, an assessment or a dispute
 * raised after today is left out; so is an escalation or a resolution after
 * today (the dispute is then open, at the level it had reached by today).
 * Entries whose date is not a calendar date stay (each view leaves them out).
 */
export function asOfToday(input: JournalViewInput): AsOfToday {
    const today = dayNumber(input.today);
    if (today === undefined) {
        return { input, later: 0 };
    }
    const laterDates: IsoDate[] = [];
    const upTo = (date: IsoDate) => {
        const day = dayNumber(date);
        if (day !== undefined && day > today) {
            laterDates.push(date);
            return false;
        }
        return true;
    };
    const events = input.events.filter(event => upTo(event.date));
    const metrics = input.metrics.map(series => {
        const readings = series.readings.filter(reading => upTo(reading.date));
        return readings.length === series.readings.length ? series : { ...series, readings };
    });
    // The assessments are also events (drawn on the timeline): counted there.
    const assessments = input.assessments.filter(assessment => dayNumber(assessment.date) === undefined || dayNumber(assessment.date)! <= today);
    const disputes: DisputeBar[] = [];
    for (const dispute of input.disputes) {
        if (!upTo(dispute.raised.date)) {
            dispute.escalated.forEach(step => laterDates.push(step.date));
            if (dispute.resolved) {
                laterDates.push(dispute.resolved.date);
            }
            continue;
        }
        const escalated = dispute.escalated.filter(step => upTo(step.date));
        const resolved = dispute.resolved && upTo(dispute.resolved.date) ? dispute.resolved : undefined;
        if (escalated.length === dispute.escalated.length && resolved === dispute.resolved) {
            disputes.push(dispute);
            continue;
        }
        // The time boxes of the levels reached by today are not known here once an escalation is left out.
        const timeBoxDays = escalated.length === dispute.escalated.length ? dispute.timeBoxDays : undefined;
        const raised = dayNumber(dispute.raised.date)!;
        const end = resolved ? dayNumber(resolved.date) ?? today : today;
        disputes.push({
            ...dispute, escalated, resolved,
            reachedLevel: Math.min(dispute.reachedLevel, 1 + escalated.length),
            timeBoxDays,
            overTime: timeBoxDays !== undefined ? end - raised > timeBoxDays : undefined
        });
    }
    const lastLater = laterDates.length ? laterDates.reduce((a, b) => (b > a ? b : a)) : undefined;
    return { input: { ...input, events, metrics, assessments, disputes }, later: laterDates.length, lastLater };
}

/** A tooltip: the `<title>` child of a mark (escaped). */
export function tooltip(lines: Array<string | undefined | false>): string {
    return `<title>${escapeXml(lines.filter((line): line is string => typeof line === 'string' && line !== '').join('\n'))}</title>`;
}

/** "(findings: late-delivery, future-entry)" for a tooltip, or nothing. */
export function findingsLine(findings: readonly string[] | undefined): string | undefined {
    return findings && findings.length ? `findings: ${findings.join(', ')}` : undefined;
}

/**
 * The journal views' own styles, scoped under `.entente` like the theme's:
 * how far a dispute climbed (light to dark, never a party colour), marks with
 * findings, on- and off-target readings.
 */
export const JOURNAL_STYLE = `
.entente{--climb-1:var(--entente-climb-1,#f3c97a);--climb-2:var(--entente-climb-2,#e58b3a);--climb-3:var(--entente-climb-3,#c9472f);--climb-final:var(--entente-climb-final,#7a1f3d)}
.entente .lane-band{fill:var(--panel)}.entente .axis{stroke:var(--line);stroke-width:1}.entente .grid{stroke:var(--line);stroke-width:.5;opacity:.5}
.entente .today{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:4 3}.entente .today-label{fill:var(--bad)}.entente .term{stroke:var(--muted);stroke-width:1;stroke-dasharray:2 3}
.entente .mark-delivery{fill:var(--ok)}.entente .mark-late{fill:var(--warn)}.entente .mark-miss{stroke:var(--bad);stroke-width:2.5;fill:none}
.entente .mark-decision{fill:var(--fg)}.entente .mark-review{fill:var(--muted)}.entente .mark-note{fill:var(--bg);stroke:var(--muted);stroke-width:1.5}
.entente .mark-meeting{fill:var(--fg)}.entente .mark-assessment{fill:var(--bg);stroke:var(--fg);stroke-width:1.5}
.entente .absent{fill:var(--bg);stroke:var(--line);stroke-width:1.2}.entente .unknown{fill:var(--line)}
.entente .flagged{stroke:var(--bad);stroke-width:1.5;fill:none}.entente .gap-band{fill:var(--bad);fill-opacity:.14;stroke:var(--bad);stroke-width:1.5}
.entente .climb-1,.entente .climb-2,.entente .climb-3,.entente .climb-final{stroke:var(--muted);stroke-width:1}.entente .polygon-casing{fill:none;stroke:var(--muted);stroke-width:3.5;stroke-linejoin:round}
.entente .climb-1{fill:var(--climb-1)}.entente .climb-2{fill:var(--climb-2)}.entente .climb-3{fill:var(--climb-3)}.entente .climb-final{fill:var(--climb-final)}
.entente .open-end{stroke:var(--fg);stroke-width:1.5;stroke-dasharray:3 2}.entente .climb-tick{stroke:var(--fg);stroke-width:1.5}
.entente .target-band{fill:var(--ok);opacity:.14}.entente .target-line{stroke:var(--ok);stroke-width:1;stroke-dasharray:4 3}
.entente .reading-line{fill:none;stroke:var(--fg);stroke-width:1.6}.entente .on-target{fill:var(--ok)}.entente .off-target{fill:var(--bad)}.entente .no-target{fill:var(--muted)}.entente .other-unit{fill:var(--bg);stroke:var(--muted);stroke-width:1.5}
.entente .ring{fill:none;stroke:var(--line);stroke-width:.8}.entente .spoke{stroke:var(--line);stroke-width:.8}
.entente .polygon{fill-opacity:.14;stroke-width:2}.entente .gap-line{stroke:var(--bad);stroke-width:2.5}.entente .gap-label{fill:var(--bad)}`;
