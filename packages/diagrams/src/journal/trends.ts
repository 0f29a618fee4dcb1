/**
 * Metric trends: small multiples, one panel per metric of the charter, on a
 * common time axis: the readings as a line, the target as a band, on- and
 * off-target readings drawn with different shapes (and colours).
 */
import { el, svgDocument, text, textWidth } from '../svg.js';
import {
    asOfToday, compactNumber, compareDated, dayNumber, findingsLine, isoDate, JOURNAL_STYLE, longDate, monthStart, MONTHS, readingText, tooltip, withUnit, yearMonth
} from './common.js';
import { entryElementId, type JournalRenderOptions, type JournalViewInput, type MetricReading, type MetricSeries, type MetricTarget } from './types.js';
import { count } from '@entente/language/wording';

const MARGIN = 12;
const PANEL_WIDTH = 330;
const PANEL_HEIGHT = 200;
const GAP = 14;
const COLUMNS = 3;
const COMPARATORS: Record<MetricTarget['comparator'], string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

/** Whether a value meets a target. */
export function meetsTarget(value: number, target: MetricTarget): boolean {
    switch (target.comparator) {
        case '>=': return value >= target.value;
        case '<=': return value <= target.value;
        case '>': return value > target.value;
        case '<': return value < target.value;
        case '=': return value === target.value;
    }
}

/** `target ≥ 2M USD`. */
export function targetText(target: MetricTarget): string {
    return `target ${COMPARATORS[target.comparator] ?? target.comparator} ${withUnit(target.value, target.unit, target.scale)}`;
}

/** About `count` round ticks (1, 2, 5 × 10ⁿ) covering lo..hi. */
export function niceTicks(lo: number, hi: number, count = 4): number[] {
    if (!(hi > lo)) {
        const pad = Math.max(1, Math.abs(hi) * 0.1);
        lo -= pad;
        hi += pad;
    }
    const rough = (hi - lo) / count;
    const magnitude = 10 ** Math.floor(Math.log10(rough));
    const step = [1, 2, 2.5, 5, 10].map(f => f * magnitude).find(candidate => candidate >= rough) ?? 10 * magnitude;
    const first = Math.floor(lo / step) * step;
    const ticks: number[] = [];
    for (let value = first; value < hi + step * 0.999; value += step) {
        ticks.push(Math.round(value / step) * step);
        if (ticks.length > 20) {
            break;
        }
    }
    return ticks;
}

