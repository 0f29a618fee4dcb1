import type { DueSeries, Portfolio, RecurringItem } from './portfolio.js';
import { addDays } from '../journal/periods.js';

/**
 * The portfolio's dates as an RFC 5545 calendar that Outlook, Google
 * Calendar and Thunderbird import: one all-day event per dated item of the
 * due list, every recurring source (a meeting cadence, a recurring
 * commitment, a metric's reporting, the review cycle) as one event with an
 * RRULE, whether or not an instance of it is due in the horizon, less the
 * instances the journal shows done (EXDATE), and UIDs made from the
 * charter's and the element's names, so that importing a newer calendar
 * updates the events instead of adding them again (and never drops a series
 * because its next instances are done).
 */
export function portfolioCalendar(portfolio: Portfolio, options: { name?: string } = {}): string {
    const lines = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Entente//Partnership portfolio//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        `X-WR-CALNAME:${escapeText(options.name ?? 'Partnership portfolio')}`
    ];
    // DTSTAMP says when this version of the event was made: "today" keeps the output reproducible.
    const stamp = `${compact(portfolio.today)}T000000Z`;
    const seen = new Set<string>();
    // A dated item keeps its UID when its date changes (the event moves); the due list's instances of a series are the series' event below.
    for (const item of portfolio.due.filter(due => !due.series)) {
        if (!seen.has(item.key)) {
            seen.add(item.key);
            lines.push(...eventLines(item, { uid: item.key, start: item.date, ...(item.overdue ? { overdueSince: item.date } : {}) }, stamp));
        }
    }
    for (const item of portfolio.recurring) {
        const uid = `${item.key}.recurring`;
        if (!seen.has(uid)) {
            seen.add(uid);
            lines.push(...eventLines(item, { uid, start: item.series.first, series: item.series }, stamp));
        }
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
}

/** One VEVENT: a dated item on its date (`overdueSince` it when overdue), or a series from its first instance. */
function eventLines(
    item: Omit<RecurringItem, 'series'>, event: { uid: string; start: string; overdueSince?: string; series?: DueSeries }, stamp: string
): string[] {
    const { uid, start, overdueSince, series } = event;
    const overdue = overdueSince !== undefined;
    const description = [
        item.owner ? `Owner: ${item.owner}` : undefined,
        `Charter: ${item.charter} (${item.path})`,
        overdue ? `Overdue since ${overdueSince}.` : undefined
    ].filter((line): line is string => line !== undefined).join('\n');
    const lines = [
        'BEGIN:VEVENT',
        `UID:${escapeText(uid)}@entente`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${compact(start)}`,
        `DTEND;VALUE=DATE:${compact(addDays(start, 1))}`,
        `SUMMARY:${escapeText(`${overdue ? 'Overdue: ' : ''}${item.title} (${item.charter})`)}`,
        `DESCRIPTION:${escapeText(description)}`,
        `CATEGORIES:${escapeText(item.kind)}`,
        'TRANSP:TRANSPARENT'
    ];
    if (series) {
        const { freq, interval } = series.recurrence;
        // UNTIL is a DATE, as DTSTART is (RFC 5545 3.3.10).
        lines.push(`RRULE:FREQ=${freq}${interval === 1 ? '' : `;INTERVAL=${interval}`}${series.until ? `;UNTIL=${compact(series.until)}` : ''}`);
        // Instances the journal shows done, or listed overdue on their own, are not the series' any more; DATE values, as DTSTART's.
        if (series.except?.length) {
            lines.push(`EXDATE;VALUE=DATE:${series.except.map(compact).join(',')}`);
        }
    }
    lines.push('END:VEVENT');
    return lines;
}

function compact(date: string): string {
    return date.replace(/-/g, '');
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11); other control characters are dropped. */
function escapeText(text: string): string {
    return text
        .replace(/\\/g, '\\\\')
        .replace(/;/g, '\\;')
        .replace(/,/g, '\\,')
        .replace(/\r?\n/g, '\\n')
        // eslint-disable-next-line no-control-regex -- control characters are not allowed in a content line
        .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '');
}

/** Content lines are folded at 75 octets, never inside a UTF-8 sequence (RFC 5545 3.1). */
function fold(line: string): string {
    const encoder = new TextEncoder();
    if (encoder.encode(line).length <= 75) {
        return line;
    }
    const parts: string[] = [];
    let current = '';
    let octets = 0;
    for (const character of line) {
        const size = encoder.encode(character).length;
        const limit = parts.length === 0 ? 75 : 74;
        if (octets + size > limit) {
            parts.push(current);
            current = '';
            octets = 0;
        }
        current += character;
        octets += size;
    }
    parts.push(current);
    return parts.join('\r\n ');
}
