/**
 * The timeline: time left to right, a lane for the partnership as a whole
 * (reviews, notes), one per party (deliveries, misses, decisions,
 * assessments), one per body (meetings with who attended), and one for the
 * disputes, drawn as bars from raised to resolved (or today) coloured by how
 * far they climbed. Today is marked; so are the term's start and end when
 * they fall inside the drawn span. The journal is drawn as of today: entries
 * dated later are left out (and counted beneath the legend), so a dispute
 * resolved after today is drawn open, as the rules and the score see it.
 */
import { el, PARTY_MARK, partyColor, svgDocument, text, textWidth, truncate } from '../svg.js';
import {
    asOfToday, compareDated, dayNumber, findingsLine, isoDate, JOURNAL_STYLE, longDate, monthStart, MONTHS, packRows, tooltip, yearMonth
} from './common.js';
import { entryElementId, type DisputeBar, type JournalRenderOptions, type JournalViewInput, type TimelineEvent } from './types.js';
import { count } from '@entente/language/wording';

const MARGIN = 12;
/** Above the lanes: a row for today's label, one for the years, one for the months. */
const AXIS_HEIGHT = 52;
/** The axis's rows, from the top of the drawing: today's label, then the years, then the months. */
const TODAY_ROW = 10;
const YEAR_ROW = 26;
const MONTH_ROW = 46;
const TICK_TOP = 34;
const ROW = 22;
const LANE_PAD = 6;
const LABEL_SIZE = 11;
/** Longest label beside a mark; the whole text is in the mark's tooltip. */
const MAX_LABEL = 220;
/**
 * Beyond this many rows, a lane's marks lose their labels; beyond MAX_ROWS, marks overlap. The disputes'
 * lane is the exception: its bars keep their labels and it takes as many rows as disputes are open at once.
 */
const LABELLED_ROWS = 4;
const MAX_ROWS = 10;
const DOT = 8;
/** A lane's name is written on at most this many lines (the last cut short with an ellipsis), each LABEL_LINE apart. */
const LABEL_LINES = 3;
const LABEL_LINE = 14;

type LaneKind = 'partnership' | 'party' | 'body' | 'disputes';

interface Lane {
    id: string;
    kind: LaneKind;
    label: string;
    sublabel?: string;
    /** `data-element` of the lane's label: the party, or the charter's body. */
    element?: string;
    party?: string;
    /** Rule ids of findings about the lane's body: a red bar and a tooltip beside its label. */
    findings?: string[];
    items: Item[];
    /** Stretches drawn behind the marks, across the lane's height (no meeting for too long). */
    gaps: Array<(top: number, height: number) => string>;
}

/** One thing drawn in a lane: its horizontal extent (for packing) and how to draw it once its row is known. */
interface Item {
    start: number;
    /** Where the item ends with its label, and without. */
    end: number;
    bareEnd: number;
    parties: string[];
    draw(y: number, labelled: boolean): string;
}

interface Scale {
    first: number;
    last: number;
    x0: number;
    perDay: number;
    x(day: number): number;
}

