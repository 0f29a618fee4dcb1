import type { CharterModel, DocumentModel, JournalModel, Position, Range } from '../model/types.js';
import type { CharterHistory } from '../journal/history.js';
import type { RoleLoad } from '../portfolio/role-load.js';
import type { SuppressionOutcome } from './suppressions.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** The level a rule can be configured to. */
export type RuleLevel = Severity | 'off';
export type Dimension = 'structure' | 'equality' | 'accountability' | 'conflict' | 'openness' | 'outcomes' | 'lifecycle' | 'housekeeping' | 'execution' | 'perception';

export type RuleOptionValue = number | string | boolean;

/** What a rule is: its public id, default level, health dimension, summary and docs page. */
export interface RuleMeta {
    /** Stable kebab-case id (public interface: never renamed). */
    id: string;
    severity: Severity;
    dimension: Dimension;
    /** One line: what fires the rule. */
    summary: string;
    /** Path of the docs page, relative to the repository root. */
    docs: string;
    /** Structural rules are always errors: they cannot be re-levelled, switched off or suppressed. */
    structural?: boolean;
    /** Options with their defaults. */
    options?: Record<string, RuleOptionValue>;
    /** The values each number option may take; entente.json is refused with another (a share of 75 would never fire). */
    optionRanges?: Record<string, OptionRange>;
    /** Rules about suppression comments run after the others' findings are suppressed. */
    phase?: 'suppressions';
}

/** The numbers an option may take: from `min` to `max` (no limit above when absent), whole ones only when `whole`. */
export interface OptionRange {
    min: number;
    max?: number;
    whole?: boolean;
}

export interface RelatedLocation {
    uri: string;
    range: Range;
    message: string;
}

/** Data a finding carries for its quick fixes: plain JSON, kept by the language server (a diagnostic carries only the rule id and element). */
export type FindingData = Record<string, unknown>;

/** What every report says. */
interface ReportFields {
    message: string;
    range: Range;
    /** The element the finding is about, as `Charter.Element` (stable across edits; used for baselines). */
    element?: string;
    related?: RelatedLocation[];
}

/**
 * What a rule reports: the severity and rule id are added by the runner.
 * `data` is what the rule's quick fixes read: a rule with fixes names its
 * type (`defineRule<Options, Data>`) and must then give it with every report.
 */
export type Report<Data extends FindingData | undefined = FindingData | undefined> =
    ReportFields & (undefined extends Data ? { data?: Data } : { data: Data });

/** A finding: a rule's report with its rule, severity and document. */
export interface Finding extends ReportFields {
    ruleId: string;
    severity: Severity;
    uri: string;
    data?: FindingData;
}

/** Names declared across the whole workspace, for rules that look beyond one document. */
export interface WorkspaceNames {
    /** Declarations of a top-level (party or charter) name in the whole workspace. */
    topLevel(name: string): Array<{ uri: string; range: Range; kind: string }>;
    /** A role's load in every charter of the workspace that names it, by its qualified name (`Acme.Sponsor`); optional: a pass over one document alone has none. */
    roleLoads?(role: string): readonly RoleLoad[];
    /**
     * A charter's history (all its journals in the workspace, wherever they
     * stand), for rules about a charter that a journal can settle; undefined
     * when the charter has no journal (or a pass over one document alone).
     */
    historyOf?(charter: CharterModel): CharterHistory | undefined;
}

export interface RuleContext<Options = Record<string, RuleOptionValue>, Data extends FindingData | undefined = FindingData | undefined> {
    document: DocumentModel;
    /** Today's date as YYYY-MM-DD (from `--today` or the editor setting). */
    today: string;
    options: Options;
    workspace: WorkspaceNames;
    /**
     * The document's journals, each with its charter's whole history (all the
     * charter's journals read as one). Undefined or empty: no journal here.
     */
    journals?: JournalScope[];
    /** What became of each suppression comment (only for rules of the `suppressions` phase). */
    suppressionOutcomes?: SuppressionOutcome[];
    report(report: Report<Data>): void;
}