/** Renders the metric trends of a charter, as of its today (readings dated later are left out). */
export function renderTrends(given: JournalViewInput, options: JournalRenderOptions = {}): string {
    const { input } = asOfToday(given);
    const title = `Metric trends of ${input.charter}`;
    if (input.metrics.length === 0) {
        return svgDocument('trends', 520, 60, title, `${input.charter} declares no metrics.`,
            text(MARGIN, 36, `${input.charter} declares no metrics: there is nothing to trend.`, { size: 14, className: 'muted', maxWidth: 496 }));
    }
    const readings = input.metrics.flatMap(series => series.readings).filter(reading => dayNumber(reading.date) !== undefined && Number.isFinite(reading.value));
    const today = dayNumber(input.today);
    const days = [...readings.map(reading => dayNumber(reading.date)!), ...(today !== undefined ? [today] : [])];
    const lo = days.length ? Math.min(...days) : 0;
    const hi = days.length ? Math.max(...days) : 0;
    const start = yearMonth(lo);
    const end = yearMonth(hi);
    const first = monthStart(start.year, start.month);
    const last = Math.max(monthStart(end.year, end.month + 1), first + 28);
    const columns = Math.min(COLUMNS, input.metrics.length);
    const parts: string[] = [el('style', {}, JOURNAL_STYLE)];
    input.metrics.forEach((series, index) => {
        const x = MARGIN + (index % columns) * (PANEL_WIDTH + GAP);
        const y = MARGIN + Math.floor(index / columns) * (PANEL_HEIGHT + GAP);
        parts.push(panel(input, series, x, y, first, last, today, options));
    });
    const rows = Math.ceil(input.metrics.length / columns);
    const legendY = MARGIN + rows * (PANEL_HEIGHT + GAP) + 4;
    // The legend flows left to right, each entry as wide as its text.
    const legendEntries: Array<[string, (x: number, y: number) => string]> = [
        ['on target', (gx, gy) => el('circle', { class: 'on-target', cx: gx, cy: gy, r: 4 })],
        ['off target', (gx, gy) => offTargetGlyph(gx, gy)],
        ['not judged (no target)', (gx, gy) => el('circle', { class: 'no-target', cx: gx, cy: gy, r: 4 })],
        ['another unit (not on the axis)', (gx, gy) => otherUnitGlyph(gx, gy)],
        ['target band', (gx, gy) => el('rect', { class: 'target-band', x: gx - 6, y: gy - 6, width: 18, height: 12 })]
    ];
    const legend: string[] = [];
    let legendX = MARGIN;
    for (const [label, glyph] of legendEntries) {
        const glyphWidth = label === 'target band' ? 24 : 10;
        legend.push(glyph(legendX + 6, legendY), text(legendX + 6 + glyphWidth, legendY + 4, label, { size: 10, className: 'muted' }));
        legendX += 6 + glyphWidth + textWidth(label, 10) + 14;
    }
    parts.push(el('g', { 'data-legend-block': '' }, ...legend));
    const width = Math.max(2 * MARGIN + columns * PANEL_WIDTH + (columns - 1) * GAP, Math.ceil(legendX - 14 + MARGIN));
    const measured = input.metrics.filter(series => series.readings.length > 0).length;
    const description = `${input.metrics.length} metrics of ${input.charter}, ${measured} with readings, from ${longDate(isoDate(first))} to ${longDate(isoDate(last))}.`;
    return svgDocument('trends', width, legendY + 14, title, description, parts.join(''));
}

/** A reading in another unit than the target's: a hollow grey diamond on the time axis, not joined to the line. */
function otherUnitGlyph(x: number, y: number): string {
    return el('path', { class: 'other-unit', d: `M ${x} ${y - 4.5} L ${x + 4.5} ${y} L ${x} ${y + 4.5} L ${x - 4.5} ${y} Z` });
}

function offTargetGlyph(x: number, y: number): string {
    return el('path', { class: 'off-target', d: `M ${x} ${y - 5.5} L ${x + 5.5} ${y + 4.5} L ${x - 5.5} ${y + 4.5} Z` });
}