/** Renders the timeline of a charter's journals, as of its today. */
export function renderTimeline(given: JournalViewInput, options: JournalRenderOptions = {}): string {
    const { input, later, lastLater } = asOfToday(given);
    const title = `Timeline of ${input.charter}`;
    const today = dayNumber(input.today);
    const events = input.events.filter(event => dayNumber(event.date) !== undefined).sort(compareDated);
    const disputes = input.disputes.filter(dispute => dayNumber(dispute.raised.date) !== undefined)
        .sort((a, b) => compareDated(a.raised, b.raised));
    if (input.journals.length === 0) {
        return svgDocument('timeline', 560, 60, title, `${input.charter} has no journal: execution is not measured.`,
            text(MARGIN, 36, `No journal for ${input.charter}: nothing has been recorded yet.`, { size: 14, className: 'muted', maxWidth: 536 }));
    }
    const scale = timeScale(input, events, disputes, today);
    const lanes = buildLanes(input, events, disputes, scale, today, options);
    const labelWidth = Math.min(220, Math.max(110, ...lanes.map(lane => Math.max(textWidth(lane.label, 12) * 1.1, textWidth(lane.sublabel ?? '', 10)) + 24)));
    // A name too long for the column is written on lines (at its words, or where its camel case changes):
    // cut at the column's width, PartyWithALongName and PartyWithALongNumber would both read "PartyWithALong…".
    const labelLines = new Map(lanes.map(lane => [lane, wrapLabel(lane.label, labelWidth - 16)]));
    const plotX0 = MARGIN + labelWidth;
    const shifted: Scale = { ...scale, x0: plotX0, x: day => plotX0 + (day - scale.first) * scale.perDay };
    // Lanes are built against a plot starting at 0; shift them now that the label column is known.
    const plotWidth = (scale.last - scale.first) * scale.perDay;

    // First where every mark goes (rows, and how far right the labels reach), then the drawing.
    const laid = lanes.map(lane => {
        // The disputes' lane grows to a row for each dispute open at once, each bar named: a bar drawn over
        // another hides a dispute, and one without its name is a dispute a manager cannot tell from the rest.
        const grows = lane.kind === 'disputes';
        const labelled = packRows(lane.items, grows ? Infinity : LABELLED_ROWS + 1);
        const useLabels = grows || labelled.count <= LABELLED_ROWS;
        const packed = useLabels ? labelled : packRows(lane.items.map(item => ({ start: item.start, end: item.bareEnd })), MAX_ROWS);
        const labelHeight = 22 + (labelLines.get(lane)!.length - 1) * LABEL_LINE + (lane.sublabel ? LABEL_LINE : 0);
        const height = Math.max(packed.count * ROW + 2 * LANE_PAD, labelHeight + LANE_PAD);
        const reach = Math.max(0, ...lane.items.map(item => useLabels ? item.end : item.bareEnd));
        return { lane, useLabels, rows: packed.rows, height, reach };
    });
    const right = Math.max(plotX0 + plotWidth, ...laid.map(entry => plotX0 + entry.reach));
    const width = right + MARGIN;
    const parts: string[] = [el('style', {}, JOURNAL_STYLE)];
    const laneParts: string[] = [];
    let y = MARGIN + AXIS_HEIGHT;
    laid.forEach(({ lane, useLabels, rows, height }, index) => {
        const marks = [...lane.gaps.map(gap => gap(y + 3, height - 6)), ...lane.items.map((item, i) => item.draw(y + LANE_PAD + rows[i] * ROW + ROW / 2, useLabels))];
        const dim = options.viewAsParty && lane.party && lane.party !== options.viewAsParty ? 'dim' : undefined;
        const lines = labelLines.get(lane)!;
        const label = el('g', { 'data-element': lane.element, 'data-findings': lane.findings?.length ? lane.findings.join(' ') : undefined },
            lane.findings?.length ? tooltip([`${lane.label}: ${lane.findings.join(', ')}`]) : lines.length > 1 ? tooltip([lane.label]) : '',
            ...lines.map((line, i) => text(MARGIN + 8, y + LANE_PAD + 15 + i * LABEL_LINE, line, { size: 12, weight: 'bold', maxWidth: labelWidth - 16 })),
            lane.sublabel ? text(MARGIN + 8, y + LANE_PAD + 15 + lines.length * LABEL_LINE, lane.sublabel, { size: 10, className: 'muted', maxWidth: labelWidth - 16 }) : '');
        const swatch = lane.party ? el('rect', { class: PARTY_MARK, x: MARGIN, y: y + 4, width: 4, height: height - 8, rx: 2, style: `fill:${partyColor(input.parties, lane.party)}` })
            : lane.findings?.length ? el('rect', { class: 'critical', x: MARGIN, y: y + 4, width: 4, height: height - 8, rx: 2 }) : '';
        laneParts.push(el('g', { 'data-lane': lane.id, class: dim },
            index % 2 === 0 ? el('rect', { class: 'lane-band', x: MARGIN, y, width: width - 2 * MARGIN, height }) : '',
            swatch, label, `<g transform="translate(${plotX0} 0)">${marks.join('')}</g>`));
        y += height;
    });
    const lanesSvg = laneParts.join('');

    parts.push(axis(shifted, MARGIN, y, input));
    parts.push(lanesSvg);
    parts.push(markers(shifted, input, today, MARGIN, y));
    const legendTop = y + 14;
    const legend = drawLegend(MARGIN, legendTop, Math.max(width - 2 * MARGIN, 520));
    parts.push(legend.svg);
    let bottom = legend.bottom;
    const laterText = later > 0 ? `Not drawn: ${count(later, 'entry')} dated after today (${longDate(input.today)}), the last on ${longDate(lastLater!)}.` : '';
    if (later > 0) {
        parts.push(el('g', { 'data-after-today': later }, text(MARGIN, bottom + 18, laterText, { size: 10, className: 'muted', maxWidth: Math.max(width, legend.width + 2 * MARGIN) - 2 * MARGIN })));
        bottom += 22;
    }
    const height = bottom + MARGIN;
    const counts = countKinds(events);
    const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const description = `What the journals of ${input.charter} record from ${longDate(isoDate(scale.first))} to ${longDate(isoDate(scale.last))}: `
        + [counted(counts.meeting, 'meeting', 'meetings'), counted(counts.delivery, 'delivery', 'deliveries'), counted(counts.miss, 'miss', 'misses'),
            counted(counts.decision, 'decision', 'decisions'), counted(disputes.length, 'dispute', 'disputes'), counted(counts.review, 'review', 'reviews'),
            counted(counts.assessment, 'assessment', 'assessments'), counted(counts.note, 'note', 'notes')].join(', ')
        + `; today is ${longDate(input.today)}.` + (laterText ? ` ${laterText}` : '');
    return svgDocument('timeline', Math.max(width, legend.width + 2 * MARGIN), height, title, description, parts.join(''));
}

