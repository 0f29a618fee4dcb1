/**
 * The semantic governance diff's result (docs/diff.md documents the JSON
 * shape `entente diff --format json` prints, which is this structure with
 * document URIs turned into paths).
 */
import type { CharterHealth, DimensionId } from '../health/types.js';
import type { DocumentModel } from '../model/types.js';
import type { Finding, Severity } from '../rules/rule.js';

/** One checked document of a side of the diff: its model, findings and the health of its charters. */
export interface DiffDocument {
    uri: string;
    model: DocumentModel;
    findings: Finding[];
    health: CharterHealth[];
}

/** One side of the diff: every document of a workspace (the old one or the new one). */
export interface DiffSide {
    documents: DiffDocument[];
}

export type DiffElementKind = 'party' | 'role' | 'charter' | 'objective' | 'body' | 'decision' | 'escalation' | 'commitment' | 'metric';
export type ChangeKind = 'added' | 'removed' | 'renamed' | 'changed';

/** One attribute that differs, as display text (`undefined`: not written on that side). */
export interface AttributeChange {
    /** The attribute's stable key, e.g. `control`, `decided by`, `level 2`, `seats`. */
    attribute: string;
    before?: string;
    after?: string;
}

/** An element added, removed, renamed or changed. */
export interface ElementChange {
    change: ChangeKind;
    element: DiffElementKind;
    /** The element's name on the new side (the old side for a removal); roles as `Party.Role`. */
    name: string;
    /** The name it had before a rename. */
    oldName?: string;
    /** For `changed`: the attributes that differ. For `added` and `removed`: the element's written attributes. Empty for a pure rename. */
    attributes: AttributeChange[];
}

/** A finding as the diff reports it. */
export interface DiffFinding {
    ruleId: string;
    severity: Severity;
    /** The element it is about (`Charter.Element`), named as on its own side. */
    element?: string;
    message: string;
    uri: string;
    /** Zero-based line of the finding on its own side. */
    line: number;
}

export interface FindingChanges {
    introduced: DiffFinding[];
    resolved: DiffFinding[];
}

/** A score before and after; `null` when not measured (or the charter is absent) on that side. */
export interface ScoreDelta {
    before: number | null;
    after: number | null;
    /** after - before, `null` unless both are measured. */
    delta: number | null;
}

export interface HealthDelta {
    overall: ScoreDelta;
    dimensions: Record<DimensionId, ScoreDelta>;
    /** The journal's layers (docs/journal.md): a journal change moves these, never the design score. */
    execution?: ScoreDelta;
    perceived?: ScoreDelta;
}

/** What changed in one charter. */
export interface CharterDiff {
    /** Name on the new side (the old side when removed). */
    name: string;
    oldName?: string;
    change: ChangeKind | 'unchanged';
    /** Document of the charter on the old side and the new side. */
    oldUri?: string;
    newUri?: string;
    /** The charter's own clauses (element `charter`) and its elements' changes, in source-independent order. */
    changes: ElementChange[];
    findings: FindingChanges;
    health: HealthDelta;
}

export interface DiffSummary {
    chartersAdded: number;
    chartersRemoved: number;
    chartersRenamed: number;
    /** Charters kept (possibly renamed) whose elements or clauses changed. */
    chartersChanged: number;
    chartersUnchanged: number;
    /** Element changes in all, party declarations included. */
    changes: number;
    findingsIntroduced: number;
    findingsResolved: number;
    /** Charters whose overall score went down. */
    scoreDrops: number;
}

/** The semantic difference between two workspaces of charters. */
export interface GovernanceDiff {
    /** Changes to party declarations and their roles. */
    parties: ElementChange[];
    /** Every charter of either side, by new name. */
    charters: CharterDiff[];
    /** Findings about no charter (e.g. a duplicate party). */
    findings: FindingChanges;
    summary: DiffSummary;
}
