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
            el('rect', { class: health.band ?? 'unmeasured', x: 20, y: 20, width: 120, height: 84, rx: 10 }),
            el('text', { x: 80, y: 72, 'font-size': health.score === null ? 14 : 40, 'font-weight': 'bold', 'text-anchor': 'middle', style: 'fill:#ffffff' }, overall),
            el('text', { x: 80, y: 96, 'font-size': 12, 'text-anchor': 'middle', style: 'fill:#ffffff' }, escapeXml(health.band ?? ''))),
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
    const description = `${charter.name} scores ${overall} overall; ` + DIMENSIONS.map(([id, label]) => `${label.toLowerCase()} ${health.dimensions[id].score ?? 'not measured'}`).join(', ') + '.';
    return svgDocument('health', WIDTH, 130 + DIMENSIONS.length * 34 + 10, title, description, parts.join(''));
}