/**
 * A lane's name in lines no wider than `width` (bold, 12 px), broken at spaces or where the case or a
 * number starts a new word (`JointSteering|Committee`, `Party|12`), a word wider than a line broken
 * where it must; beyond LABEL_LINES lines the last is cut short with an ellipsis.
 */
export function wrapLabel(label: string, width: number): string[] {
    const size = 12 * 1.1;
    if (textWidth(label, size) <= width) {
        return [label];
    }
    const words = label.split(/(?<=\s)|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=[0-9])/)
        .flatMap(word => {
            // A word wider than a line: in pieces as wide as a line.
            const pieces: string[] = [];
            let rest = word;
            while (textWidth(rest, size) > width) {
                const piece = truncate(rest, width, size).slice(0, -1) || rest.slice(0, 1);
                pieces.push(piece);
                rest = rest.slice(piece.length);
            }
            return rest ? [...pieces, rest] : pieces;
        });
    const lines: string[] = [];
    for (const word of words) {
        const last = lines.length - 1;
        if (last >= 0 && textWidth((lines[last] + word).trimEnd(), size) <= width) {
            lines[last] += word;
        } else {
            lines.push(word);
        }
    }
    const shown = lines.map(line => line.trim());
    if (shown.length <= LABEL_LINES) {
        return shown;
    }
    // The rest on the last line: text() cuts it at the width with an ellipsis.
    return [...shown.slice(0, LABEL_LINES - 1), shown.slice(LABEL_LINES - 1).join('')];
}

function countKinds(events: TimelineEvent[]): Record<TimelineEvent['kind'], number> {
    const counts = { meeting: 0, delivery: 0, miss: 0, decision: 0, review: 0, note: 0, assessment: 0 };
    for (const event of events) {
        counts[event.kind]++;
    }
    return counts;
}

/** The span drawn: every entry and today, widened to whole months; the term's start when it is near. */
function timeScale(input: JournalViewInput, events: TimelineEvent[], disputes: DisputeBar[], today: number | undefined): Scale {
    const days: number[] = [];
    for (const event of events) {
        days.push(dayNumber(event.date)!);
    }
    for (const dispute of disputes) {
        days.push(dayNumber(dispute.raised.date)!);
        for (const step of [...dispute.escalated, ...(dispute.resolved ? [dispute.resolved] : [])]) {
            const day = dayNumber(step.date);
            if (day !== undefined) {
                days.push(day);
            }
        }
    }
    if (today !== undefined) {
        days.push(today);
    }
    if (days.length === 0) {
        days.push(0);
    }
    let first = Math.min(...days);
    let last = Math.max(...days);
    // The term's start and end are drawn when they are within a year of what happened.
    for (const bound of [input.term?.start, input.term?.end]) {
        const day = bound ? dayNumber(bound) : undefined;
        if (day !== undefined && day >= first - 366 && day <= last + 366) {
            first = Math.min(first, day);
            last = Math.max(last, day);
        }
    }
    const start = yearMonth(first);
    const end = yearMonth(last);
    first = monthStart(start.year, start.month);
    last = monthStart(end.year, end.month + 1);
    const span = Math.max(last - first, 28);
    const plotWidth = Math.min(1500, Math.max(640, span * 2.4));
    const perDay = plotWidth / span;
    return { first, last: first + span, x0: 0, perDay, x: day => (day - first) * perDay };
}

/** Calendar steps for the year labels, in years, when a label per January does not fit. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
/** Space a month label needs (`Sep` at 10px and a gap); the gap after a year label. */
const MONTH_LABEL_SPACE = 34;
const YEAR_GAP = 8;

/**
 * Ticks and labels across the top, thinned to what fits at any span: month
 * labels every 1, 2, 3, 6 or 12 months (on calendar steps: January always
 * among them) with a year label at each January and at the start, when a
 * month label fits; otherwise year labels every 1, 2, 5, 10 … years, ticks at
 * every month, year or labelled year as far as they are 3px apart. No label
 * overlaps another or runs past the end of the drawn span; faint grid lines
 * run down the lanes from the labelled ticks.
 */
