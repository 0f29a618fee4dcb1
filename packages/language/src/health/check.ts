import type { CharterModel } from '../model/types.js';
import type { Rule } from '../rules/rule.js';
import type { DimensionId } from './types.js';


/** What a check measured: a ratio numerator / denominator in [0, 1], explained in one sentence. */
export interface Measurement {
    numerator: number;
    denominator: number;
    explanation: string;
    /** The charter elements that pulled the ratio below 1 (`PriceList`, `Disputes level 2`); empty or absent at 1. */
    elements?: string[];
    /**
     * For a check that averages over several elements: whether any one of them has the structural flaw
     * (one unbalanced body among several). When set, it decides whether the check caps its scores,
     * in place of comparing the mean with `serious.below`.
     */
    flawed?: boolean;
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
    /** Its weight in its dimension's mean (default 1). */
    weight?: number;
    /**
     * A structural flaw (docs/health.md, "Calibration"): when the ratio is below `below`, the check's
     * dimension and the overall score are capped at 79 (at risk), however good the rest is.
     */
    serious?: { below: number };
    /** Measures the charter; `today` is YYYY-MM-DD (for checks about dates). */
    measure(charter: CharterModel, today: string): Measurement | undefined;
}

/** The ids of a check's rules. */
export function ruleIdsOf(check: Pick<HealthCheckDefinition, 'rules'>): string[] {
    return check.rules.map(rule => (typeof rule === 'string' ? rule : rule.meta.id));
}

/** A ratio of whole counts. */
export function ratio(numerator: number, denominator: number, explanation: string, elements?: string[]): Measurement {
    return elements && elements.length ? { numerator, denominator, explanation, elements } : { numerator, denominator, explanation };
}

/**
 * The share of items that pass, or undefined when there are none (nothing to measure); `nameOf` names
 * the items that fail, which the check lists as the elements that pulled it down.
 */
export function share<T>(items: readonly T[], passes: (item: T) => boolean, explain: (passing: number, total: number) => string, nameOf?: (item: T) => string): Measurement | undefined {
    if (items.length === 0) {
        return undefined;
    }
    const failing = items.filter(item => !passes(item));
    const passing = items.length - failing.length;
    return ratio(passing, items.length, explain(passing, items.length), nameOf ? failing.map(nameOf) : undefined);
}
