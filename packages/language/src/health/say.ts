/**
 * Say: how much each party has to say in the charter's decisions
 * (docs/health.md, "Say"). Read by the equality checks, the governance diff
 * and the editor's hover, so all three speak of the same thing.
 */
import type { CharterModel, DecisionModel } from '../model/types.js';

/** The say of the charter's parties over all its decisions, each decision counted by its weight (a reserved matter twice). */
export interface SayTotals {
    /** Each charter party's total say (every charter party listed, zero when it has none). */
    byParty: Record<string, number>;
    /** The weight of every decision. */
    total: number;
    /** The weight of decisions with no valid decider (their say belongs to no one yet). */
    undecided: number;
    /** The weight of decisions in which two or more parties have a say. */
    shared: number;
}

/** Parties with a say in a decision, most first. */
export function partiesWithSay(decision: DecisionModel): string[] {
    return Object.keys(decision.sayByParty).sort((a, b) => decision.sayByParty[b] - decision.sayByParty[a] || (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether two or more parties have a say in a decision. */
export function isShared(decision: DecisionModel): boolean {
    return Object.keys(decision.sayByParty).length >= 2;
}

export function sayTotals(charter: CharterModel): SayTotals {
    const byParty: Record<string, number> = Object.fromEntries(charter.parties.map(party => [party, 0]));
    let total = 0;
    let undecided = 0;
    let shared = 0;
    for (const decision of charter.decisions) {
        total += decision.weight;
        if (!decision.decided) {
            undecided += decision.weight;
            continue;
        }
        if (isShared(decision)) {
            shared += decision.weight;
        }
        for (const [party, say] of Object.entries(decision.sayByParty)) {
            byParty[party] = (byParty[party] ?? 0) + say * decision.weight;
        }
    }
    return { byParty, total, undecided, shared };
}

/** Each charter party's share of all the say given out (0–1; sums to 1 when any decision is decided), for summaries. */
export function sayShares(charter: CharterModel): Record<string, number> {
    const totals = sayTotals(charter);
    const given = totals.total - totals.undecided;
    return Object.fromEntries(charter.parties.map(party => [party, given > 0 ? (totals.byParty[party] ?? 0) / given : 0]));
}

/** A share as a whole percentage: `52%`. */
export function percent(value: number): string {
    return `${Math.round(value * 100)}%`;
}