function axis(scale: Scale, top: number, bottom: number, input: JournalViewInput): string {
    const parts: string[] = [];
    const start = yearMonth(scale.first);
    const end = scale.x(scale.last);
    const perMonth = scale.perDay * 30.44;
    const perYear = scale.perDay * 365.25;
    const yearWidth = (year: number) => textWidth(String(year), 11) * 1.15;
    const yearSpace = yearWidth(start.year + 1) + YEAR_GAP;
    // Month labels when one fits every 1–12 months and a year label every January; else years every 1, 2, 5 … years.
    const monthEvery = perYear >= yearSpace ? [1, 2, 3, 6, 12].find(step => perMonth * step >= MONTH_LABEL_SPACE) : undefined;
    const yearEvery = monthEvery !== undefined ? 1 : YEAR_STEPS.find(step => perYear * step >= yearSpace) ?? YEAR_STEPS[YEAR_STEPS.length - 1];
    // The ticks drawn: every month when 3px apart, else every year, else the labelled years.
    const tickMonths = perMonth >= 3 ? 1 : perYear >= 3 ? 12 : 12 * yearEvery;
    let index = start.year * 12 + start.month;
    if (tickMonths > 1) {
        // From the first January on the step (on or after the start).
        const stepYears = tickMonths / 12;
        index = Math.ceil((start.year + (start.month > 0 ? 1 : 0)) / stepYears) * stepYears * 12;
    }
    const years: Array<{ x: number; year: number; first: boolean }> = [];
    let lastTick = -Infinity;
    if (monthEvery === undefined) {
        years.push({ x: scale.x(scale.first), year: start.year, first: true });
    }
    for (; ; index += tickMonths) {
        const day = monthStart(Math.floor(index / 12), index % 12);
        if (day > scale.last) {
            break;
        }
        const { year, month } = yearMonth(day);
        const x = scale.x(day);
        lastTick = day;
        const labelled = monthEvery !== undefined ? month % monthEvery === 0 : month === 0 && year % yearEvery === 0;
        parts.push(el('line', { class: 'axis', x1: x, y1: top + TICK_TOP, x2: x, y2: top + (labelled ? AXIS_HEIGHT - 2 : TICK_TOP + 8) }));
        if (labelled) {
            parts.push(el('line', { class: 'grid', x1: x, y1: top + AXIS_HEIGHT - 2, x2: x, y2: bottom }));
        }
        if (monthEvery !== undefined && labelled && x + 3 + textWidth(MONTHS[month], 10) <= end) {
            parts.push(text(x + 3, top + MONTH_ROW, MONTHS[month], { size: 10, className: 'muted' }));
        }
        if (monthEvery !== undefined ? month === 0 || day === scale.first : labelled) {
            years.push({ x, year, first: day === scale.first && month !== 0 });
        }
    }
    if (lastTick < scale.last) {
        // The span's end, when no step falls on it.
        parts.push(el('line', { class: 'axis', x1: end, y1: top + TICK_TOP, x2: end, y2: top + TICK_TOP + 8 }));
    }
    // Year labels left to right, each clear of the one before and within the span; the start's own label
    // (a span starting after January) gives way to the next January's when they would touch.
    let reach = -Infinity;
    years.forEach(({ x, year, first }, i) => {
        const x1 = x + 3;
        const x2 = x1 + yearWidth(year);
        const next = years[i + 1];
        if (x1 < reach + YEAR_GAP || x2 > end || (first && next && next.x + 3 < x2 + YEAR_GAP)) {
            return;
        }
        parts.push(text(x1, top + YEAR_ROW, String(year), { size: 11, weight: 'bold' }));
        reach = x2;
    });
    return el('g', { 'data-axis': 'time', 'aria-label': `Time from ${isoDate(scale.first)} to ${isoDate(scale.last)} for ${input.charter}` }, ...parts);
}

/** Today's line and the term's start and end, over every lane. */
function markers(scale: Scale, input: JournalViewInput, today: number | undefined, top: number, bottom: number): string {
    const parts: string[] = [];
    for (const [bound, label] of [[input.term?.start, 'term start'], [input.term?.end, 'term end']] as const) {
        const day = bound ? dayNumber(bound) : undefined;
        if (day !== undefined && day >= scale.first && day <= scale.last) {
            const x = scale.x(day);
            parts.push(el('g', { 'data-term': label },
                tooltip([`${label}: ${longDate(bound!)}`]),
                el('line', { class: 'term', x1: x, y1: top + AXIS_HEIGHT, x2: x, y2: bottom })));
        }
    }
    if (today !== undefined) {
        const x = scale.x(today);
        parts.push(el('g', { 'data-today': input.today },
            tooltip([`today: ${longDate(input.today)}`]),
            el('line', { class: 'today', x1: x, y1: top + TODAY_ROW + 4, x2: x, y2: bottom }),
            // A row of its own, above the years: no year or month label is under it.
            text(x - 3, top + TODAY_ROW, 'today', { size: 10, weight: 'bold', anchor: 'end', className: 'today-label' })));
    }
    return parts.join('');
}

