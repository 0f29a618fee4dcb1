import type { AstNode, CstNode, Reference } from 'langium';
import { rangeOfReference } from '../references/charter-linker.js';
import { DeferredCstNode } from '../parser/charter-cst.js';
import type {
    AssessedEntry, DecidedEntry, DeliveredEntry, EscalatedEntry, JournalEntry, MeasuredEntry, MetEntry, MissedEntry, NameRef, NoteEntry, Pillar, PrincipalRef,
    RaisedEntry, Range, ResolvedEntry, ReviewedEntry
} from './types.js';

/** The span of what has none in the text (nothing to point at): the start of the document. */
export const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The models of a journal's entries, one class per kind. An entry's span (and
 * line) is worked out from its syntax node when first asked: the checker
 * points at few entries, and a span made for every entry of a journal was
 * three objects each (a 10,000-entry journal, 30,000). As JSON an entry is
 * the plain object it was, span and line included.
 */
abstract class EntryModel {
    // Fields declared for the type checker only and set in the constructor: a class field declaration is a property
    // definition of its own, run for every entry before the constructor's assignments (a tenth of an edit of a
    // 10,000-entry journal, for a private field).
    declare readonly date: string;
    declare readonly journal: string;
    declare readonly uri: string;
    declare readonly index: number;
    /** The entry's syntax node (left out of its JSON; see `syntaxOf`). */
    declare readonly node: CstNode | undefined;

    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined) {
        this.date = date;
        this.journal = journal;
        this.uri = uri;
        this.index = index;
        this.node = node;
    }

    /** The whole entry's span. */
    get range(): Range {
        return this.node?.range ?? EMPTY_RANGE;
    }

    /** The entry's 1-based line (from a deferred node without making its span: the views and the health layers ask it of every entry). */
    get line(): number {
        const node = this.node;
        return (node instanceof DeferredCstNode ? node.firstLine : this.range.start.line) + 1;
    }

    /** The fields every entry has, in the order the plain objects had them, then the kind's own. */
    toJSON(): Record<string, unknown> {
        const plain: Record<string, unknown> = { date: this.date, journal: this.journal, uri: this.uri, line: this.line, range: this.range, index: this.index };
        for (const [key, value] of Object.entries(this)) {
            if (!(key in plain) && key !== 'node') {
                plain[key] = value;
            }
        }
        return plain;
    }
}

/**
 * The element an entry's model was built from, for the spans a finding asks
 * for now and then (a reading's unit, a score out of range): found from the
 * entry's syntax node rather than kept beside every entry.
 */
export function syntaxOf(entry: JournalEntry): AstNode | undefined {
    return entry instanceof EntryModel ? entry.node?.astNode : undefined;
}

export class MetModel extends EntryModel implements MetEntry {
    declare readonly kind: 'met';
    declare readonly body: NameRef | undefined;
    declare readonly attendees: PrincipalRef[] | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, body: NameRef | undefined, attendees: PrincipalRef[] | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'met';
        this.body = body;
        this.attendees = attendees;
    }
}

export class DeliveredModel extends EntryModel implements DeliveredEntry {
    declare readonly kind: 'delivered';
    declare readonly commitment: NameRef | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, commitment: NameRef | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'delivered';
        this.commitment = commitment;
    }
}

export class MissedModel extends EntryModel implements MissedEntry {
    declare readonly kind: 'missed';
    declare readonly commitment: NameRef | undefined;
    declare readonly reason: string | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, commitment: NameRef | undefined, reason: string | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'missed';
        this.commitment = commitment;
        this.reason = reason;
    }
}

export class MeasuredModel extends EntryModel implements MeasuredEntry {
    declare readonly kind: 'measured';
    declare readonly metric: NameRef | undefined;
    declare readonly value: number | undefined;
    declare readonly unit: string | undefined;
    declare readonly scale: number | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, metric: NameRef | undefined, value: number | undefined, unit: string | undefined, scale: number | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'measured';
        this.metric = metric;
        this.value = value;
        this.unit = unit;
        this.scale = scale;
    }
}

export class DecidedModel extends EntryModel implements DecidedEntry {
    declare readonly kind: 'decided';
    declare readonly decision: NameRef | undefined;
    declare readonly text: string | undefined;
    declare readonly deciders: PrincipalRef[];
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, decision: NameRef | undefined, text: string | undefined, deciders: PrincipalRef[]) {
        super(date, journal, uri, index, node);
        this.kind = 'decided';
        this.decision = decision;
        this.text = text;
        this.deciders = deciders;
    }
}

