import type { AstNode, CstNode, Reference } from 'langium';
import { rangeOfReference } from '../references/charter-linker.js';
import { DeferredCstNode } from '../parser/charter-cst.js';
import type {
    AssessedEntry, DecidedEntry, DeliveredEntry, EscalatedEntry, MeasuredEntry, MetEntry, MissedEntry, NameRef, NoteEntry, Pillar, PrincipalRef,
    RaisedEntry, Range, ResolvedEntry, ReviewedEntry
} from './types.js';

const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The models of a journal's entries, one class per kind. An entry's span (and
 * line) is worked out from its syntax node when first asked: the checker
 * points at few entries, and a span made for every entry of a journal was
 * three objects each (a 10,000-entry journal, 30,000). As JSON an entry is
 * the plain object it was, span and line included.
 */
abstract class EntryModel {
    readonly #node: CstNode | undefined;

    constructor(readonly date: string, readonly journal: string, readonly uri: string, readonly index: number, node: CstNode | undefined) {
        this.#node = node;
    }

    /** The whole entry's span. */
    get range(): Range {
        return this.#node?.range ?? EMPTY_RANGE;
    }

    /** The entry's 1-based line (from a deferred node without making its span: the views and the health layers ask it of every entry). */
    get line(): number {
        const node = this.#node;
        return (node instanceof DeferredCstNode ? node.firstLine : this.range.start.line) + 1;
    }

    /** The fields every entry has, in the order the plain objects had them, then the kind's own. */
    toJSON(): Record<string, unknown> {
        const plain: Record<string, unknown> = { date: this.date, journal: this.journal, uri: this.uri, line: this.line, range: this.range, index: this.index };
        for (const [key, value] of Object.entries(this)) {
            if (!(key in plain)) {
                plain[key] = value;
            }
        }
        return plain;
    }
}

export class MetModel extends EntryModel implements MetEntry {
    readonly kind = 'met';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly body: NameRef | undefined, readonly attendees: PrincipalRef[] | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class DeliveredModel extends EntryModel implements DeliveredEntry {
    readonly kind = 'delivered';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly commitment: NameRef | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class MissedModel extends EntryModel implements MissedEntry {
    readonly kind = 'missed';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly commitment: NameRef | undefined, readonly reason: string | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class MeasuredModel extends EntryModel implements MeasuredEntry {
    readonly kind = 'measured';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined,
        readonly metric: NameRef | undefined, readonly value: number | undefined, readonly unit: string | undefined, readonly scale: number | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class DecidedModel extends EntryModel implements DecidedEntry {
    readonly kind = 'decided';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly decision: NameRef | undefined, readonly text: string | undefined, readonly deciders: PrincipalRef[]) {
        super(date, journal, uri, index, node);
    }
}

export class RaisedModel extends EntryModel implements RaisedEntry {
    readonly kind = 'raised';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined,
        readonly issue: NameRef | undefined, readonly title: string | undefined, readonly escalation: NameRef | undefined, readonly about: NameRef | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class EscalatedModel extends EntryModel implements EscalatedEntry {
    readonly kind = 'escalated';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly issue: NameRef | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class ResolvedModel extends EntryModel implements ResolvedEntry {
    readonly kind = 'resolved';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly issue: NameRef | undefined, readonly how: string | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class ReviewedModel extends EntryModel implements ReviewedEntry {
    readonly kind = 'reviewed';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly summary: string | undefined) {
        super(date, journal, uri, index, node);
    }
}

export class AssessedModel extends EntryModel implements AssessedEntry {
    readonly kind = 'assessed';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly party: NameRef | undefined, readonly scores: Partial<Record<Pillar, number>>) {
        super(date, journal, uri, index, node);
    }
}

export class NoteModel extends EntryModel implements NoteEntry {
    readonly kind = 'note';
    constructor(date: string, journal: string, uri: string, index: number, node: CstNode | undefined, readonly text: string | undefined) {
        super(date, journal, uri, index, node);
    }
}

/** The name a `raised` entry declares for its issue, its span that of the name's syntax node (or the entry's), worked out when asked. */
export class DeclaredIssueName implements NameRef {
    readonly resolved = true;
    readonly #node: CstNode | undefined;
    readonly #entryNode: CstNode | undefined;

    constructor(readonly text: string, node: CstNode | undefined, entryNode: CstNode | undefined) {
        this.#node = node;
        this.#entryNode = entryNode;
    }

    get range(): Range {
        return this.#node?.range ?? this.#entryNode?.range ?? EMPTY_RANGE;
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
    readonly #reference: Reference<AstNode>;

    constructor(readonly text: string, readonly resolved: boolean, reference: Reference<AstNode>) {
        this.#reference = reference;
    }

    get range(): Range {
        return rangeOfReference(this.#reference) ?? EMPTY_RANGE;
    }

    toJSON(): NameRef {
        return { text: this.text, resolved: this.resolved, range: this.range };
    }
}

/** A principal an entry names (attendees, deciders), its span worked out when asked, as for `EntryName`. */
export class EntryPrincipal implements PrincipalRef {
    readonly #reference: Reference<AstNode>;

    constructor(readonly text: string, readonly kind: PrincipalRef['kind'], readonly name: string, readonly parties: string[], reference: Reference<AstNode>) {
        this.#reference = reference;
    }

    get range(): Range {
        return rangeOfReference(this.#reference) ?? EMPTY_RANGE;
    }

    toJSON(): PrincipalRef {
        return { text: this.text, ...(this.kind !== undefined ? { kind: this.kind } : {}), name: this.name, parties: this.parties, range: this.range };
    }
}