function buildLanes(input: JournalViewInput, events: TimelineEvent[], disputes: DisputeBar[], scale: Scale, today: number | undefined, options: JournalRenderOptions): Lane[] {
    const partnership: Lane = { id: 'partnership', kind: 'partnership', label: 'Partnership', sublabel: 'reviews, notes', element: input.charter, items: [], gaps: [] };
    const parties = new Map(input.parties.map(party => [party, { id: `party:${party}`, kind: 'party' as const, label: party, element: party, party, items: [] as Item[], gaps: [] as Lane['gaps'] }]));
    const bodies = new Map(input.bodies.map(body => [body.name, {
        id: `body:${body.name}`, kind: 'body' as const, label: body.name,
        sublabel: body.cadence ? `meets ${body.cadence}` : 'no cadence', element: `${input.charter}.${body.name}`, findings: body.findings, items: [] as Item[], gaps: [] as Lane['gaps']
    }]));
    const disputeLane: Lane = { id: 'disputes', kind: 'disputes', label: 'Disputes', sublabel: 'raised → resolved', items: [], gaps: [] };
    const dim = (concerned: string[]) => options.viewAsParty !== undefined && !concerned.includes(options.viewAsParty);
    const laneOf = (name: string | undefined) => name === undefined ? undefined : parties.get(name);

    // Gaps between meetings longer than 1.5 cadence periods come first: marks draw over them.
    for (const body of input.bodies) {
        const lane = bodies.get(body.name)!;
        if (!body.cadenceDays || today === undefined) {
            continue;
        }
        const met = events.filter(event => event.kind === 'meeting' && event.body === body.name).map(event => dayNumber(event.date)!);
        const termStart = input.term?.start ? dayNumber(input.term.start) : undefined;
        // As the rules count: from the term's start, or the last meeting when it is later (a meeting before
        // the term starts the count at the term's start); before the term nothing is due.
        const from = [termStart ?? met[0] ?? scale.first, ...met].map(day => Math.max(day, termStart ?? -Infinity, scale.first));
        const to = [...met, today];
        for (let i = 0; i < from.length; i++) {
            const until = Math.min(to[i], today);
            if (until - from[i] > 1.5 * body.cadenceDays) {
                lane.gaps.push(gapBand(scale, from[i], until, body.name, body.cadence ?? ''));
            }
        }
    }
    for (const event of events) {
        const item = eventItem(input, event, scale, dim);
        switch (event.kind) {
            case 'meeting':
                (bodies.get(event.body) ?? partnership).items.push(item);
                break;
            case 'delivery':
            case 'miss':
            case 'decision': {
                const body = event.kind === 'decision' && event.body ? bodies.get(event.body) : undefined;
                const owners = event.parties.map(laneOf).filter((lane): lane is NonNullable<typeof lane> => lane !== undefined);
                if (body) {
                    body.items.push(item);
                } else if (owners.length) {
                    owners.forEach(lane => lane.items.push(item));
                } else {
                    partnership.items.push(item);
                }
                break;
            }
            case 'assessment':
                (laneOf(event.party) ?? partnership).items.push(item);
                break;
            case 'review':
            case 'note':
                partnership.items.push(item);
                break;
        }
    }
    for (const dispute of disputes) {
        disputeLane.items.push(disputeItem(input, dispute, scale, today));
    }
    return [partnership, ...parties.values(), ...bodies.values(), ...(disputes.length ? [disputeLane] : [])];
}

/** A stretch with no meeting for longer than 1.5 periods of the body's cadence, behind the lane's marks. */
function gapBand(scale: Scale, from: number, to: number, body: string, cadence: string): Lane['gaps'][number] {
    const x1 = scale.x(from);
    const x2 = scale.x(to);
    return (top, height) => el('g', { 'data-gap': `${body}:${isoDate(from)}`, 'data-days': to - from },
        tooltip([`${body} did not meet for ${to - from} days (${longDate(isoDate(from))} – ${longDate(isoDate(to))}); it meets ${cadence}`]),
        el('rect', { class: 'gap-band', x: x1, y: top, width: Math.max(x2 - x1, 1), height, rx: 3 }));
}

