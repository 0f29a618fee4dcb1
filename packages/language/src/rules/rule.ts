import type { DocumentModel, JournalModel, Range } from '../model/types.js';
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
    /** Rules about suppression comments run after the others' findings are suppressed. */
    phase?: 'suppressions';
}

export interface RelatedLocation {
    uri: string;
    range: Range;
    message: string;
}

/** What a rule reports: the severity and rule id are added by the runner. */
export interface Report {
    message: string;
    range: Range;
    /** The element the finding is about, as `Charter.Element` (stable across edits; used for baselines). */
    element?: string;
    related?: RelatedLocation[];
    /** Extra data for quick fixes. */
    data?: Record<string, unknown>;
}

/** A finding: a rule's report with its rule, severity and document. */
export interface Finding extends Report {
    ruleId: string;
    severity: Severity;
    uri: string;
}

/** Names declared across the whole workspace, for rules that look beyond one document. */
export interface WorkspaceNames {
    /** Declarations of a top-level (party or charter) name in the whole workspace. */
    topLevel(name: string): Array<{ uri: string; range: Range; kind: string }>;
    /** A role's load in every charter of the workspace that names it, by its qualified name (`Acme.Sponsor`); optional: a pass over one document alone has none. */
    roleLoads?(role: string): readonly RoleLoad[];
}

export interface RuleContext<Options = Record<string, RuleOptionValue>> {
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
    report(report: Report): void;
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

/** A rule: its metadata and a pure check over the partnership model. */
export interface Rule<Options = Record<string, RuleOptionValue>> {
    meta: RuleMeta;
    check(context: RuleContext<Options>): void;
}

/** Helper to declare a rule with typed options. */
export function defineRule<Options = Record<string, RuleOptionValue>>(rule: Rule<Options>): Rule {
    return rule as unknown as Rule;
}

/** The docs path of a rule id. */
export function docsPath(id: string): string {
    return `docs/rules/${id}.md`;
}

/** `1 decision`, `3 decisions`. */
export function count(n: number, word: string): string {
    const plural = /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
    return `${n} ${n === 1 ? word : plural}`;
}
