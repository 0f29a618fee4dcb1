/**
 * The partnership model: a plain, resolved, JSON-serialisable picture of the
 * charters of one document. Built once per document version from the linked
 * AST (see model-builder.ts); every consumer (rules, health, diagrams, CLI,
 * editor features) reads this and never the raw AST.
 */
import type { SuppressionComment } from './suppression-comments.js';
import type { JournalModel } from './journal-types.js';

export type * from './journal-types.js';

/** Zero-based LSP position. */
export interface Position {
    line: number;
    character: number;
}

/** Zero-based LSP range. */
export interface Range {
    start: Position;
    end: Position;
}

/** Where an element stands in its source: its whole span and its name. */
export interface SourceRef {
    uri: string;
    range: Range;
    /** The element's name, or its keyword when it has none (the smallest span that shows it). */
    nameRange: Range;
    /** Offset just before the closing brace of the element's block, when it has one (insertion point for fixes). */
    blockEndOffset?: number;
}

export type VotingRule = 'unanimity' | 'consensus' | 'majority';
export type Cadence = 'weekly' | 'monthly' | 'quarterly' | 'yearly';
export type PrincipalKind = 'party' | 'role' | 'body';
export type MetricKind = 'outcome' | 'process' | 'relationship';
export type FinalKind = 'mediation' | 'arbitration' | 'executive-decision' | 'termination';

export interface Duration {
    value: number;
    unit: string;
    /** The duration in days (weeks = 7, months = 30, years = 365). */
    days: number;
}

/**
 * The clauses of an element cut short while they are typed (`owner` with no
 * name after it, `decided by` then the block's end), by the field of the model
 * each fills. The parser reports each (`syntax`), and a rule about a missing
 * clause (`lacks` in rules/rule.ts) does not report it again: one mistake, one
 * finding.
 */
export type CutShort<T> = Array<keyof T & string>;

/** A mention of a principal (party, role or body) as written in a clause. */
export interface PrincipalRef {
    /** The text as written, e.g. `Acme.Sponsor`. */
    text: string;
    /** What it resolved to; undefined when it did not resolve. */
    kind?: PrincipalKind;
    /** Qualified name of the target (`Acme`, `Acme.Sponsor`, `SteeringCommittee`). */
    name: string;
    /** The parties this principal acts for (a body: every party seated on it). */
    parties: string[];
    /** Where the mention stands. */
    range: Range;
}

export interface RoleInfo {
    name: string;
    qualifiedName: string;
    title?: string;
    party: string;
    source?: SourceRef;
}

export interface PartyInfo {
    name: string;
    title?: string;
    roles: RoleInfo[];
    source?: SourceRef;
}

export interface ObjectiveModel {
    name: string;
    title?: string;
    source: SourceRef;
}

export interface BodyModel {
    name: string;
    title?: string;
    members: PrincipalRef[];
    /** The voting rule the body acts by (declared, else consensus). */
    voting: VotingRule;
    votingDeclared: boolean;
    chair?: PrincipalRef;
    chairRotates?: Cadence;
    meets?: Cadence;
    /** Seats per charter party (every charter party listed, zero when unseated). */
    seatsByParty: Record<string, number>;
    totalSeats: number;
    /** Normalised Banzhaf power per seated party (sums to 1 when any seat exists). */
    powerByParty: Record<string, number>;
    /** Parties that can carry the body's decisions alone. */
    controllingParties: string[];
    /** Parties that can stop the body's decisions. */
    blockingParties: string[];
    /** The clauses cut short while they are typed (see `CutShort`); absent when none is. */
    cutShort?: CutShort<BodyModel>;
    source: SourceRef;
}

export interface DecisionModel {
    name: string;
    title?: string;
    proposers: PrincipalRef[];
    deciders: PrincipalRef[];
    /** The rule the decision is taken by: its own `by`, else the deciding body's, else consensus. */
    voting: VotingRule;
    votingDeclared: boolean;
    consulted: PrincipalRef[];
    informed: PrincipalRef[];
    /** Whether an `escalates to` clause is written. */
    hasEscalatesClause: boolean;
    /** The named escalation, when written. */
    escalation?: string;
    /** The escalation that covers this decision: its own, or the charter's only one. */
    coveringEscalation?: string;
    /** Seats per party among the deciders. */
    seatsByParty: Record<string, number>;
    controllingParties: string[];
    blockingParties: string[];
    /**
     * Each charter party's share of say in this decision (docs/health.md, "Say"): the normalised Banzhaf
     * power of its seats among the deciders — all of it for a party in sole control, an equal share for
     * each party that can block under unanimity or consensus. Only parties with a say are listed; the
     * shares sum to 1 when the decision has a valid decider, and the record is empty when it has none.
     * Outsiders and unresolved deciders never have a say.
     */
    sayByParty: Record<string, number>;
    /** Whether some decider resolves to a charter party, one of its roles, or a body seating one (never an outsider or a name that resolves to nothing). */
    decided: boolean;
    /** Whether the decision is marked `reserved` (a fundamental matter: budget, strategy, admission, appointments, termination). */
    reserved: boolean;
    /** Its weight in the say-based checks: 2 for a reserved matter, else 1. */
    weight: number;
    /** Parties that decide, are consulted, are informed or propose (directly, by a role, or through a body). */
    involvedParties: string[];
    /** The clauses cut short while they are typed (see `CutShort`); absent when none is. */
    cutShort?: CutShort<DecisionModel>;
    source: SourceRef;
}