/** A labelled mark: its glyph, the text beside it (truncated to MAX_LABEL; the tooltip has it all). */
function labelledItem(x: number, glyphWidth: number, label: string, parties: string[], attributes: Record<string, string | number | undefined>, title: string, glyph: (y: number) => string, flagged: boolean): Item {
    const labelWidth = label ? Math.min(MAX_LABEL, textWidth(label, LABEL_SIZE)) : 0;
    // A finding's ring (radius 9) around the glyph: the label starts clear of it.
    const gap = flagged ? Math.max(4, 11 - glyphWidth) : 4;
    return {
        start: x - (flagged ? 10 : 8),
        end: x + glyphWidth + (label ? gap + labelWidth : 0) + 2,
        bareEnd: x + glyphWidth + 2,
        parties,
        draw: (y, labelled) => el('g', attributes,
            title,
            glyph(y),
            flagged ? el('circle', { class: 'flagged', cx: x, cy: y, r: 9 }) : '',
            labelled && label ? text(x + glyphWidth + gap, y + 4, label, { size: LABEL_SIZE, maxWidth: MAX_LABEL }) : '')
    };
}

function eventItem(input: JournalViewInput, event: TimelineEvent, scale: Scale, dim: (parties: string[]) => boolean): Item {
    const x = scale.x(dayNumber(event.date)!);
    const flagged = (event.findings?.length ?? 0) > 0;
    const base = (parties: string[]) => ({
        'data-element': entryElementId(event.source),
        'data-kind': event.kind,
        'data-date': event.date,
        class: dim(parties) ? 'dim' : undefined
    });
    const when = longDate(event.date);
    const findings = findingsLine(event.findings);
    switch (event.kind) {
        case 'meeting': {
            const lane = input.bodies.find(body => body.name === event.body);
            const seated = lane?.seatedParties ?? event.attendingParties;
            const title = tooltip([
                `${when}: ${event.body} met`,
                event.attendanceRecorded ? `with ${event.attendees.join(', ') || 'nobody recorded'}` : 'attendance not recorded',
                event.attendanceRecorded && seated.some(party => !event.attendingParties.includes(party)) ? `absent: ${seated.filter(party => !event.attendingParties.includes(party)).join(', ')}` : undefined,
                findings
            ]);
            const glyphWidth = 6 + seated.length * (DOT + 2);
            return labelledItem(x, glyphWidth, '', event.attendingParties, { ...base(event.attendingParties), 'data-body': event.body, 'data-attended': event.attendingParties.join(' ') }, title, y => {
                const dots = seated.map((party, i) => {
                    const cx = x + 10 + i * (DOT + 2);
                    if (!event.attendanceRecorded) {
                        return el('circle', { class: 'unknown', cx, cy: y, r: DOT / 2 - 1, 'data-party': party });
                    }
                    return event.attendingParties.includes(party)
                        ? el('circle', { class: PARTY_MARK, cx, cy: y, r: DOT / 2, style: `fill:${partyColor(input.parties, party)}`, 'data-party': party, 'data-present': 'yes' })
                        : el('circle', { class: 'absent', cx, cy: y, r: DOT / 2 - 0.5, 'data-party': party, 'data-present': 'no' });
                });
                return el('rect', { class: 'mark-meeting', x: x - 5, y: y - 5, width: 10, height: 10, rx: 1.5 }) + dots.join('');
            }, flagged);
        }
        case 'delivery': {
            const title = tooltip([
                `${when}: delivered ${event.commitment}${event.title ? ` — ${event.title}` : ''}`,
                event.due ? `due ${longDate(event.due)}${event.late ? ' (late)' : ''}` : undefined,
                findings
            ]);
            return labelledItem(x, 6, event.commitment, event.parties, { ...base(event.parties), 'data-commitment': event.commitment, 'data-late': event.late ? 'yes' : undefined }, title,
                y => el('circle', { class: event.late ? 'mark-late' : 'mark-delivery', cx: x, cy: y, r: 5.5 }), flagged);
        }
        case 'miss': {
            const title = tooltip([`${when}: missed ${event.commitment}${event.title ? ` — ${event.title}` : ''}`, event.reason, findings]);
            return labelledItem(x, 6, `${event.commitment} missed`, event.parties, { ...base(event.parties), 'data-commitment': event.commitment }, title,
                y => el('path', { class: 'mark-miss', d: `M ${x - 5} ${y - 5} L ${x + 5} ${y + 5} M ${x + 5} ${y - 5} L ${x - 5} ${y + 5}` }), flagged);
        }
        case 'decision': {
            const title = tooltip([
                `${when}: decided ${event.decision}${event.title ? ` — ${event.title}` : ''}`,
                event.what, event.by.length ? `by ${event.by.join(', ')}` : undefined, findings
            ]);
            return labelledItem(x, 6, event.decision, event.parties, { ...base(event.parties), 'data-decision': event.decision }, title,
                y => el('path', { class: 'mark-decision', d: `M ${x} ${y - 6} L ${x + 6} ${y} L ${x} ${y + 6} L ${x - 6} ${y} Z` }), flagged);
        }
        case 'review': {
            const title = tooltip([`${when}: charter review held`, event.summary, findings]);
            return labelledItem(x, 6, event.summary ? `review: ${event.summary}` : 'review', input.parties, base(input.parties), title,
                y => el('path', { class: 'mark-review', d: `M ${x - 6} ${y + 5} L ${x} ${y - 6} L ${x + 6} ${y + 5} Z` }), flagged);
        }
        case 'note': {
            const title = tooltip([`${when}: note`, event.text, findings]);
            return labelledItem(x, 6, event.text, input.parties, base(input.parties), title,
                y => el('circle', { class: 'mark-note', cx: x, cy: y, r: 4.5 }), flagged);
        }
        case 'assessment': {
            const title = tooltip([`${when}: ${event.party} assessed the partnership (see the perception radar)`, findings]);
            return labelledItem(x, 6, 'assessed', [event.party], { ...base([event.party]), 'data-party': event.party }, title,
                y => el('path', { class: 'mark-assessment', d: `M ${x} ${y - 6} L ${x + 5.5} ${y - 2} L ${x + 3.5} ${y + 5} L ${x - 3.5} ${y + 5} L ${x - 5.5} ${y - 2} Z` }), flagged);
        }
    }
}

