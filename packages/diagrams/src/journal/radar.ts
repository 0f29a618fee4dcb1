/**
 * The perception radar: the pillars as axes (1–5), one polygon per party from
 * its latest assessment, the largest gap between two parties on one pillar
 * drawn and labelled, and the scores as a table beneath (the numbers, and
 * the pillars only some parties scored).
 */
import { el, PARTY_MARK, partyColor, svgDocument, text, textWidth } from '../svg.js';
import { compareDated, dayNumber, findingsLine, JOURNAL_STYLE, longDate, tooltip } from './common.js';
import { entryElementId, PILLARS, type Assessment, type JournalRenderOptions, type JournalViewInput, type Pillar } from './types.js';

const MARGIN = 12;
const RADIUS = 120;
const LABEL_SIZE = 12;

/** The largest difference between two parties on one pillar, from their latest assessments. */
export interface PerceptionGap {
    pillar: Pillar;
    gap: number;
    /** The party that rated the pillar highest, and lowest. */
    high: { party: string; score: number };
    low: { party: string; score: number };
}

/**
 * Each party's latest assessment up to `today` (by date, then where written),
 * in the charter's party order, then any others by name: the assessments the
 * perceived layer and `perception-gap` read (one dated after today is not
 * taken; the party's earlier one is).
 */
export function latestAssessments(input: Pick<JournalViewInput, 'assessments' | 'parties'> & { today?: JournalViewInput['today'] }): Assessment[] {
    const today = input.today === undefined ? undefined : dayNumber(input.today);
    const latest = new Map<string, Assessment>();
    for (const assessment of [...input.assessments].sort(compareDated)) {
        const day = dayNumber(assessment.date);
        if (today === undefined || day === undefined || day <= today) {
            latest.set(assessment.party, assessment);
        }
    }
    const order = (party: string) => {
        const index = input.parties.indexOf(party);
        return index < 0 ? input.parties.length : index;
    };
    return [...latest.values()].sort((a, b) => order(a.party) - order(b.party) || (a.party < b.party ? -1 : a.party > b.party ? 1 : 0));
}

/** The largest gap between two parties on one pillar (ties: the first pillar, then the first pair, in order), or undefined with fewer than two parties. */
export function largestGap(latest: readonly Assessment[]): PerceptionGap | undefined {
    let best: PerceptionGap | undefined;
    for (const pillar of PILLARS) {
        const scored = latest.filter(assessment => typeof assessment.scores[pillar] === 'number');
        if (scored.length < 2) {
            continue;
        }
        let high = scored[0];
        let low = scored[0];
        for (const assessment of scored) {
            if (assessment.scores[pillar]! > high.scores[pillar]!) {
                high = assessment;
            }
            if (assessment.scores[pillar]! < low.scores[pillar]!) {
                low = assessment;
            }
        }
        const gap = high.scores[pillar]! - low.scores[pillar]!;
        if (!best || gap > best.gap) {
            best = { pillar, gap, high: { party: high.party, score: high.scores[pillar]! }, low: { party: low.party, score: low.scores[pillar]! } };
        }
    }
    return best;
}

function capitalised(pillar: string): string {
    return pillar.charAt(0).toUpperCase() + pillar.slice(1);
}

