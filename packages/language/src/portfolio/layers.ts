import type { CharterModel } from '../model/types.js';
import type { Band, CharterHealth } from '../health/types.js';

/** One health layer of a charter: a whole score with its band, or "not measured" (never 100). */
export interface PortfolioLayer {
    score: number | null;
    band?: Band;
    /** Why a layer has no score, e.g. "no journal". */
    note?: string;
}

/** The perceived layer also carries the largest gap between two parties on one pillar. */
export interface PortfolioPerceivedLayer extends PortfolioLayer {
    gap?: { points: number; pillar: string };
}

/** The three layers of OPERATIONS.md, side by side and never blended. */
export interface PortfolioLayers {
    design: PortfolioLayer;
    execution: PortfolioLayer;
    perceived: PortfolioPerceivedLayer;
}

/**
 * The health layers of one charter: the one place the portfolio asks for
 * them. Design comes from the charter's health score; execution and
 * perceived from its journals (the health scorer's `layers`), and a charter
 * without a journal has them "not measured".
 */
export function portfolioLayers(_charter: CharterModel, health: CharterHealth | undefined): PortfolioLayers {
    const layers = health?.layers;
    const execution = layers?.execution;
    const perceived = layers?.perceived;
    const gap = layers?.gap ?? perceived?.gap;
    return {
        design: health && health.score !== null ? { score: health.score, band: health.band } : { score: null, note: 'no applicable check' },
        execution: execution && execution.score !== null ? { score: execution.score, band: execution.band } : { score: null, note: execution?.notMeasured ?? 'no journal' },
        perceived: perceived && perceived.score !== null
            ? { score: perceived.score, band: perceived.band, ...(gap && gap.points > 0 ? { gap: { points: gap.points, pillar: gap.pillar } } : {}) }
            : { score: null, note: perceived?.notMeasured ?? 'no journal' }
    };
}

/** `Design 92 · Execution not measured · Perceived 58 (gap 2 on trust)`. */
export function portfolioLayersText(layers: PortfolioLayers): string {
    const one = (label: string, layer: PortfolioLayer) => `${label} ${layer.score === null ? 'not measured' : layer.score}`;
    const gap = layers.perceived.gap ? ` (gap ${layers.perceived.gap.points} on ${layers.perceived.gap.pillar})` : '';
    return `${one('Design', layers.design)} · ${one('Execution', layers.execution)} · ${one('Perceived', layers.perceived)}${gap}`;
}
