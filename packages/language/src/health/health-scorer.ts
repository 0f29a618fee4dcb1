import type { LangiumDocument } from 'langium';
import type { CharterCoreServices } from '../charter-core-module.js';
import type { CharterSettings } from '../charter-settings.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import type { CharterModel } from '../model/types.js';
import type { Finding } from '../rules/rule.js';
import type { CharterRuleRunner } from '../rules/rule-runner.js';
import type { JournalIndex } from '../journal/journal-index.js';
import { healthLayers } from './layers.js';
import { accountabilityChecks } from './accountability.js';
import type { HealthCheckDefinition } from './check.js';
import { conflictChecks } from './conflict.js';
import { equalityChecks } from './equality.js';
import { opennessChecks } from './openness.js';
import { outcomesChecks } from './outcomes.js';
import { bandOf, DIMENSION_IDS, type CharterHealth, type DimensionId, type DimensionScore, type HealthCheck } from './types.js';

/** Every check, by dimension (docs/health.md documents each). */
export const HEALTH_CHECKS: readonly HealthCheckDefinition[] = [
    ...equalityChecks, ...opennessChecks, ...conflictChecks, ...accountabilityChecks, ...outcomesChecks
];

/** Dimension labels and their weights in the overall score (they sum to 1). */
export const DIMENSIONS: Record<DimensionId, { label: string; weight: number }> = {
    equality: { label: 'equality', weight: 0.25 },
    openness: { label: 'openness', weight: 0.15 },
    conflict: { label: 'conflict', weight: 0.2 },
    accountability: { label: 'accountability', weight: 0.2 },
    outcomes: { label: 'outcomes', weight: 0.2 }
};

/** Scores one charter: pure, over its model, the findings of its document and today's date. */
export function scoreCharter(charter: CharterModel, findings: Finding[], today: string): CharterHealth {
    const ofCharter = findings.filter(finding => finding.element === charter.name || finding.element?.startsWith(`${charter.name}.`));
    const dimensions = {} as Record<DimensionId, DimensionScore>;
    for (const id of DIMENSION_IDS) {
        const checks: HealthCheck[] = [];
        for (const definition of HEALTH_CHECKS.filter(check => check.dimension === id)) {
            const measured = definition.measure(charter, today);
            // A check that cannot give a number for this charter does not measure it (never NaN in a score).
            if (!measured || !(measured.denominator > 0) || !Number.isFinite(measured.numerator)) {
                continue;
            }
            const ratio = Math.min(1, Math.max(0, measured.numerator / measured.denominator));
            checks.push({
                id: definition.id,
                dimension: id,
                title: definition.title,
                numerator: round(measured.numerator),
                denominator: round(measured.denominator),
                ratio: round(ratio),
                explanation: measured.explanation,
                findings: ratio < 1
                    ? ofCharter.filter(finding => definition.rules.includes(finding.ruleId)).map(finding => ({ ruleId: finding.ruleId, message: finding.message, element: finding.element }))
                    : []
            });
        }
        const score = checks.length ? Math.round((checks.reduce((sum, check) => sum + check.ratio, 0) / checks.length) * 100) : null;
        dimensions[id] = { id, label: DIMENSIONS[id].label, score, band: score === null ? undefined : bandOf(score), weight: DIMENSIONS[id].weight, checks };
    }
    const measured = DIMENSION_IDS.filter(id => dimensions[id].score !== null);
    const weight = measured.reduce((sum, id) => sum + DIMENSIONS[id].weight, 0);
    const score = measured.length ? Math.round(measured.reduce((sum, id) => sum + dimensions[id].score! * DIMENSIONS[id].weight, 0) / weight) : null;
    return { charter: charter.name, uri: charter.uri, score, band: score === null ? undefined : bandOf(score), dimensions };
}

function round(value: number): number {
    return Math.round(value * 10_000) / 10_000;
}

/**
 * The health of every charter of a document, computed once per run of the
 * rules (a new findings list means a new version, date or configuration), so
 * the code lens, hover, preview and CLI share one result.
 */
export class CharterHealthScorer {
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly settings: CharterSettings;
    protected readonly ruleRunner: CharterRuleRunner;
    protected readonly cache = new WeakMap<Finding[], CharterHealth[]>();
    protected readonly journalIndex: JournalIndex;

    constructor(services: CharterCoreServices) {
        this.modelBuilder = services.charter.ModelBuilder;
        this.settings = services.charter.Settings;
        this.ruleRunner = services.charter.RuleRunner;
        this.journalIndex = services.charter.JournalIndex;
    }

    /** One score per charter of the document, in order; `findings` default to the document's latest. */
    score(document: LangiumDocument, findings: Finding[] = this.ruleRunner.findingsOf(document)): CharterHealth[] {
        let health = this.cache.get(findings);
        if (!health) {
            const today = this.settings.effectiveToday();
            health = this.modelBuilder.getModel(document).charters.map(charter => scoreCharter(charter, findings, today));
            this.cache.set(findings, health);
        }
        // The layers read the charter's journals, which change without this document changing: worked out on each call
        // (the histories are cached per workspace state).
        const charters = this.modelBuilder.getModel(document).charters;
        return health.map((design, index) => {
            const charter = charters[index];
            return { ...design, layers: healthLayers(design.score, charter ? this.journalIndex.historyOf(charter) : undefined) };
        });
    }
}
