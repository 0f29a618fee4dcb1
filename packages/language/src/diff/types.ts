/**
 * The semantic governance diff's result (docs/diff.md documents the JSON
 * shape `entente diff --format json` prints, which is this structure with
 * document URIs turned into paths).
 */
import type { CharterHealth, DimensionId } from '../health/types.js';
import type { DocumentModel } from '../model/types.js';
import type { EntryKind } from '../model/journal-types.js';
import type { Finding, Severity } from '../rules/rule.js';

/** One checked document of a side of the diff: its model, findings and the health of its charters. */
export interface DiffDocument {
    uri: string;
    model: DocumentModel;
    findings: Finding[];
    health: CharterHealth[];
    /**
     * A document that was not named but loaded to resolve the named documents'
     * journals (their charter and its parties): its charters are compared only
     * when a named document's journal is for them; its parties and its findings
     * about no compared charter are left out.
     */
    context?: boolean;
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

/**
 * A journal entry added, removed or changed (docs/journal.md). Entries are
 * matched by what they record, not by line or file; an entry whose date,
 * kind (`delivered` ↔ `missed`) or details changed while it records the same
 * thing is `changed`.
 */
export interface JournalEntryChange {
    change: 'added' | 'removed' | 'changed';
    /** The journal it is written in, on the new side (the old side when removed). */
    journal: string;
    kind: EntryKind;
    /** As written (`''` when it is no date), on the new side (the old side when removed). */
    date: string;
    /** The entry as written, references read by their new names: `2026-05-02 missed TrainSellers "No owner"`. */
    entry: string;
    /** Its date, kind and what it is about: `2026-06-30 assessed by Acme`. */
    headline: string;
    /** For `changed`: what differs (`date`, `kind`, `reason`, `trust`, …). Empty for `added` and `removed`. */
    attributes: AttributeChange[];
    /** Where it stands on its side (the new side but for `removed`); zero-based line. */
    uri: string;
    line: number;
}

/** A journal of a compared document whose `for` names a charter not declared in its side's workspace: its entries cannot be compared. */
export interface JournalWithoutCharter {
    journal: string;
    /** The charter as written after `for`; `null` when the journal has no `for`. */
    charter: string | null;
    /** The sides it stands on, and where. */
    oldUri?: string;
    newUri?: string;
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

/** A check whose ratio moved, named so every score delta says which checks moved it. */
export interface CheckDelta {
    id: string;
    dimension: DimensionId;
    title: string;
    /** Ratios in [0, 1]; `null` when the check did not measure that side. */
    before: number | null;
    after: number | null;
}

export interface HealthDelta {
    overall: ScoreDelta;
    dimensions: Record<DimensionId, ScoreDelta>;
    /** The journal's layers (docs/journal.md): a journal change moves these, never the design score. */
    execution?: ScoreDelta;
    perceived?: ScoreDelta;
    /** The checks whose ratio moved (or that measure only one side), in dimension order. */
    checks: CheckDelta[];
}

/** A party's share of the say given out over the charter's decisions (docs/health.md, "Say"), before and after. */
export interface SayDelta {
    party: string;
    /** 0–1; `null` when the party is not in the charter on that side. */
    before: number | null;
    after: number | null;
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
    /** Each party's share of say, for the parties whose share moved (empty when none did). */
    say: SayDelta[];
    /** Changes a reviewer should read as regressions whatever the scores say (an escalation whose final say became one party's). */
    regressions: string[];
    /** The entries of its journals added, removed or changed, by date (they move the execution and perceived layers). */
    journal: JournalEntryChange[];
}

export interface DiffSummary {
    chartersAdded: number;
    chartersRemoved: number;
    chartersRenamed: number;
    /** Charters kept (possibly renamed) whose elements, clauses or journal entries changed. */
    chartersChanged: number;
    chartersUnchanged: number;
    /** Changes in all: element changes (party declarations included) and journal entry changes. */
    changes: number;
    findingsIntroduced: number;
    findingsResolved: number;
    /**
     * Charters whose score went down on any layer: design (the overall score), execution or perceived; a layer
     * measured before and no longer measured after (a kept charter's journal deleted or unlinked) counts as a drop.
     */
    scoreDrops: number;
    /** The journal entry changes among `changes`. */
    journalChanges: number;
    /** Charters whose design (overall) score went down. */
    designDrops: number;
    /** Charters whose execution layer went down. */
    executionDrops: number;
    /** Charters whose perceived layer went down. */
    perceivedDrops: number;
    /** Charters kept (not removed) with a layer measured before the change and not after it; counted among the drops above. */
    noLongerMeasured: number;
}

/** The semantic difference between two workspaces of charters. */
export interface GovernanceDiff {
    /** Changes to party declarations and their roles. */
    parties: ElementChange[];
    /** Every charter of either side, by new name. */
    charters: CharterDiff[];
    /** Findings about no charter (e.g. a duplicate party). */
    findings: FindingChanges;
    /** Journals of the compared documents whose charter is not in their side's workspace, by journal name. */
    journalsWithoutCharter: JournalWithoutCharter[];
    summary: DiffSummary;
}