/** The class of a dispute bar: how far it climbed, the final step darkest. */
export function climbClass(dispute: Pick<DisputeBar, 'reachedLevel' | 'levels'>): string {
    if (dispute.levels > 0 && dispute.reachedLevel > dispute.levels) {
        return 'climb-final';
    }
    return `climb-${Math.min(Math.max(dispute.reachedLevel, 1), 3)}`;
}

function climbText(dispute: DisputeBar): string {
    if (dispute.levels > 0 && dispute.reachedLevel > dispute.levels) {
        return 'final step';
    }
    return dispute.levels > 0 ? `level ${dispute.reachedLevel} of ${dispute.levels}` : `level ${dispute.reachedLevel}`;
}

function disputeItem(input: JournalViewInput, dispute: DisputeBar, scale: Scale, today: number | undefined): Item {
    const raised = dayNumber(dispute.raised.date)!;
    const resolvedDay = dispute.resolved ? dayNumber(dispute.resolved.date) : undefined;
    const end = resolvedDay ?? Math.max(today ?? raised, raised);
    const x1 = scale.x(raised);
    const x2 = Math.max(scale.x(end), x1 + 6);
    const days = end - raised;
    const state = dispute.resolved ? `resolved after ${days} days` : `open for ${days} days`;
    const label = `${dispute.issue} · ${climbText(dispute)}${dispute.resolved ? '' : ' · open'}`;
    const labelWidth = Math.min(MAX_LABEL + 60, textWidth(label, LABEL_SIZE));
    const flagged = dispute.overTime || (dispute.findings?.length ?? 0) > 0;
    const title = tooltip([
        `${dispute.issue}${dispute.title ? ` — ${dispute.title}` : ''}`,
        `raised ${longDate(dispute.raised.date)} via ${dispute.escalation}${dispute.about ? ` about ${dispute.about}` : ''}`,
        ...dispute.escalated.map(step => `escalated ${longDate(step.date)}`),
        dispute.resolved ? `resolved ${longDate(dispute.resolved.date)}${dispute.resolved.how ? `: ${dispute.resolved.how}` : ''}` : 'still open',
        `${state}; ${climbText(dispute)}`,
        dispute.timeBoxDays !== undefined ? `time boxes of the levels reached: ${dispute.timeBoxDays} days${dispute.overTime ? ' (over time)' : ''}` : undefined,
        findingsLine(dispute.findings)
    ]);
    return {
        start: x1 - 2,
        end: x2 + 6 + labelWidth + 2,
        bareEnd: x2 + 2,
        parties: input.parties,
        draw: (y, labelled) => el('g', {
            'data-element': entryElementId(dispute.raised.source),
            'data-kind': 'dispute',
            'data-issue': dispute.issue,
            'data-reached': dispute.reachedLevel,
            'data-state': dispute.resolved ? 'resolved' : 'open',
            'data-date': dispute.raised.date
        },
        title,
        el('rect', { class: climbClass(dispute), x: x1, y: y - 7, width: x2 - x1, height: 14, rx: 3, 'stroke-width': flagged ? 2 : undefined, style: flagged ? 'stroke:var(--bad)' : undefined }),
        dispute.resolved ? '' : el('path', { class: 'open-end', d: `M ${x2} ${y - 9} L ${x2} ${y + 9}` }),
        ...dispute.escalated.filter(step => dayNumber(step.date) !== undefined).map(step => {
            const x = scale.x(dayNumber(step.date)!);
            return el('g', { 'data-element': entryElementId(step.source), 'data-kind': 'escalated', 'data-date': step.date },
                tooltip([`${longDate(step.date)}: ${dispute.issue} escalated`]),
                el('path', { class: 'climb-tick', d: `M ${x} ${y - 7} L ${x} ${y + 7}` }));
        }),
        dispute.resolved ? el('g', { 'data-element': entryElementId(dispute.resolved.source), 'data-kind': 'resolved', 'data-date': dispute.resolved.date },
            tooltip([`${longDate(dispute.resolved.date)}: ${dispute.issue} resolved`, dispute.resolved.how]),
            el('path', { class: 'climb-tick', d: `M ${x2} ${y - 7} L ${x2} ${y + 7}` })) : '',
        labelled ? text(x2 + 6, y + 4, label, { size: LABEL_SIZE, maxWidth: MAX_LABEL + 60 }) : '')
    };
}