export class RaisedModel extends EntryModel implements RaisedEntry {
    declare readonly kind: 'raised';
    declare readonly issue: NameRef | undefined;
    declare readonly title: string | undefined;
    declare readonly escalation: NameRef | undefined;
    declare readonly about: NameRef | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, issue: NameRef | undefined, title: string | undefined, escalation: NameRef | undefined, about: NameRef | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'raised';
        this.issue = issue;
        this.title = title;
        this.escalation = escalation;
        this.about = about;
    }
}

export class EscalatedModel extends EntryModel implements EscalatedEntry {
    declare readonly kind: 'escalated';
    declare readonly issue: NameRef | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, issue: NameRef | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'escalated';
        this.issue = issue;
    }
}

export class ResolvedModel extends EntryModel implements ResolvedEntry {
    declare readonly kind: 'resolved';
    declare readonly issue: NameRef | undefined;
    declare readonly how: string | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, issue: NameRef | undefined, how: string | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'resolved';
        this.issue = issue;
        this.how = how;
    }
}

export class ReviewedModel extends EntryModel implements ReviewedEntry {
    declare readonly kind: 'reviewed';
    declare readonly summary: string | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, summary: string | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'reviewed';
        this.summary = summary;
    }
}

export class AssessedModel extends EntryModel implements AssessedEntry {
    declare readonly kind: 'assessed';
    declare readonly party: NameRef | undefined;
    declare readonly scores: Partial<Record<Pillar, number>>;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, party: NameRef | undefined, scores: Partial<Record<Pillar, number>>) {
        super(date, journal, uri, index, node);
        this.kind = 'assessed';
        this.party = party;
        this.scores = scores;
    }
}

export class NoteModel extends EntryModel implements NoteEntry {
    declare readonly kind: 'note';
    declare readonly text: string | undefined;
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, text: string | undefined) {
        super(date, journal, uri, index, node);
        this.kind = 'note';
        this.text = text;
    }
}

/** The name a `raised` entry declares for its issue, its span that of the name's syntax node (or the entry's), worked out when asked. */
export class DeclaredIssueName implements NameRef {
    declare readonly text: string;
    declare readonly resolved: true;
    declare protected readonly node: CstNode | undefined;
    declare protected readonly entryNode: CstNode | undefined;

    constructor(text: string, node: CstNode | undefined, entryNode: CstNode | undefined) {
        this.text = text;
        this.resolved = true;
        this.node = node;
        this.entryNode = entryNode;
    }

    get range(): Range {
        return this.node?.range ?? this.entryNode?.range ?? EMPTY_RANGE;
    }

    toJSON(): NameRef {
        return { text: this.text, resolved: true, range: this.range };
    }
}

/**
 * A name an entry refers to, with its span worked out when asked: a rule
 * seldom points at a name inside an entry, and a span kept for each was three
 * objects per name of every entry. As JSON it is the plain object, span included.
 */
export class EntryName implements NameRef {
    declare readonly text: string;
    declare readonly resolved: boolean;
    declare protected readonly reference: Reference<AstNode>;

    constructor(text: string, resolved: boolean, reference: Reference<AstNode>) {
        this.text = text;
        this.resolved = resolved;
        this.reference = reference;
    }

    get range(): Range {
        return rangeOfReference(this.reference) ?? EMPTY_RANGE;
    }

    toJSON(): NameRef {
        return { text: this.text, resolved: this.resolved, range: this.range };
    }
}

/** A principal an entry names (attendees, deciders), its span worked out when asked, as for `EntryName`. */
export class EntryPrincipal implements PrincipalRef {
    declare readonly text: string;
    declare readonly kind: PrincipalRef['kind'];
    declare readonly name: string;
    declare readonly parties: string[];
    declare protected readonly reference: Reference<AstNode>;

    constructor(text: string, kind: PrincipalRef['kind'], name: string, parties: string[], reference: Reference<AstNode>) {
        this.text = text;
        this.kind = kind;
        this.name = name;
        this.parties = parties;
        this.reference = reference;
    }

    get range(): Range {
        return rangeOfReference(this.reference) ?? EMPTY_RANGE;
    }

    toJSON(): PrincipalRef {
        return { text: this.text, ...(this.kind !== undefined ? { kind: this.kind } : {}), name: this.name, parties: this.parties, range: this.range };
    }
}
