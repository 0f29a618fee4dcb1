import type { DueItem, Portfolio } from './portfolio.js';
import { addDays } from '../journal/periods.js';

/**
 * The portfolio's dates as an RFC 5545 calendar that Outlook, Google
 * Calendar and Thunderbird import: one all-day event per date, a recurring
 * source (a meeting cadence, a recurring commitment, a metric's reporting,
 * the review cycle) as one event with an RRULE, less the instances the
 * journal shows done (EXDATE), and UIDs made from the
 * charter's and the element's names, so that importing a newer calendar
 * updates the events instead of adding them again.
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
    for (const item of portfolio.due) {
        // A dated item keeps its UID when its date changes (the event moves); a series is one event for all its instances.
        const uid = item.series ? `${item.key}.recurring` : item.key;
        if (seen.has(uid)) {
            continue;
        }
        seen.add(uid);
        lines.push(...eventLines(item, uid, stamp));
    }
    lines.push('END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
}

function eventLines(item: DueItem, uid: string, stamp: string): string[] {
    const start = item.series ? item.series.first : item.date;
    const description = [
        item.owner ? `Owner: ${item.owner}` : undefined,
        `Charter: ${item.charter} (${item.path})`,
        item.overdue ? `Overdue since ${item.date}.` : undefined
    ].filter((line): line is string => line !== undefined).join('\n');
    const lines = [
        'BEGIN:VEVENT',
        `UID:${escapeText(uid)}@entente`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${compact(start)}`,
        `DTEND;VALUE=DATE:${compact(addDays(start, 1))}`,
        `SUMMARY:${escapeText(`${item.overdue ? 'Overdue: ' : ''}${item.title} (${item.charter})`)}`,
        `DESCRIPTION:${escapeText(description)}`,
        `CATEGORIES:${escapeText(item.kind)}`,
        'TRANSP:TRANSPARENT'
    ];
    if (item.series) {
        const { freq, interval } = item.series.recurrence;
        lines.push(`RRULE:FREQ=${freq}${interval === 1 ? '' : `;INTERVAL=${interval}`}${item.series.until ? `;UNTIL=${compact(item.series.until)}` : ''}`);
        // Instances the journal shows done, or listed overdue on their own, are not the series' any more.
        if (item.series.except?.length) {
            lines.push(`EXDATE;VALUE=DATE:${item.series.except.map(compact).join(',')}`);
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