function panel(input: JournalViewInput, series: MetricSeries, x: number, y: number, first: number, last: number, today: number | undefined, options: JournalRenderOptions): string {
    const all = series.readings.filter(reading => dayNumber(reading.date) !== undefined && Number.isFinite(reading.value)).sort(compareDated);
    const target = series.target;
    // The target's unit is the axis's: a reading in another unit (the rules leave it unjudged) is drawn apart, on the
    // time axis, neither stretching the value axis nor joined to the line; nor is it the "latest" the health check judges.
    const readings = all.filter(reading => !reading.unjudged);
    const others = all.filter(reading => reading.unjudged);
    const judged = readings.map(reading => ({ reading, on: reading.onTarget ?? (target ? meetsTarget(reading.value, target) : undefined) }));
    const latest = judged.at(-1);
    const flagged = (series.findings?.length ?? 0) > 0;
    const parts: string[] = [
        flagged ? tooltip([`${series.metric}: ${series.findings!.join(', ')}`]) : '',
        el('rect', { class: 'panel', x, y, width: PANEL_WIDTH, height: PANEL_HEIGHT, rx: 6, style: flagged ? 'stroke:var(--bad);stroke-width:2' : undefined }),
        text(x + 10, y + 19, series.title ? `${series.metric} — ${series.title}` : series.metric, { size: 12, weight: 'bold', maxWidth: PANEL_WIDTH - 20 }),
        text(x + 10, y + 35, [target ? targetText(target) : 'no target', series.cadence ? `reported ${series.cadence}` : undefined].filter(Boolean).join(' · '), { size: 10, className: 'muted', maxWidth: PANEL_WIDTH - 20 })
    ];
    if (latest) {
        const verdict = latest.on === undefined ? '' : latest.on ? ' · on target' : ' · off target';
        parts.push(text(x + 10, y + 50, `latest ${readingText(latest.reading, target)} (${longDate(latest.reading.date)})${verdict}`,
            { size: 10, weight: 'bold', className: latest.on === false ? 'critical' : undefined, maxWidth: PANEL_WIDTH - 20 }));
    } else if (others.length) {
        parts.push(text(x + 10, y + 50, 'no reading in the target\'s unit yet',
            { size: 10, weight: 'bold', className: 'muted', maxWidth: PANEL_WIDTH - 20 }));
    }
    const values = readings.map(reading => reading.value);
    const ticks = valueTicks(values, target);
    const tickLabels = ticks.map(tick => compactNumber(tick));
    const gutter = Math.min(70, Math.max(...tickLabels.map(label => textWidth(label, 9))) + 10);
    const plot = { x0: x + 8 + gutter, x1: x + PANEL_WIDTH - 14, y0: y + 62, y1: y + PANEL_HEIGHT - 26 };
    const lo = ticks[0];
    const hi = ticks[ticks.length - 1];
    const px = (day: number) => plot.x0 + ((day - first) / (last - first)) * (plot.x1 - plot.x0);
    const py = (value: number) => plot.y1 - ((value - lo) / (hi - lo)) * (plot.y1 - plot.y0);
    ticks.forEach((tick, i) => {
        parts.push(el('line', { class: 'grid', x1: plot.x0, y1: py(tick), x2: plot.x1, y2: py(tick) }),
            text(plot.x0 - 5, py(tick) + 3, tickLabels[i], { size: 9, anchor: 'end', className: 'muted', maxWidth: gutter - 6 }));
    });
    parts.push(el('line', { class: 'axis', x1: plot.x0, y1: plot.y1, x2: plot.x1, y2: plot.y1 }));
    // The time axis: its two ends and the years between, like the timeline's.
    const from = yearMonth(first);
    const to = yearMonth(last - 1);
    parts.push(text(plot.x0, plot.y1 + 14, `${MONTHS[from.month]} ${from.year}`, { size: 9, className: 'muted' }),
        text(plot.x1, plot.y1 + 14, `${MONTHS[to.month]} ${to.year}`, { size: 9, anchor: 'end', className: 'muted' }));
    if (today !== undefined && today >= first && today <= last) {
        parts.push(el('line', { class: 'today', x1: px(today), y1: plot.y0 - 4, x2: px(today), y2: plot.y1, 'data-today': input.today }));
    }
    if (target) {
        const at = py(Math.min(Math.max(target.value, lo), hi));
        const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        const [bandTop, bandBottom] = target.comparator === '>=' || target.comparator === '>' ? [plot.y0, at]
            : target.comparator === '<=' || target.comparator === '<' ? [at, plot.y1]
                : [py(Math.min(target.value + step / 4, hi)), py(Math.max(target.value - step / 4, lo))];
        parts.push(el('g', { 'data-target': `${target.comparator}${target.value}` },
            tooltip([targetText(target)]),
            el('rect', { class: 'target-band', x: plot.x0, y: bandTop, width: plot.x1 - plot.x0, height: Math.max(bandBottom - bandTop, 1) }),
            el('line', { class: 'target-line', x1: plot.x0, y1: at, x2: plot.x1, y2: at })));
    }
    if (others.length) {
        // Below the plot, between the time axis's two end labels.
        const otherUnits = `${count(others.length, 'reading')} in another unit`;
        parts.push(el('g', { 'data-other-units': others.length }, tooltip(others.map(reading => `${longDate(reading.date)}: ${readingText(reading, target)}`)),
            text((plot.x0 + plot.x1) / 2, plot.y1 + 14, otherUnits, { size: 9, anchor: 'middle', className: 'muted', maxWidth: plot.x1 - plot.x0 - 110 })));
        for (const reading of others) {
            parts.push(otherUnitPoint(series, reading, px(dayNumber(reading.date)!), plot.y1));
        }
    }
    if (all.length === 0) {
        const message = 'no readings yet';
        const messageWidth = textWidth(message, 12);
        const mx = (plot.x0 + plot.x1) / 2;
        const my = (plot.y0 + plot.y1) / 2;
        parts.push(el('rect', { class: 'bg', x: mx - messageWidth / 2 - 6, y: my - 11, width: messageWidth + 12, height: 20, rx: 4 }),
            text(mx, my + 4, message, { size: 12, anchor: 'middle', className: 'muted' }));
    } else if (readings.length) {
        if (readings.length > 1) {
            parts.push(el('polyline', { class: 'reading-line', points: readings.map(reading => `${fmtPoint(px(dayNumber(reading.date)!))},${fmtPoint(py(reading.value))}`).join(' ') }));
        }
        for (const { reading, on } of judged) {
            parts.push(point(series, reading, on, px(dayNumber(reading.date)!), py(reading.value)));
        }
    }
    const dim = options.viewAsParty !== undefined && series.parties.length > 0 && !series.parties.includes(options.viewAsParty) ? 'dim' : undefined;
    return el('g', { 'data-element': `${input.charter}.${series.metric}`, 'data-metric': series.metric, 'data-panel': '', 'data-findings': flagged ? series.findings!.join(' ') : undefined, class: dim }, ...parts);
}