/** The legend: each glyph with what it means, flowing into rows no wider than `width`. */
function drawLegend(x0: number, top: number, width: number): { svg: string; bottom: number; width: number } {
    const entries: Array<[string, (x: number, y: number) => string]> = [
        ['meeting (dots: who came)', (x, y) => el('rect', { class: 'mark-meeting', x: x - 5, y: y - 5, width: 10, height: 10, rx: 1.5 }) + el('circle', { class: 'absent', cx: x + 11, cy: y, r: 3.5 })],
        ['delivered', (x, y) => el('circle', { class: 'mark-delivery', cx: x, cy: y, r: 5.5 })],
        ['delivered late', (x, y) => el('circle', { class: 'mark-late', cx: x, cy: y, r: 5.5 })],
        ['missed', (x, y) => el('path', { class: 'mark-miss', d: `M ${x - 5} ${y - 5} L ${x + 5} ${y + 5} M ${x + 5} ${y - 5} L ${x - 5} ${y + 5}` })],
        ['decision', (x, y) => el('path', { class: 'mark-decision', d: `M ${x} ${y - 6} L ${x + 6} ${y} L ${x} ${y + 6} L ${x - 6} ${y} Z` })],
        ['review', (x, y) => el('path', { class: 'mark-review', d: `M ${x - 6} ${y + 5} L ${x} ${y - 6} L ${x + 6} ${y + 5} Z` })],
        ['note', (x, y) => el('circle', { class: 'mark-note', cx: x, cy: y, r: 4.5 })],
        ['assessment', (x, y) => el('path', { class: 'mark-assessment', d: `M ${x} ${y - 6} L ${x + 5.5} ${y - 2} L ${x + 3.5} ${y + 5} L ${x - 3.5} ${y + 5} L ${x - 5.5} ${y - 2} Z` })],
        ['finding on the entry', (x, y) => el('circle', { class: 'flagged', cx: x, cy: y, r: 7 })],
        ['no meeting for 1.5 periods', (x, y) => el('rect', { class: 'gap-band', x: x - 7, y: y - 6, width: 18, height: 12, rx: 3 })],
        ['dispute at level 1', (x, y) => el('rect', { class: 'climb-1', x: x - 7, y: y - 6, width: 18, height: 12, rx: 3 })],
        ['level 2', (x, y) => el('rect', { class: 'climb-2', x: x - 7, y: y - 6, width: 18, height: 12, rx: 3 })],
        ['level 3+', (x, y) => el('rect', { class: 'climb-3', x: x - 7, y: y - 6, width: 18, height: 12, rx: 3 })],
        ['final step', (x, y) => el('rect', { class: 'climb-final', x: x - 7, y: y - 6, width: 18, height: 12, rx: 3 })]
    ];
    const parts: string[] = [];
    let x = x0;
    let y = top + 10;
    let widest = 0;
    for (const [label, glyph] of entries) {
        const itemWidth = 30 + textWidth(label, 10) + 14;
        if (x > x0 && x + itemWidth > x0 + width) {
            x = x0;
            y += 20;
        }
        parts.push(el('g', { 'data-legend': label }, glyph(x + 6, y), text(x + 30, y + 4, label, { size: 10, className: 'muted' })));
        x += itemWidth;
        widest = Math.max(widest, x - x0);
    }
    return { svg: el('g', { 'data-legend-block': '' }, ...parts), bottom: y + 10, width: widest };
}
