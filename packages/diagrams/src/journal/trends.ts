/**
 * Metric trends: small multiples, one panel per metric of the charter, on a
 * common time axis: the readings as a line, the target as a band, on- and
 * off-target readings drawn with different shapes (and colours).
 */
import { el, svgDocument, text, textWidth } from '../svg.js';
import { compactNumber, compareDated, dayNumber, findingsLine, isoDate, JOURNAL_STYLE, longDate, monthStart, MONTHS, tooltip, withUnit, yearMonth } from './common.js';
import { entryElementId, type JournalRenderOptions, type JournalViewInput, type MetricReading, type MetricSeries, type MetricTarget } from './types.js';

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

/** Renders the metric trends of a charter. */
export function renderTrends(input: JournalViewInput, options: JournalRenderOptions = {}): string {
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
    parts.push(el('g', { 'data-legend-block': '' },
        el('circle', { class: 'on-target', cx: MARGIN + 6, cy: legendY, r: 4 }), text(MARGIN + 16, legendY + 4, 'on target', { size: 10, className: 'muted' }),
        offTargetGlyph(MARGIN + 86, legendY), text(MARGIN + 96, legendY + 4, 'off target', { size: 10, className: 'muted' }),
        el('circle', { class: 'no-target', cx: MARGIN + 166, cy: legendY, r: 4 }), text(MARGIN + 176, legendY + 4, 'not judged (no target, or another unit)', { size: 10, className: 'muted' }),
        el('rect', { class: 'target-band', x: MARGIN + 396, y: legendY - 6, width: 18, height: 12 }), text(MARGIN + 420, legendY + 4, 'target band', { size: 10, className: 'muted' })));
    const width = Math.max(2 * MARGIN + columns * PANEL_WIDTH + (columns - 1) * GAP, 500);
    const measured = input.metrics.filter(series => series.readings.length > 0).length;
    const description = `${input.metrics.length} metrics of ${input.charter}, ${measured} with readings, from ${longDate(isoDate(first))} to ${longDate(isoDate(last))}.`;
    return svgDocument('trends', width, legendY + 14, title, description, parts.join(''));
}

function offTargetGlyph(x: number, y: number): string {
    return el('path', { class: 'off-target', d: `M ${x} ${y - 5.5} L ${x + 5.5} ${y + 4.5} L ${x - 5.5} ${y + 4.5} Z` });
}

function panel(input: JournalViewInput, series: MetricSeries, x: number, y: number, first: number, last: number, today: number | undefined, options: JournalRenderOptions): string {
    const readings = series.readings.filter(reading => dayNumber(reading.date) !== undefined && Number.isFinite(reading.value)).sort(compareDated);
    const target = series.target;
    const judged = readings.map(reading => ({ reading, on: reading.unjudged ? undefined : reading.onTarget ?? (target ? meetsTarget(reading.value, target) : undefined) }));
    const latest = judged.at(-1);
    const flagged = (series.findings?.length ?? 0) > 0;
    const parts: string[] = [
        flagged ? tooltip([`${series.metric}: ${series.findings!.join(', ')}`]) : '',
        el('rect', { class: 'panel', x, y, width: PANEL_WIDTH, height: PANEL_HEIGHT, rx: 6, style: flagged ? 'stroke:var(--bad);stroke-width:2' : undefined }),
        text(x + 10, y + 19, series.title ? `${series.metric} — ${series.title}` : series.metric, { size: 12, weight: 'bold', maxWidth: PANEL_WIDTH - 20 }),
        text(x + 10, y + 35, [target ? targetText(target) : 'no target', series.cadence ? `reported ${series.cadence}` : undefined].filter(Boolean).join(' · '), { size: 10, className: 'muted', maxWidth: PANEL_WIDTH - 20 })
    ];
    if (latest) {
        const unit = latest.reading.unit ?? target?.unit;
        const verdict = latest.on === undefined ? '' : latest.on ? ' · on target' : ' · off target';
        parts.push(text(x + 10, y + 50, `latest ${withUnit(latest.reading.value, unit, target?.scale)} (${longDate(latest.reading.date)})${verdict}`,
            { size: 10, weight: 'bold', className: latest.on === false ? 'critical' : undefined, maxWidth: PANEL_WIDTH - 20 }));
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
    if (readings.length === 0) {
        const message = 'no readings yet';
        const messageWidth = textWidth(message, 12);
        const mx = (plot.x0 + plot.x1) / 2;
        const my = (plot.y0 + plot.y1) / 2;
        parts.push(el('rect', { class: 'bg', x: mx - messageWidth / 2 - 6, y: my - 11, width: messageWidth + 12, height: 20, rx: 4 }),
            text(mx, my + 4, message, { size: 12, anchor: 'middle', className: 'muted' }));
    } else {
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
    const unit = reading.unit ?? series.target?.unit;
    const state = on === undefined ? 'no-target' : on ? 'on-target' : 'off-target';
    return el('g', { 'data-element': entryElementId(reading.source), 'data-kind': 'reading', 'data-date': reading.date, 'data-value': fmtPoint(reading.value), 'data-state': state },
        tooltip([`${longDate(reading.date)}: ${series.metric} ${withUnit(reading.value, unit, series.target?.scale)}`, on === undefined ? undefined : on ? 'on target' : 'off target', findingsLine(reading.findings)]),
        state === 'off-target' ? offTargetGlyph(x, y) : el('circle', { class: state, cx: x, cy: y, r: 4 }),
        (reading.findings?.length ?? 0) > 0 ? el('circle', { class: 'flagged', cx: x, cy: y, r: 7.5 }) : '');
}
