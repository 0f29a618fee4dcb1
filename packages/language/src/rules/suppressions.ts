import type { SuppressionComment } from '../model/suppression-comments.js';
import { closest } from '../util/closest.js';
import type { Finding, Rule } from './rule.js';

/** What became of one suppression comment in a run. */
export interface SuppressionOutcome {
    comment: SuppressionComment;
    /** Rule ids it suppressed at least one finding of. */
    used: string[];
    /** Rule ids it names that no rule has. */
    unknown: string[];
    /** The nearest rule id to each unknown one, when one is near enough (`uninformed-parties` → `uninformed-party`). */
    suggestions: Record<string, string>;
    /** Structural rule ids it names: those cannot be suppressed. */
    structural: string[];
    /** Whether its `until` date has passed (it suppresses nothing any more). */
    expired: boolean;
    /** Whether its `until` is no date (it suppresses nothing until it is written as one). */
    badDate: boolean;
}

/**
 * Drops the findings a suppression comment on the line before them names,
 * unless the rule is structural or the suppression has expired (or its
 * `until` is no date), and tells
 * what became of each comment.
 */
export function applySuppressions(findings: Finding[], comments: SuppressionComment[], rules: readonly Rule[], today: string): { kept: Finding[]; outcomes: SuppressionOutcome[] } {
    const byId = new Map(rules.map(rule => [rule.meta.id, rule]));
    const outcomes = comments.map(comment => {
        const unknown = comment.ruleIds.map(r => r.id).filter(id => !byId.has(id));
        const suggestions: Record<string, string> = {};
        for (const id of unknown) {
            const nearest = closest(id, [...byId.keys()]);
            if (nearest !== undefined) {
                suggestions[id] = nearest;
            }
        }
        return {
            comment,
            used: [] as string[],
            unknown,
            suggestions,
            structural: comment.ruleIds.map(r => r.id).filter(id => byId.get(id)?.meta.structural),
            expired: comment.until !== undefined && comment.until < today,
            badDate: comment.badUntil !== undefined
        };
    });
    // A comment not written as a suppression (a block comment, say) suppresses nothing.
    const byLine = new Map(outcomes.filter(outcome => outcome.comment.unrecognised === undefined).map(outcome => [outcome.comment.line + 1, outcome]));
    const kept = findings.filter(finding => {
        const outcome = byLine.get(finding.range.start.line);
        if (!outcome || outcome.expired || outcome.badDate || byId.get(finding.ruleId)?.meta.structural) {
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
