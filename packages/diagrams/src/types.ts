import type { CharterHealth, CharterModel } from '@entente/language';

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
