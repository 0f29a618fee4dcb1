import type { CharterHealth, CharterModel, DecisionModel } from '@entente/language';

export type ViewId = 'health' | 'governance' | 'matrix' | 'escalation' | 'balance';

/** Every view, in the order a report shows them. */
export const VIEW_IDS: readonly ViewId[] = ['health', 'governance', 'matrix', 'escalation', 'balance'];

/** A finding, as the diagrams need it (no editor or parser types). */
export interface DiagramFinding {
    ruleId: string;
    severity: 'error' | 'warning' | 'info' | 'hint';
    message: string;
    element?: string;
    line?: number;
    /** The file it is in, when not the charter's own (a journal's findings in the report). */
    file?: string;
}

export interface RenderOptions {
    /** Show the charter from one party's side: what it decides, owes, can block; its share of power. */
    viewAsParty?: string;
    /** Decision-rights matrix by role instead of by party. */
    showRoles?: boolean;
    /**
     * Where the governance map's nodes were when last drawn, kept by whoever draws the same charter
     * again and again (the editor's preview): given one, the map keeps every node it knows in its
     * column and at its height, and new ones go beside their neighbours, so that an edit does not
     * reshuffle the map. Without one, each map is laid out afresh (the same input, the same picture).
     */
    layoutMemory?: LayoutMemory;
}

/** What a governance map remembers of its last layout (see `RenderOptions.layoutMemory`); start with `{}`. */
export interface LayoutMemory {
    /** Each node's column (0 the leftmost), left and top, by element id. */
    nodes?: Map<string, { layer: number; x: number; y: number }>;
    /** Each column's left. */
    columns?: number[];
}

export interface RenderInput {
    charter: CharterModel;
    findings?: DiagramFinding[];
    health?: CharterHealth;
    options?: RenderOptions;
}

/** The `data-element` id of a charter element: `Charter.Element`. */
export function elementId(charter: CharterModel, name: string): string {
    return `${charter.name}.${name}`;
}

/**
 * Whether a decision concerns a party, for `viewAsParty`: it can block it, decides, proposes, is consulted or
 * is informed (directly, by a role or through a body). The matrix and the governance map dim the same decisions.
 */
export function decisionConcerns(decision: DecisionModel, party: string): boolean {
    return decision.blockingParties.includes(party) || decision.involvedParties.includes(party);
}
