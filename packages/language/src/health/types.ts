/**
 * The health score's result types (the method: docs/health.md).
 * Shared by the score command, the editor's code lens and hover, and the
 * diagrams' health card.
 */

import type { HealthLayers } from './layers.js';

export type DimensionId = 'equality' | 'openness' | 'conflict' | 'accountability' | 'outcomes';
export type Band = 'healthy' | 'at-risk' | 'critical';

/** One documented check: a ratio in [0, 1] with its numbers and the findings that pulled it down. */
export interface HealthCheck {
    /** Stable id, e.g. `equality.say-balance`. */
    id: string;
    dimension: DimensionId;
    /** What it measures, in a manager's words. */
    title: string;
    numerator: number;
    denominator: number;
    /** numerator / denominator, in [0, 1]. */
    ratio: number;
    /** One sentence with the numbers, e.g. "Acme alone controls 4 of 5 decisions; Globex controls 0." */
    explanation: string;
    /** The findings behind a ratio below 1: rule id and message. */
    findings: Array<{ ruleId: string; message: string; element?: string }>;
    /** The charter elements that pulled a ratio below 1 (`PriceList`, `Disputes level 2`); empty at 1. */
    elements: string[];
    /** Its weight in its dimension's mean. */
    weight: number;
    /** Whether this check, as measured, caps its dimension and the overall score (a structural flaw, docs/health.md "Calibration"). */
    caps: boolean;
}

/** A ceiling on a score, and the reasons for it (docs/health.md, "Calibration"). */
export interface HealthCap {
    /** The highest the score may read. */
    limit: number;
    /** One line each: the check or dimension that set the cap, with its numbers. */
    reasons: string[];
}

export interface DimensionScore {
    id: DimensionId;
    label: string;
    /** 0–100, whole; null when no check applies ("not measured", never 100). */
    score: number | null;
    band?: Band;
    weight: number;
    checks: HealthCheck[];
    /** Set when a serious check holds the dimension below what its mean would give. */
    cap?: HealthCap;
}

export interface CharterHealth {
    charter: string;
    uri: string;
    /** Weighted mean of the measured dimensions, 0–100 whole; null when none is measured. */
    score: number | null;
    band?: Band;
    dimensions: Record<DimensionId, DimensionScore>;
    /**
     * The three layers side by side: design (this score), execution and
     * perceived (from the charter's journals; "not measured" without one).
     * Set by the health scorer; absent from a design-only `scoreCharter`.
     */
    layers?: HealthLayers;
    /** Set when a serious check or a dimension below 80 holds the overall below its weighted mean. */
    cap?: HealthCap;
}

/** The highest score a charter with a structural flaw, or a dimension that is not healthy, may read: the top of "at risk". */
export const CAPPED_SCORE = 79;

export const DIMENSION_IDS: readonly DimensionId[] = ['equality', 'openness', 'conflict', 'accountability', 'outcomes'];

/** The band of a whole score: 80+ healthy, 60–79 at risk, below 60 critical. */
export function bandOf(score: number): Band {
    return score >= 80 ? 'healthy' : score >= 60 ? 'at-risk' : 'critical';
}