/** A journal of the document, for the execution rules. */
export interface JournalScope {
    journal: JournalModel;
    /** Undefined when `for` names no charter. */
    history?: CharterHistory;
    /**
     * Whether findings about the charter as a whole (a body that stopped
     * meeting, an overdue review) are reported here: in the charter's journal
     * with the latest entry (of several, the last in workspace order), so they
     * appear once. Findings about one entry are reported where it is written.
     */
    reportsCharter: boolean;
}

/** A rule with no options. */
export type NoOptions = Record<string, never>;

/** A change to the text of the finding's document. */
export interface TextEdit {
    range: Range;
    newText: string;
}

/** A quick fix: what it does, in a few words, and the edits that do it. */
export interface Fix {
    title: string;
    /** Edits to the finding's own document. */
    edits: TextEdit[];
    /**
     * The fix to apply when one is asked for without choosing (LSP's
     * `isPreferred`, ESLint's `fix`); the others are suggestions to choose from.
     */
    preferred: boolean;
}

/** The text of a finding's document, with offsets and positions (an LSP `TextDocument` is one). */
export interface SourceText {
    getText(range?: Range): string;
    offsetAt(position: Position): number;
    positionAt(offset: number): Position;
}

/** What a rule's `fix` is given: its own finding, and the document the finding stands in. */
export interface FixContext<Data extends FindingData | undefined = FindingData | undefined> {
    /** The finding as the rule reported it, with the data the rule gave. */
    finding: Omit<Finding, 'data'> & { data: Data };
    /** The model of the finding's document. */
    document: DocumentModel;
    /** The charter the finding is about (the first part of its `element`), when it stands in this document. */
    charter: CharterModel | undefined;
    /** The document's text, to write edits in its own layout. */
    text: SourceText;
}

/**
 * A rule: its metadata, a pure check over the partnership model and, where
 * the fix is mechanical, its quick fixes. A fix is computed from one of the
 * rule's own findings when a client asks for it (a keystroke's check computes
 * no edits), and must leave a text that parses and no longer has the finding.
 */
export interface Rule<Options = Record<string, RuleOptionValue>, Data extends FindingData | undefined = FindingData | undefined> {
    meta: RuleMeta;
    check(context: RuleContext<Options, Data>): void;
    /** The fixes of one of the rule's findings, the preferred one first; none: the rule has no quick fix. */
    fix?(context: FixContext<Data>): Fix[];
}

/** Helper to declare a rule with typed options and, for a rule with quick fixes, the typed data its findings carry to them. */
export function defineRule<Options = Record<string, RuleOptionValue>, Data extends FindingData | undefined = FindingData | undefined>(rule: Rule<Options, Data>): Rule {
    // The registry holds rules of every option and data type; the runner gives each rule the options of its own meta and its fix only its own findings.
    return rule as unknown as Rule;
}

/** The docs path of a rule id. */
export function docsPath(id: string): string {
    return `docs/rules/${id}.md`;
}

/** `1 decision`, `3 decisions` (wording.ts holds the project's one helper for lists and plurals). */
export { count } from '../wording.js';

/**
 * Whether an element lacks a clause: nothing in the model's `field` (no value,
 * or an empty list), and no clause for it cut short while it is typed. `owner`
 * with no name after it is a syntax error, and that is the one finding: the
 * rules about a missing clause ask here, so none of them reports it again.
 */
export function lacks<T extends { cutShort?: ReadonlyArray<keyof T & string> }>(element: T, field: keyof T & string): boolean {
    const value = element[field];
    const empty = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    return empty && !element.cutShort?.includes(field);
}

/**
 * `lacks` for a rule about what a charter's elements lack together: whether
 * any of them has the clause `field` cut short while it is typed.
 * `metric M { kind }` may be the relationship metric the charter lacks, and
 * its syntax error is the one finding.
 */
export function anyCutShort<T extends { cutShort?: ReadonlyArray<keyof T & string> }>(elements: readonly T[], field: keyof T & string): boolean {
    return elements.some(element => element.cutShort?.includes(field) === true);
}
