import type { CharterModel } from '../model/types.js';
import type { Rule } from '../rules/rule.js';
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
    /**
     * The rules whose findings pull this check down: the rule objects
     * (an id string is still accepted, and must name a registered rule).
     */
    rules: ReadonlyArray<Rule | string>;
    /** Measures the charter; `today` is YYYY-MM-DD (for checks about dates). */
    measure(charter: CharterModel, today: string): Measurement | undefined;
}

/** The ids of a check's rules. */
export function ruleIdsOf(check: Pick<HealthCheckDefinition, 'rules'>): string[] {
    return check.rules.map(rule => (typeof rule === 'string' ? rule : rule.meta.id));
}

/** A ratio of whole counts. */
export function ratio(numerator: number, denominator: number, explanation: string): Measurement {
    return { numerator, denominator, explanation };
}

/** The share of items that pass, or undefined when there are none (nothing to measure). */
export function share<T>(items: readonly T[], passes: (item: T) => boolean, explain: (passing: number, total: number) => string): Measurement | undefined {
    if (items.length === 0) {
        return undefined;
    }
    const passing = items.filter(passes).length;
    return ratio(passing, items.length, explain(passing, items.length));
}
