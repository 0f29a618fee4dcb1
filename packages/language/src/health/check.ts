import type { CharterModel } from '../model/types.js';
import type { DimensionId } from './types.js';

/** What a check measured: a ratio numerator / denominator in [0, 1], explained in one sentence. */
export interface Measurement {
    numerator: number;
    denominator: number;
    explanation: string;
}

/**
 * One documented health check (docs/health.md): a ratio over the charter's
 * model, or undefined when there is nothing to measure (then it is left out
 * of its dimension, never counted as perfect).
 */
export interface HealthCheckDefinition {
    id: string;
    dimension: DimensionId;
    title: string;
    /** The rules whose findings pull this check down. */
    rules: string[];
    /** Measures the charter; `today` is YYYY-MM-DD (for checks about dates). */
    measure(charter: CharterModel, today: string): Measurement | undefined;
}

/** A ratio of whole counts. */
export function ratio(numerator: number, denominator: number, explanation: string): Measurement {
    return { numerator, denominator, explanation };
}