export interface LevelModel {
    index: number;
    principals: PrincipalRef[];
    parties: string[];
    within?: Duration;
    /** The clauses cut short while they are typed (see `CutShort`); absent when none is. */
    cutShort?: CutShort<LevelModel>;
    range: Range;
}

/** The last step of an escalation: who has the final say. */
export interface FinalStepModel {
    kind: FinalKind;
    text?: string;
    range: Range;
    /** `finally executive-decision by …`: the principals who decide (empty when not written). */
    deciders: PrincipalRef[];
    /** The charter parties those deciders act for (outsiders and unresolved names left out). */
    parties: string[];
    /**
     * Whether the final say is with one party only: written deciders that act for one charter party of a
     * charter with two or more. Arbitration, mediation, termination and an executive decision by every
     * party (or with no deciders written) are neutral.
     */
    oneSided: boolean;
}

export interface EscalationModel {
    name: string;
    title?: string;
    levels: LevelModel[];
    finalStep?: FinalStepModel;
    /** Sum of the levels' time boxes; undefined when a level is untimed. */
    worstCaseDays?: number;
    /** The clauses cut short while they are typed (see `CutShort`); absent when none is. */
    cutShort?: CutShort<EscalationModel>;
    source: SourceRef;
}

export interface CommitmentModel {
    name: string;
    title?: string;
    owner?: PrincipalRef;
    /** The charter parties that owe this commitment (an outsider or unresolved owner owes nothing: the list is empty). */
    ownerParties: string[];
    beneficiaries: PrincipalRef[];
    beneficiaryParties: string[];
    due?: string;
    recurrence?: string;
    supports: string[];
    status?: 'open' | 'done';
    /** The clauses cut short while they are typed (see `CutShort`); absent when none is. */
    cutShort?: CutShort<CommitmentModel>;
    source: SourceRef;
}

export interface TargetModel {
    comparator: string;
    value: number;
    unit?: string;
    scale?: number;
}

export interface MetricModel {
    name: string;
    title?: string;
    kind?: MetricKind;
    owner?: PrincipalRef;
    ownerParties: string[];
    target?: TargetModel;
    cadence?: Cadence;
    tracks: string[];
    beneficiaries: PrincipalRef[];
    beneficiaryParties: string[];
    /** The clauses cut short while they are typed (see `CutShort`); absent when none is. */
    cutShort?: CutShort<MetricModel>;
    source: SourceRef;
}

export interface CharterModel {
    name: string;
    title?: string;
    uri: string;
    /** Resolved parties listed in `parties`, in order, without repeats. */
    parties: string[];
    partyRefs: PrincipalRef[];
    /** Declarations of the charter's parties (from any file of the workspace). */
    partyInfo: Record<string, PartyInfo>;
    /** Range of the `parties` clause, when written. */
    partiesClauseRange?: Range;
    vision?: string;
    term?: { start?: string; end?: string; range: Range };
    review?: { cadence?: Cadence; every?: Duration; days: number; range: Range };
    objectives: ObjectiveModel[];
    bodies: BodyModel[];
    decisions: DecisionModel[];
    escalations: EscalationModel[];
    commitments: CommitmentModel[];
    metrics: MetricModel[];
    exit?: { notice?: Duration; text?: string; range: Range };
    /** Mentions of parties (or their roles) that are not among the charter's parties. */
    outsiderReferences: Array<PrincipalRef & { party: string }>;
    /** The clauses cut short while they are typed (see `CutShort`); absent when none is. */
    cutShort?: CutShort<CharterModel>;
    source: SourceRef;
}

/** A named top-level or charter-level element, or a journal's issue, for duplicate detection. */
export interface NamedElement {
    name: string;
    kind: string;
    /**
     * The scope the name must be unique in: `workspace`, `party:Name`,
     * `charter:Name`, or `issues:Charter` (the issues raised in every journal
     * for that charter, as `for` names it, whatever their file).
     */
    scope: string;
    source: SourceRef;
}

/** How the scope of the issues of a charter's journals begins (`issues:AcmeGlobex`). */
export const ISSUE_SCOPE = 'issues:';

export interface SyntaxProblem {
    message: string;
    range: Range;
    /** What the text probably meant, where that is clear: the `syntax` rule's quick fixes (`deliv` → `delivered`). */
    replacements?: TextReplacement[];
}

/** A replacement of a span of a document's text, with what it does in a few words. */
export interface TextReplacement {
    title: string;
    range: Range;
    newText: string;
}

export interface UnresolvedReference {
    text: string;
    /** What kind of element was expected (`Party`, `Principal`, `Objective`, `Escalation`). */
    expected: string;
    range: Range;
    /** The declared name nearest to the text, when one is near enough to be the one meant (a misspelling). */
    suggestion?: string;
}

/** The model of one `.charter` document. */
export interface DocumentModel {
    /** Suppression comments (`// entente-disable-next-line …`). */
    suppressions: SuppressionComment[];
    uri: string;
    parties: PartyInfo[];
    charters: CharterModel[];
    /** The journals written in this document (their entries join their charter's history; see journal/history.ts). */
    journals?: JournalModel[];
    names: NamedElement[];
    syntaxProblems: SyntaxProblem[];
    unresolvedReferences: UnresolvedReference[];
}