/** Renders the perception radar of a charter's journals. */
export function renderRadar(input: JournalViewInput, options: JournalRenderOptions = {}): string {
    const title = `Perception radar of ${input.charter}`;
    const latest = latestAssessments(input);
    if (latest.length === 0) {
        return svgDocument('radar', 560, 60, title, `No party of ${input.charter} has assessed the partnership: perceived health is not measured.`,
            text(MARGIN, 36, 'No assessment yet: no party has said how it sees the partnership.', { size: 14, className: 'muted', maxWidth: 536 }));
    }
    // Axes: the pillars every latest assessment scored (the four always, the factors when all gave them),
    // and the pillar of the largest gap, which the caption, the score and `perception-gap` report, even when
    // a party did not score it: its axis is drawn, and that party's polygon passes it by.
    const gap = largestGap(latest);
    const axes = PILLARS.filter(pillar => latest.every(assessment => typeof assessment.scores[pillar] === 'number') || (gap !== undefined && gap.gap > 0 && gap.pillar === pillar));
    const scoredAnywhere = PILLARS.filter(pillar => latest.some(assessment => typeof assessment.scores[pillar] === 'number'));
    const unscored = (pillar: Pillar) => latest.filter(assessment => typeof assessment.scores[pillar] !== 'number').map(assessment => assessment.party);
    const labelWidths = axes.map(pillar => textWidth(capitalised(pillar), LABEL_SIZE) * 1.1);
    const side = Math.max(40, ...labelWidths) + 14;
    const cx = MARGIN + side + RADIUS;
    const cy = MARGIN + 26 + RADIUS;
    const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / axes.length;
    const at = (i: number, score: number) => {
        const r = (RADIUS * (Math.min(Math.max(score, 0), 5))) / 5;
        return [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))] as const;
    };
    const round = (value: number) => Math.round(value * 100) / 100;
    const parts: string[] = [el('style', {}, JOURNAL_STYLE)];
    const chart: string[] = [];
    if (axes.length >= 3) {
        for (let ring = 1; ring <= 5; ring++) {
            chart.push(el('polygon', { class: 'ring', points: axes.map((_, i) => at(i, ring).map(round).join(',')).join(' ') }));
            // The ring's number sits between the first two axes, where no spoke runs.
            const between = (angle(0) + angle(1)) / 2;
            const r = (RADIUS * ring) / 5 * Math.cos(Math.PI / axes.length);
            chart.push(text(round(cx + r * Math.cos(between)), round(cy + r * Math.sin(between) + 3), String(ring), { size: 8, anchor: 'middle', className: 'muted' }));
        }
        axes.forEach((pillar, i) => {
            const [x, y] = at(i, 5);
            const cos = Math.cos(angle(i));
            const sin = Math.sin(angle(i));
            const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
            const lx = cx + (RADIUS + 8) * cos;
            const ly = cy + (RADIUS + 8) * sin + (sin > 0.2 ? 12 : sin < -0.2 ? -4 : 4);
            const notBy = unscored(pillar);
            chart.push(el('line', { class: 'spoke', x1: cx, y1: cy, x2: round(x), y2: round(y) }),
                el('g', { 'data-pillar': pillar, 'data-not-scored-by': notBy.length ? notBy.join(' ') : undefined },
                    notBy.length ? tooltip([`${capitalised(pillar)}: not scored by ${notBy.join(', ')}`]) : '',
                    text(lx, ly, notBy.length ? `${capitalised(pillar)}*` : capitalised(pillar), { size: LABEL_SIZE, weight: gap?.pillar === pillar && gap.gap > 0 ? 'bold' : undefined, anchor })));
        });
        for (const assessment of latest) {
            const colour = partyColor(input.parties, assessment.party);
            // A pillar the party did not score (only the gap's can be an axis then): its polygon passes it by.
            const scored = axes.map((pillar, i) => [pillar, i] as const).filter(([pillar]) => typeof assessment.scores[pillar] === 'number');
            const points = scored.map(([pillar, i]) => at(i, assessment.scores[pillar]!).map(round).join(',')).join(' ');
            const dim = options.viewAsParty !== undefined && assessment.party !== options.viewAsParty ? 'dim' : undefined;
            chart.push(el('g', { 'data-element': entryElementId(assessment.source), 'data-party': assessment.party, 'data-date': assessment.date, class: dim },
                tooltip([`${assessment.party}, ${longDate(assessment.date)}`, ...scoredAnywhere.map(pillar => `${pillar} ${assessment.scores[pillar] ?? '–'}`), findingsLine(assessment.findings)]),
                // A muted casing under the party's line: the light colours of the palette stand out from the background.
                el('polygon', { class: 'polygon-casing', points }),
                el('polygon', { class: 'polygon', points, style: `fill:${colour};stroke:${colour}` }),
                ...scored.map(([pillar, i]) => {
                    const [x, y] = at(i, assessment.scores[pillar]!);
                    return el('circle', { class: PARTY_MARK, cx: round(x), cy: round(y), r: 3.5, style: `fill:${colour}`, 'data-pillar': pillar, 'data-score': assessment.scores[pillar] });
                })));
        }
        if (gap && gap.gap > 0 && axes.includes(gap.pillar)) {
            const i = axes.indexOf(gap.pillar);
            const [x1, y1] = at(i, gap.low.score);
            const [x2, y2] = at(i, gap.high.score);
            // The label sits beside the axis, on the side turned towards the previous axis (the ring numbers are on the other).
            const nx = Math.sin(angle(i));
            const ny = -Math.cos(angle(i));
            const mx = (x1 + x2) / 2 + nx * 14;
            const my = (y1 + y2) / 2 + ny * 14 + 4;
            chart.push(el('g', { 'data-gap': gap.pillar, 'data-size': gap.gap },
                tooltip([`Largest gap: ${gap.gap} on ${gap.pillar} (${gap.high.party} ${gap.high.score}, ${gap.low.party} ${gap.low.score})`]),
                el('line', { class: 'gap-line', x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2) }),
                text(round(mx), round(my), `gap ${gap.gap}`, { size: 11, weight: 'bold', anchor: nx < -0.2 ? 'end' : nx > 0.2 ? 'start' : 'middle', className: 'gap-label' })));
        }
    } else {
        chart.push(text(MARGIN, cy, 'Too few pillars scored by every party to draw the radar; the scores are below.', { size: 12, className: 'muted', maxWidth: 2 * (side + RADIUS) }));
    }
    parts.push(el('g', { 'data-chart': '' }, ...chart));
    const chartWidth = 2 * (side + RADIUS) + 2 * MARGIN;

    // Beneath: the gap in words, then the scores per party and pillar.
    let y = cy + RADIUS + 40;
    const gapText = !gap ? `Only ${latest[0].party} has assessed the partnership: no gap to measure.`
        : gap.gap === 0 ? 'No gap: the parties agree on every pillar.'
            : `Largest gap: ${gap.gap} on ${gap.pillar} (${gap.high.party} ${gap.high.score}, ${gap.low.party} ${gap.low.score})`
                + (unscored(gap.pillar).length ? `; * not scored by ${unscored(gap.pillar).join(', ')}` : '');
    const tableColumns = scoredAnywhere;
    const nameWidth = Math.min(200, Math.max(60, ...latest.map(assessment => textWidth(assessment.party, 12) * 1.1 + 24)));
    const dateWidth = 92;
    const columnWidths = tableColumns.map(pillar => Math.max(36, textWidth(capitalised(pillar), 11) + 12));
    const tableWidth = nameWidth + dateWidth + columnWidths.reduce((sum, w) => sum + w, 0);
    const width = Math.max(chartWidth, tableWidth + 2 * MARGIN, textWidth(gapText, 13) * 1.1 + 2 * MARGIN);
    parts.push(el('g', { 'data-gap-caption': gap ? String(gap.gap) : '' },
        text(MARGIN, y, gapText, { size: 13, weight: 'bold', className: gap && gap.gap >= 2 ? 'gap-label' : undefined })));
    y += 24;
    const header: string[] = [text(MARGIN, y, 'Party', { size: 11, weight: 'bold' }), text(MARGIN + nameWidth, y, 'Assessed', { size: 11, weight: 'bold' })];
    let x = MARGIN + nameWidth + dateWidth;
    tableColumns.forEach((pillar, i) => {
        header.push(text(x, y, capitalised(pillar), { size: 11, weight: 'bold', className: gap?.pillar === pillar && gap.gap > 0 ? 'gap-label' : undefined }));
        x += columnWidths[i];
    });
    parts.push(el('g', { 'data-table-header': '' }, ...header));
    for (const assessment of latest) {
        y += 20;
        const colour = partyColor(input.parties, assessment.party);
        const cells: string[] = [
            el('rect', { class: PARTY_MARK, x: MARGIN, y: y - 10, width: 10, height: 10, rx: 2, style: `fill:${colour}` }),
            text(MARGIN + 16, y, assessment.party, { size: 12, maxWidth: nameWidth - 22 }),
            text(MARGIN + nameWidth, y, assessment.date, { size: 11, className: 'muted' })
        ];
        let cellX = MARGIN + nameWidth + dateWidth;
        tableColumns.forEach((pillar, i) => {
            const score = assessment.scores[pillar];
            cells.push(text(cellX, y, score === undefined ? '–' : String(score), { size: 12, className: score === undefined ? 'muted' : undefined }));
            cellX += columnWidths[i];
        });
        const dim = options.viewAsParty !== undefined && assessment.party !== options.viewAsParty ? 'dim' : undefined;
        parts.push(el('g', { 'data-element': entryElementId(assessment.source), 'data-row': assessment.party, class: dim },
            tooltip([`${assessment.party} assessed the partnership on ${longDate(assessment.date)}`, findingsLine(assessment.findings)]), ...cells));
    }
    const description = `${latest.length} parties' latest assessments of ${input.charter} on ${axes.join(', ')}. ${gapText}`;
    return svgDocument('radar', width, y + 14, title, description, parts.join(''));
}
