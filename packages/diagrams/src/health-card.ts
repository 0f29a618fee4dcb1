import type { DimensionId } from '@entente/language';
import { el, escapeXml, labelWidth, svgDocument, text } from './svg.js';
import type { RenderInput } from './types.js';

const DIMENSIONS: Array<[DimensionId, string]> = [
    ['equality', 'Equality'], ['openness', 'Openness'], ['conflict', 'Conflict management'], ['accountability', 'Accountability'], ['outcomes', 'Measurable outcomes']
];
const MIN_WIDTH = 520;
const LEGEND = 'Overall health, 0–100 (80+ healthy, 60–79 at risk, below 60 critical)';

/** The health card: the overall score with its band and the five dimensions as bars. */
export function renderHealthCard({ charter, health }: RenderInput): string {
    const title = `Health of ${charter.name}`;
    if (!health) {
        return svgDocument('health', MIN_WIDTH, 80, title, 'No health score was computed for this charter.',
            text(20, 45, 'Health not computed', { size: 16, className: 'muted' }));
    }
    // Wide enough for the charter's title and the legend, whole.
    const heading = charter.title ?? charter.name;
    const WIDTH = Math.max(MIN_WIDTH, 180 + Math.max(labelWidth(heading, 16, true), labelWidth(LEGEND, 11)));
    const overall = health.score === null ? 'not measured' : String(health.score);
    const parts: string[] = [
        el('g', { 'data-element': charter.name },
            // The score in the background's colour on its band's: white on the dark bands of the light theme,
            // near-black on the light bands of the dark theme (white on them was 2.5:1). Unmeasured: a panel.
            el('rect', { class: health.band ?? 'panel', x: 20, y: 20, width: 120, height: 84, rx: 10 }),
            el('text', { x: 80, y: 72, 'font-size': health.score === null ? 14 : 40, 'font-weight': 'bold', 'text-anchor': 'middle', class: health.band ? 'on-band' : 'muted' }, overall),
            el('text', { x: 80, y: 96, 'font-size': 12, 'text-anchor': 'middle', class: health.band ? 'on-band' : 'muted' }, escapeXml(health.band ?? ''))),
        text(160, 42, heading, { size: 16, weight: 'bold', maxWidth: WIDTH - 180 }),
        text(160, 64, LEGEND, { size: 11, className: 'muted', maxWidth: WIDTH - 180 })
    ];
    DIMENSIONS.forEach(([id, label], index) => {
        const dimension = health.dimensions[id];
        const y = 130 + index * 34;
        const barWidth = 260;
        const filled = dimension.score === null ? 0 : (barWidth * dimension.score) / 100;
        parts.push(el('g', { 'data-element': `${charter.name}#${id}`, 'data-dimension': id },
            el('title', {}, `${label}: ${dimension.score === null ? 'not measured' : `${dimension.score} (${dimension.band})`}`),
            text(20, y + 15, label, { size: 13 }),
            el('rect', { class: 'panel', x: 180, y, width: barWidth, height: 20, rx: 4 }),
            filled > 0 ? el('rect', { class: dimension.band ?? 'unmeasured', x: 180, y, width: filled, height: 20, rx: 4 }) : '',
            // An unmeasured dimension says so inside its empty bar: beside it the words would run past the card.
            dimension.score === null
                ? text(190, y + 14, 'not measured', { size: 12, className: 'muted' })
                : text(450, y + 15, String(dimension.score), { size: 13, weight: 'bold' })));
    });
    let height = 130 + DIMENSIONS.length * 34 + 10;
    let layersText = '';
    const layers = health.layers;
    if (layers) {
        // The journal's layers beside the design score, never blended into it (docs/journal.md).
        const top = height + 6;
        parts.push(text(20, top + 14, 'Design · execution · perceived (from the journal)', { size: 13, weight: 'bold', maxWidth: WIDTH - 40 }));
        const rows: Array<[string, string, number | null, string | undefined, string]> = [
            ['design', 'Design', layers.design, health.band, ''],
            ['execution', 'Execution', layers.execution.score, layers.execution.band, layers.execution.notMeasured ?? ''],
            ['perceived', 'Perceived', layers.perceived.score, layers.perceived.band, layers.perceived.notMeasured ?? '']
        ];
        rows.forEach(([id, label, score, band, why], index) => {
            const y = top + 26 + index * 34;
            const barWidth = 260;
            const filled = score === null ? 0 : (barWidth * score) / 100;
            const gap = id === 'perceived' && layers.gap && score !== null ? ` (gap ${layers.gap.points} on ${layers.gap.pillar})` : '';
            parts.push(el('g', { 'data-element': `${charter.name}#layer-${id}`, 'data-layer': id },
                el('title', {}, escapeXml(`${label}: ${score === null ? `not measured${why ? ` (${why})` : ''}` : `${score} (${band})${gap}`}`)),
                text(20, y + 15, label, { size: 13 }),
                el('rect', { class: 'panel', x: 180, y, width: barWidth, height: 20, rx: 4 }),
                filled > 0 ? el('rect', { class: band ?? 'unmeasured', x: 180, y, width: filled, height: 20, rx: 4 }) : '',
                score === null
                    ? text(190, y + 14, 'not measured', { size: 12, className: 'muted' })
                    : text(450, y + 15, String(score), { size: 13, weight: 'bold' })));
        });
        height = top + 26 + rows.length * 34;
        if (layers.gap && layers.perceived.score !== null) {
            parts.push(text(20, height + 10, `Largest gap: ${layers.gap.pillar}, ${layers.gap.high.party} ${layers.gap.high.score} vs ${layers.gap.low.party} ${layers.gap.low.score} (of 5)`, { size: 12, className: 'muted', maxWidth: WIDTH - 40 }));
            height += 22;
        }
        height += 6;
        const value = (score: number | null) => (score === null ? 'not measured' : String(score));
        layersText = ` Layers: design ${value(layers.design)}, execution ${value(layers.execution.score)}, perceived ${value(layers.perceived.score)}${layers.gap && layers.perceived.score !== null ? ` (gap ${layers.gap.points} on ${layers.gap.pillar})` : ''}.`;
    }
    const description = `${charter.name} scores ${overall} overall; ` + DIMENSIONS.map(([id, label]) => `${label.toLowerCase()} ${health.dimensions[id].score ?? 'not measured'}`).join(', ') + '.' + layersText;
    return svgDocument('health', WIDTH, height, title, description, parts.join(''));
}
