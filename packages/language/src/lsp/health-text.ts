import { DIMENSION_IDS, type CharterHealth } from '../health/types.js';
import { layersLine, type HealthLayers, type LayerCheck } from '../health/layers.js';
import { count, listText } from '../wording.js';

/**
 * How many more than the limit are still given whole: "and 1 more reason"
 * takes the line the reason would, and says less (the checker's messages list
 * what may come the same way).
 */
const GIVEN_WHOLE_BEYOND = 2;

/** The first `max` of many, all of a few (up to `max` + GIVEN_WHOLE_BEYOND). */
function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
    return items.length > max + GIVEN_WHOLE_BEYOND ? { shown: items.slice(0, max), more: items.length - max } : { shown: [...items], more: 0 };
}

/** `Budget, PriceList and Roadmap`; of many, `Budget, PriceList, Roadmap, Pricing and 5 others`. */
function elementsText(elements: readonly string[], max = 4): string {
    const { shown, more } = firstOf(elements, max);
    return listText(more > 0 ? [...shown, count(more, 'other')] : shown);
}

/** The line after the reasons given, when some are not: `- … and 4 more reasons (\`entente score --explain\`)`. */
function moreReasons(more: number): string[] {
    return more > 0 ? [`- … and ${count(more, 'more reason')} (\`entente score --explain\`)`] : [];
}

/**
 * `Design 78 · Execution 61 · Perceived 58 (gap 2 on trust) — equality 55 · openness 90 · …`:
 * the three layers together, then the design dimensions, with `—` for a
 * dimension not measured. Without layers (a design-only score): `Health 78 · equality 55 · …`.
 */
export function healthSummary(health: CharterHealth): string {
    const score = (value: number | null) => (value === null ? '—' : String(value));
    const dimensions = DIMENSION_IDS.map(id => `${health.dimensions[id].label} ${score(health.dimensions[id].score)}`).join(' · ');
    return health.layers ? `${layersLine(health.layers)} — ${dimensions}` : `Health ${score(health.score)} · ${dimensions}`;
}

/** Markdown rows and reasons of the execution and perceived layers (for the hover and the health explanation); of many reasons, the lowest `maxReasons` and how many more. */
export function layersMarkdown(layers: HealthLayers, maxReasons = 5): string[] {
    const value = (score: number | null, band: string | undefined, why: string | undefined) => (score === null ? `not measured${why ? ` (${why})` : ''}` : `${score}${band ? ` (${band})` : ''}`);
    const lines = [
        `**Design ${value(layers.design, undefined, undefined)}** · **Execution ${value(layers.execution.score, layers.execution.band, layers.execution.notMeasured)}** · **Perceived ${value(layers.perceived.score, layers.perceived.band, layers.perceived.notMeasured)}**`
            + (layers.gap && layers.perceived.score !== null ? ` (gap ${layers.gap.points} on ${layers.gap.pillar}: ${layers.gap.high.party} ${layers.gap.high.score}, ${layers.gap.low.party} ${layers.gap.low.score})` : '')
    ];
    const below: LayerCheck[] = [...layers.execution.checks, ...layers.perceived.checks].filter(check => check.ratio < 1).sort((a, b) => a.ratio - b.ratio);
    if (below.length > 0) {
        lines.push('', '**Execution and perception**', '');
        const { shown, more } = firstOf(below, maxReasons);
        for (const check of shown) {
            const first = check.entries[0];
            const where = first ? ` (${first.journal}:${first.line} ${first.reason})` : check.missing[0] ? ` (${check.missing[0]})` : '';
            lines.push(`- ${check.layer} · ${check.title} ${Math.round(check.ratio * 100)}%: ${check.explanation}${where}`);
        }
        lines.push(...moreReasons(more));
    }
    return lines;
}

/**
 * Markdown: the dimension breakdown with bands and the top reasons (checks
 * below 1, lowest first): all of a few, of many the lowest `maxReasons` and
 * how many more; each with the elements that pulled it down, listed as the
 * checker's messages list them.
 */
export function healthMarkdown(health: CharterHealth, maxReasons = 5): string {
    const band = (value: string | undefined) => (value ? ` (${value})` : '');
    const lines = [
        `**${health.charter}** — health **${health.score ?? 'not measured'}**${band(health.band)}`,
        '',
        '| dimension | score |',
        '|---|---|',
        ...DIMENSION_IDS.map(id => {
            const dimension = health.dimensions[id];
            return `| ${dimension.label} | ${dimension.score === null ? 'not measured' : `${dimension.score}${band(dimension.band)}`} |`;
        })
    ];
    if (health.layers) {
        lines.splice(1, 0, '', ...layersMarkdown(health.layers));
    }
    if (health.cap) {
        lines.push('', `Capped at ${health.cap.limit} (at risk): ${health.cap.reasons.join('; ')}.`);
    }
    const below = DIMENSION_IDS.flatMap(id => health.dimensions[id].checks).filter(check => check.ratio < 1).sort((a, b) => a.ratio - b.ratio);
    if (below.length > 0) {
        lines.push('', '**Top reasons**', '');
        const { shown, more } = firstOf(below, maxReasons);
        for (const check of shown) {
            const finding = check.findings[0];
            const elements = check.elements.length ? ` (${elementsText(check.elements)})` : '';
            lines.push(`- ${check.dimension} · ${check.title} ${Math.round(check.ratio * 100)}%${elements}: ${finding ? `${finding.message} [${finding.ruleId}]` : check.explanation}`);
        }
        lines.push(...moreReasons(more));
    }
    return lines.join('\n');
}
