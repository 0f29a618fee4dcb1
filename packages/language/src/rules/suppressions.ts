import type { SuppressionComment } from '../model/suppression-comments.js';
import type { Finding, Rule } from './rule.js';

/** What became of one suppression comment in a run. */
export interface SuppressionOutcome {
    comment: SuppressionComment;
    /** Rule ids it suppressed at least one finding of. */
    used: string[];
    /** Rule ids it names that no rule has. */
    unknown: string[];
    /** Structural rule ids it names: those cannot be suppressed. */
    structural: string[];
    /** Whether its `until` date has passed (it suppresses nothing any more). */
    expired: boolean;
}

/**
 * Drops the findings a suppression comment on the line before them names,
 * unless the rule is structural or the suppression has expired, and tells
 * what became of each comment.
 */
export function applySuppressions(findings: Finding[], comments: SuppressionComment[], rules: readonly Rule[], today: string): { kept: Finding[]; outcomes: SuppressionOutcome[] } {
    const byId = new Map(rules.map(rule => [rule.meta.id, rule]));
    const outcomes = comments.map(comment => ({
        comment,
        used: [] as string[],
        unknown: comment.ruleIds.map(r => r.id).filter(id => !byId.has(id)),
        structural: comment.ruleIds.map(r => r.id).filter(id => byId.get(id)?.meta.structural),
        expired: comment.until !== undefined && comment.until < today
    }));
    const byLine = new Map(outcomes.map(outcome => [outcome.comment.line + 1, outcome]));
    const kept = findings.filter(finding => {
        const outcome = byLine.get(finding.range.start.line);
        if (!outcome || outcome.expired || byId.get(finding.ruleId)?.meta.structural) {
            return true;
        }
        if (!outcome.comment.ruleIds.some(r => r.id === finding.ruleId)) {
            return true;
        }
        if (!outcome.used.includes(finding.ruleId)) {
            outcome.used.push(finding.ruleId);
        }
        return false;
    });
    return { kept, outcomes };
}