/**
 * The value axis: the readings and the target, with room on the target's good
 * side so its band shows, and a whole `of N` scale.
 */
function valueTicks(values: number[], target: MetricTarget | undefined): number[] {
    const span = [...values];
    if (target) {
        span.push(target.value);
        const lo = Math.min(...span);
        const hi = Math.max(...span);
        const room = (hi - lo || Math.abs(target.value) || 1) * 0.3;
        if (target.scale !== undefined) {
            span.push(1, target.scale);
        } else if (target.comparator === '>=' || target.comparator === '>') {
            span.push(target.value + room);
        } else if (target.comparator === '<=' || target.comparator === '<') {
            span.push(lo >= 0 ? Math.max(0, target.value - room) : target.value - room);
        }
    }
    return span.length ? niceTicks(Math.min(...span), Math.max(...span)) : [0, 1];
}

function fmtPoint(value: number): string {
    return String(Math.round(value * 100) / 100);
}

function point(series: MetricSeries, reading: MetricReading, on: boolean | undefined, x: number, y: number): string {
    const state = on === undefined ? 'no-target' : on ? 'on-target' : 'off-target';
    return el('g', { 'data-element': entryElementId(reading.source), 'data-kind': 'reading', 'data-date': reading.date, 'data-value': fmtPoint(reading.value), 'data-state': state },
        tooltip([`${longDate(reading.date)}: ${series.metric} ${readingText(reading, series.target)}`, on === undefined ? undefined : on ? 'on target' : 'off target', findingsLine(reading.findings)]),
        state === 'off-target' ? offTargetGlyph(x, y) : el('circle', { class: state, cx: x, cy: y, r: 4 }),
        (reading.findings?.length ?? 0) > 0 ? el('circle', { class: 'flagged', cx: x, cy: y, r: 7.5 }) : '');
}

function otherUnitPoint(series: MetricSeries, reading: MetricReading, x: number, y: number): string {
    return el('g', { 'data-element': entryElementId(reading.source), 'data-kind': 'reading', 'data-date': reading.date, 'data-value': fmtPoint(reading.value), 'data-state': 'other-unit' },
        tooltip([`${longDate(reading.date)}: ${series.metric} ${readingText(reading, series.target)}`, `not judged: ${series.target ? `the target is in ${withUnit(series.target.value, series.target.unit, series.target.scale)}` : 'no target'}`, findingsLine(reading.findings)]),
        otherUnitGlyph(x, y),
        (reading.findings?.length ?? 0) > 0 ? el('circle', { class: 'flagged', cx: x, cy: y, r: 7.5 }) : '');
}
