/**
 * The journal's part of the partnership model (docs/journal.md): what
 * happened under a charter, as dated one-line entries. Plain, resolved and
 * JSON-serialisable like the rest of the model; rules, health layers, views
 * and editor features read this, never the journal's syntax tree.
 */
import type { PrincipalRef, Range, SourceRef } from './types.js';

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** The entry kinds, as written after the date. */
export type EntryKind = 'met' | 'delivered' | 'missed' | 'measured' | 'decided' | 'raised' | 'escalated' | 'resolved' | 'reviewed' | 'assessed' | 'note';

export const ENTRY_KINDS: readonly EntryKind[] = ['met', 'delivered', 'missed', 'measured', 'decided', 'raised', 'escalated', 'resolved', 'reviewed', 'assessed', 'note'];

/** The pillars of an assessment: the four of high-performance partnerships, then the three optional HPP factors. */
export type Pillar = 'trust' | 'commitment' | 'coordination' | 'communication' | 'openness' | 'equality' | 'conflict';

export const CORE_PILLARS: readonly Pillar[] = ['trust', 'commitment', 'coordination', 'communication'];
export const PILLARS: readonly Pillar[] = [...CORE_PILLARS, 'openness', 'equality', 'conflict'];

/** A name written in an entry (a body, commitment, metric, decision, escalation, issue or party) and whether it resolved. */
export interface NameRef {
    /** As written. */
    text: string;
    /** Whether it names an element of the journal's charter (or, for an issue, a raised dispute). */
    resolved: boolean;
    range: Range;
}

/** What every entry has. */
interface EntryBase {
    kind: EntryKind;
    /** The date as written; a date that is not of the calendar (2026-02-30) is kept here and reported as a syntax problem. */
    date: IsoDate;
    /** The journal the entry is written in (a top-level name) … */
    journal: string;
    /** … and its file, */
    uri: string;
    /** its 1-based line (the views' `Journal:line` element id), */
    line: number;
    /** and its whole span (it starts with the date: see `dateRangeOf`). */
    range: Range;
    /** Position of the entry in its journal's text order (fmt sorts stably by date, then this). */
    index: number;
}

/** `met Body with P, ...`: a meeting held. */
export interface MetEntry extends EntryBase {
    kind: 'met';
    body?: NameRef;
    /** Who attended; undefined when the entry has no `with` (attendance unknown, not "nobody came"). */
    attendees?: PrincipalRef[];
}

/** `delivered Commitment`: one instance delivered. */
export interface DeliveredEntry extends EntryBase {
    kind: 'delivered';
    commitment?: NameRef;
}

/** `missed Commitment "reason"`: one instance explicitly missed. */
export interface MissedEntry extends EntryBase {
    kind: 'missed';
    commitment?: NameRef;
    reason?: string;
}

/** `measured Metric NUMBER UNIT?` (or `NUMBER of SCALE`): a reading. */
export interface MeasuredEntry extends EntryBase {
    kind: 'measured';
    metric?: NameRef;
    value?: number;
    unit?: string;
    scale?: number;
}

/** `decided Decision "what" by P, ...`: a decision taken. */
export interface DecidedEntry extends EntryBase {
    kind: 'decided';
    decision?: NameRef;
    text?: string;
    /** Who decided; empty when the entry has no `by`. */
    deciders: PrincipalRef[];
}

/** `raised Issue "title" via Escalation about Decision`: a dispute enters its escalation's first level. */
export interface RaisedEntry extends EntryBase {
    kind: 'raised';
    /** The new issue name this entry declares. */
    issue?: NameRef;
    title?: string;
    escalation?: NameRef;
    about?: NameRef;
}

/** `escalated Issue`: the dispute moves up one level. */
export interface EscalatedEntry extends EntryBase {
    kind: 'escalated';
    issue?: NameRef;
}

/** `resolved Issue "how"`: the dispute is closed. */
export interface ResolvedEntry extends EntryBase {
    kind: 'resolved';
    issue?: NameRef;
    how?: string;
}

/** `reviewed "summary"`: the charter review was held. */
export interface ReviewedEntry extends EntryBase {
    kind: 'reviewed';
    summary?: string;
}

/** `assessed by Party { trust N ... }`: one party's own view of the partnership, 1–5 per pillar. */
export interface AssessedEntry extends EntryBase {
    kind: 'assessed';
    party?: NameRef;
    scores: Partial<Record<Pillar, number>>;
}

/** `note "text"`: shown on the timeline, checked for nothing. */
export interface NoteEntry extends EntryBase {
    kind: 'note';
    text?: string;
}

export type JournalEntry = MetEntry | DeliveredEntry | MissedEntry | MeasuredEntry | DecidedEntry | RaisedEntry | EscalatedEntry | ResolvedEntry | ReviewedEntry | AssessedEntry | NoteEntry;

/** One `journal Name for Charter { ... }` element. */
export interface JournalModel {
    name: string;
    title?: string;
    /** The charter as written after `for` (undefined when `for` is missing). */
    charterText?: string;
    /** The charter's name when `for` resolved. */
    charter?: string;
    /** The file of the charter when `for` resolved. */
    charterUri?: string;
    /** Span of the `for` name (or the journal's name when `for` is missing). */
    charterRange: Range;
    /** Entries in the order they are written. */
    entries: JournalEntry[];
    /** Entries cut short while typed (a date alone, or a date and no kind): `syntax` findings, apart from `entries` as they record nothing. */
    unfinished: UnfinishedEntry[];
    source: SourceRef;
}

/** A date with no kind of entry after it, or a word that is no kind (`2026-11-22 deliv`). */
export interface UnfinishedEntry {
    date: string;
    word?: string;
    /** The entry's span, and the word's. */
    range: Range;
    wordRange?: Range;
}

/** The span of an entry's date: every entry starts with its date (the grammar's `date=DATE` comes first in each kind). */
export function dateRangeOf(entry: Pick<EntryBase, 'range' | 'date'>): Range {
    const start = entry.range.start;
    return { start, end: { line: start.line, character: start.character + entry.date.length } };
}
