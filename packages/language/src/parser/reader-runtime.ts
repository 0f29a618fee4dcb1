import { isAstNode, RootCstNodeImpl, type AstNode, type AstReflection, type CompositeCstNode, type CstNode, type GrammarAST, type Linker, type ValueConverter } from 'langium';
import { CompactCompositeCstNode, CompactLeafCstNode, DeferredCstNode, type DeferredReader } from './charter-cst.js';
import type { CharterScanner, Vocabulary } from './charter-scanner.js';
import { CharterValueConverter, type Convert } from './charter-value-converter.js';

/** An element under construction, with the fields Langium's parser gives it. */
export type Element = { $type: string; $cstNode?: CstNode } & Record<string, unknown>;

/**
 * Makes the elements of a type: plain objects (their prototype is
 * `Object.prototype`, as for Langium's `{ $type }`), but made by a function of
 * their own, so that V8 keeps their fields inside the object. An element made
 * as `{ $type }` gets its other fields (its values, node and container) in a
 * second array, made again as it grows: the garbage of every element read,
 * and a sixth of an element's size in a journal of thousands.
 * The generated reader makes one of these for each type it builds.
 */
export function elementType(type: string): new () => Element {
    function PlainElement(this: Element): void {
        this.$type = type;
    }
    PlainElement.prototype = Object.prototype;
    return PlainElement as unknown as new () => Element;
}

/** A data type rule's call that read nothing (Langium's parser then assigns nothing). */
export const NONE: unique symbol = Symbol('none');

/** Sets the fields Langium gives every element of a type: empty lists, false flags. */
export class Defaults {
    private readonly byType = new Map<string, Array<[string, unknown]>>();

    constructor(private readonly reflection: AstReflection) {}

    apply(element: Element): void {
        let fields = this.byType.get(element.$type);
        if (fields === undefined) {
            fields = Object.values(this.reflection.getTypeMetaData(element.$type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => [property.name, property.defaultValue]);
            this.byType.set(element.$type, fields);
        }
        // Indexed, and an empty list made as such (every element of most types gets one): this runs for every element read.
        for (let i = 0; i < fields.length; i++) {
            const name = fields[i][0];
            if (element[name] === undefined) {
                const value = fields[i][1];
                element[name] = Array.isArray(value) ? (value.length === 0 ? [] : [...(value as unknown[])]) : value;
            }
        }
    }
}

/** What every parse shares: the services the reader calls and the grammar elements it names. */
export interface ReaderContext {
    readonly vocabulary: Vocabulary;
    /** The grammar elements of the generated module's ELEMENTS, in its order. */
    readonly elements: readonly GrammarAST.AbstractElement[];
    readonly linker: Linker;
    readonly converter: ValueConverter;
    /**
     * The conversion of a text read through each of `elements` (by its
     * number), when the converter is a `CharterValueConverter`: found once,
     * not looked up for every token. Undefined for an element the converter
     * itself is to be asked about.
     */
    readonly conversions?: ReadonlyArray<Convert | undefined>;
    readonly defaults: Defaults;
    /**
     * Rule calls whose parts are read without their syntax nodes (a journal's
     * entries): each gets a `DeferredCstNode`, whose children `deferredReader`
     * makes when someone asks for them.
     */
    readonly deferred?: ReadonlySet<GrammarAST.AbstractElement>;
    readonly deferredReader?: DeferredReader;
    /** The short texts read inside deferred parts, one string for each (see `SharedTexts`). */
    readonly sharedTexts?: SharedTexts;
}

/**
 * One string for each short text read inside deferred parts. A journal names
 * the same few bodies, commitments, principals and dates in thousands of
 * entries, and each entry kept a copy of each (9,500 strings of a 5,000-entry
 * journal). A text is looked up by the hash of its characters in a table of
 * fixed size, a slot holding the text last read with that hash, so a lookup
 * makes nothing and the table never grows. Kept by the parser, across parses.
 */
export class SharedTexts {
    /** Texts longer than this are not shared (names and dates are shorter; a note's text seldom repeats). */
    static readonly MAX_LENGTH = 32;
    private readonly slots: Array<string | undefined>;
    private readonly mask: number;

    /** `slots`: the size of the table, a power of two (tests make it small, so that texts collide). */
    constructor(slots = 4096) {
        this.slots = new Array<string | undefined>(slots).fill(undefined);
        this.mask = slots - 1;
    }

    /** `text.substring(start, end)`, as the string read last time if it is the same text. */
    textOf(text: string, start: number, end: number): string {
        const length = end - start;
        // A quoted text is not shared: its value is a new string anyway (the quotes taken off), and notes seldom repeat.
        if (length > SharedTexts.MAX_LENGTH || text.charCodeAt(start) === QUOTE) {
            return text.substring(start, end);
        }
        let hash = length;
        for (let i = start; i < end; i++) {
            hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
        }
        const slot = hash & this.mask;
        const known = this.slots[slot];
        if (known !== undefined && known.length === length && sameText(known, text, start)) {
            return known;
        }
        const read = text.substring(start, end);
        this.slots[slot] = read;
        return read;
    }
}

const QUOTE = 34;

/** Whether `text` from `start` holds `known`'s characters (its length already checked). */
function sameText(known: string, text: string, start: number): boolean {
    for (let i = 0; i < known.length; i++) {
        if (known.charCodeAt(i) !== text.charCodeAt(start + i)) {
            return false;
        }
    }
    return true;
}

/** A linker that makes references whose syntax node is made on demand (the references in a deferred part). */
export interface DeferredReferenceLinker {
    /** `span` is the reader's, written over after the call: copy what is kept. */
    buildDeferredReference(node: AstNode, property: string, refText: string, span: DeferredSpan): unknown;
}

/** Where a name in a deferred part stands, and the part's node (whose reading makes the name's syntax node). */
export interface DeferredSpan {
    readonly owner: DeferredCstNode;
    readonly offset: number;
    readonly end: number;
    readonly startLine: number;
    readonly startCharacter: number;
    readonly endLine: number;
    readonly endCharacter: number;
}

type MutableSpan = { -readonly [K in keyof DeferredSpan]: DeferredSpan[K] };

function isDeferredReferenceLinker(linker: Linker): linker is Linker & DeferredReferenceLinker {
    return typeof (linker as Partial<DeferredReferenceLinker>).buildDeferredReference === 'function';
}

/** What `open` answers inside a deferred part: no node is made there. */
const NO_NODE = new CompactCompositeCstNode();

/**
 * A token's stand-in inside a deferred part: the generated code reads a
 * token's text and grammar source at once, so one object serves every token.
 */
class TokenStandIn {
    offset = 0;
    length = 0;
    grammarSource: GrammarAST.AbstractElement | undefined = undefined;
}

/**
 * The steps the generated reader (generated/fast-parser.ts) is made of, each
 * doing what Langium's parser does at that step (langium/src/parser/
 * langium-parser.ts: `consume`, `subrule`, `construct`, `assign`,
 * `assignWithoutOverride`), on the compact syntax nodes of charter-cst.ts.
 * One instance reads one text.
 */
export abstract class GeneratedReaderBase {
    /** The grammar elements the generated code names as `this.g[i]`. */
    protected readonly g: readonly GrammarAST.AbstractElement[];
    readonly root: RootCstNodeImpl;
    private top: CompositeCstNode;
    /**
     * The nodes being read, from the root to `top`, and where each one's
     * children start in `kids`: the children of the open nodes, in order,
     * `count` of them. A node's children become its `content` when it closes,
     * in an array of their number (growing each node's array child by child
     * made most of the garbage of a parse, and left room unused in the tree).
     */
    private readonly opened: CompositeCstNode[] = [];
    private readonly starts: number[] = [];
    private readonly kids: CstNode[] = [];
    private count = 0;
    private readonly types: ReadonlyArray<import('chevrotain').TokenType>;
    private readonly conversions: CharterValueConverter | undefined;
    /** `ReaderContext.conversions`, or none. */
    private readonly conversionAt: ReadonlyArray<Convert | undefined>;
    /**
     * Reading a deferred part (see `ReaderContext.deferred`): the part's node,
     * how deep below it the reader is (0: not in one), and for each call open
     * inside it, the tokens read before it and where its first token starts.
     */
    private part: DeferredCstNode | undefined;
    private partDepth = 0;
    private partFirstToken = false;
    private readonly spans: number[] = [];
    /** Tokens read so far, and where the last one read ends. */
    private tokens = 0;
    private lastEnd = 0;
    private lastEndLine = 0;
    private lastEndCharacter = 0;
    /**
     * The span of the last call closed in a deferred part (the name a
     * reference is made of), if it read a token: one object, written over
     * (whoever keeps a span copies it).
     */
    private readonly lastSpan: MutableSpan = { owner: undefined as unknown as DeferredCstNode, offset: 0, end: 0, startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };
    private lastSpanRead = false;
    /** How many tokens that call read. */
    private lastSpanTokens = 0;
    private readonly standIn = new TokenStandIn();

    constructor(readonly s: CharterScanner, private readonly context: ReaderContext) {
        this.g = context.elements;
        this.types = context.vocabulary.types;
        this.conversions = context.converter instanceof CharterValueConverter ? context.converter : undefined;
        this.conversionAt = context.conversions ?? [];
        const root = new RootCstNodeImpl(s.text);
        if (root.root !== root) {
            // Langium 4.2 leaves a root node's root to its builder; from 4.3 it is a getter that answers the node itself.
            (root as unknown as { root: RootCstNodeImpl }).root = root;
        }
        this.root = root;
        this.top = root;
        this.opened.push(root);
        this.starts.push(0);
    }

    /** Reads one part of the text (a deferred node's, from its first token) with its syntax nodes: the call's element and node. */
    readPart(feature: GrammarAST.AbstractElement, rule: () => Element): { element: AstNode; node: CompositeCstNode } {
        const node = this.open(feature);
        const element = rule.call(this);
        this.finish(element, node);
        return { element: element as AstNode, node };
    }

    /** Reads the whole text with the entry rule's method; gives up (throws) at the first token the grammar does not allow there. */
    readDocument(entry: () => Element): AstNode {
        const document = entry.call(this);
        const s = this.s;
        if (s.kind !== 0) {
            throw s.giveUp();
        }
        this.root.astNode = document as AstNode;
        document.$cstNode = this.root;
        this.context.defaults.apply(document);
        if (s.comments.length > 0) {
            this.attachComments(s.comments);
            s.dropComments();
        }
        const content = this.root.content;
        for (let i = this.starts[0]; i < this.count; i++) {
            content.push(this.kids[i]);
        }
        this.count = 0;
        return document as AstNode;
    }

    /** Adds the current token, which must be of `kind`, as a leaf of the open node, after the comments before it. */
    protected consume(kind: number, feature: GrammarAST.AbstractElement): CompactLeafCstNode {
        const s = this.s;
        if (s.kind !== kind) {
            throw s.giveUp();
        }
        if (this.partDepth > 0) {
            return this.consumeInPart(feature);
        }
        if (s.comments.length > 0) {
            this.attachComments(s.comments);
            s.dropComments();
        }
        const leaf = new CompactLeafCstNode(s.start, s.end - s.start, this.types[kind], s.line, s.column, false, s.multiLine);
        leaf.grammarSource = feature;
        leaf.container = this.top;
        this.kids[this.count++] = leaf;
        s.next();
        return leaf;
    }

    /**
     * A token of a deferred part: no leaf is made, its end is noted. Comments
     * before the part's first token are placed as in a full reading (before
     * the part's node); those within the part are left to its reading.
     */
    private consumeInPart(feature: GrammarAST.AbstractElement): CompactLeafCstNode {
        const s = this.s;
        if (s.comments.length > 0) {
            if (this.partFirstToken) {
                this.attachComments(s.comments);
            }
            s.dropComments();
        }
        this.partFirstToken = false;
        const standIn = this.standIn;
        standIn.offset = s.start;
        standIn.length = s.end - s.start;
        standIn.grammarSource = feature;
        this.tokens++;
        this.lastEnd = s.end;
        if (s.multiLine) {
            const lines = s.image.split(/\r\n|\r|\n/);
            this.lastEndLine = s.line + lines.length - 1;
            this.lastEndCharacter = lines[lines.length - 1].length;
        } else {
            this.lastEndLine = s.line;
            this.lastEndCharacter = s.column + s.end - s.start;
        }
        s.next();
        // The generated code reads only a token's offset, length and grammar source, at once.
        return standIn as unknown as CompactLeafCstNode;
    }

    /**
     * The value of the current token, which must be of `kind`, read through
     * element `index` (a terminal rule's call): `consume` and `convertLeaf` in
     * one step, without a leaf's stand-in inside a deferred part.
     */
    protected terminal(kind: number, index: number): unknown {
        const s = this.s;
        if (s.kind !== kind) {
            throw s.giveUp();
        }
        if (this.partDepth > 0) {
            const text = this.textInPart(s.start, s.end);
            const standIn = this.consumeInPart(this.g[index]);
            return this.convertAt(text, index, standIn);
        }
        const leaf = this.consume(kind, this.g[index]);
        return this.convertAt(this.image(leaf), index, leaf);
    }

    /** The text from `start` to `end` inside a deferred part: shared with the same text read before, when the parser keeps a table. */
    private textInPart(start: number, end: number): string {
        const shared = this.context.sharedTexts;
        return shared !== undefined ? shared.textOf(this.s.text, start, end) : this.s.text.substring(start, end);
    }

    /** The value of `text` read through element `index`, by its conversion if known, else by the value converter. */
    private convertAt(text: string, index: number, node: CstNode): unknown {
        const convert = this.conversionAt[index];
        return convert !== undefined ? convert(text) : this.convert(text, node, this.g[index]);
    }

    protected image(leaf: CompactLeafCstNode): string {
        return this.s.text.substring(leaf.offset, leaf.offset + leaf.length);
    }

    /** The value converter's value of a token, read through its grammar source. */
    protected convertLeaf(leaf: CompactLeafCstNode): unknown {
        return this.convert(this.image(leaf), leaf, leaf.grammarSource!);
    }

    private convert(text: string, node: CstNode, feature: GrammarAST.AbstractElement): unknown {
        return this.conversions ? this.conversions.conversionOf(feature)(text) : this.context.converter.convert(text, node);
    }

    /** Opens the node of a rule call (or of a cross-reference read by a data type rule). */
    protected open(feature: GrammarAST.AbstractElement): CompositeCstNode {
        if (this.partDepth > 0) {
            this.partDepth++;
            this.spans.push(this.tokens, this.s.start, this.s.line, this.s.column);
            return NO_NODE;
        }
        if (this.context.deferred?.has(feature)) {
            return this.openPart(feature);
        }
        const node = new CompactCompositeCstNode();
        this.enter(node, feature);
        return node;
    }

    /** Makes `node` (of `feature`) a child of the open node and the open node itself. */
    private enter(node: CompositeCstNode, feature: GrammarAST.AbstractElement): void {
        (node as { grammarSource?: GrammarAST.AbstractElement }).grammarSource = feature;
        (node as { container?: CompositeCstNode }).container = this.top;
        this.kids[this.count++] = node;
        this.opened.push(node);
        this.starts.push(this.count);
        this.top = node;
    }

    /** Leaves the open node for its container; where its children start in `kids`. */
    private leave(): number {
        const start = this.starts.pop()!;
        this.opened.pop();
        this.top = this.opened[this.opened.length - 1];
        return start;
    }

    /** Opens a deferred part's node: a child of the open node like any other, with no children of its own until asked. */
    private openPart(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const s = this.s;
        const node = new DeferredCstNode(s.start, s.line, s.column, this.context.deferredReader, undefined);
        this.enter(node, feature);
        this.part = node;
        this.partDepth = 1;
        this.partFirstToken = true;
        this.spans.push(this.tokens, s.start, s.line, s.column);
        return node;
    }

    /** Closes a call inside a deferred part (or the part itself); the span it read becomes `lastSpan`. True if it read a token. */
    private closeInPart(): boolean {
        const spans = this.spans;
        const column = spans.pop()!;
        const line = spans.pop()!;
        const offset = spans.pop()!;
        const tokens = spans.pop()!;
        this.partDepth--;
        this.lastSpanTokens = this.tokens - tokens;
        if (this.tokens === tokens) {
            this.lastSpanRead = false;
            return false;
        }
        const span = this.lastSpan;
        span.owner = this.part!;
        span.offset = offset;
        span.end = this.lastEnd;
        span.startLine = line;
        span.startCharacter = column;
        span.endLine = this.lastEndLine;
        span.endCharacter = this.lastEndCharacter;
        this.lastSpanRead = true;
        return true;
    }

    /** Closes a node (the last opened): its children become its content; an empty one leaves the tree, as Langium's CST builder removes it. True if it holds something. */
    private close(node: CompositeCstNode): boolean {
        if (this.partDepth > 0) {
            return node === NO_NODE ? this.closeInPart() : this.closePart();
        }
        const start = this.leave();
        if (this.count === start) {
            this.count = start - 1; // the node itself, the last of its parent's children
            return false;
        }
        (node as CompactCompositeCstNode).content = this.kids.slice(start, this.count);
        this.count = start;
        return true;
    }

    /**
     * Puts comments where Langium's parser puts them when it meets them before
     * a token to be added to the open node (as `attachHiddenNodes` of
     * charter-cst.ts, on the open nodes' children): within a node that has
     * children, they follow them; in a node just opened, they go before it in
     * the first ancestor where it is not the first child; failing that, at the
     * start of the document.
     */
    private attachComments(comments: CompactLeafCstNode[]): void {
        const depth = this.opened.length - 1;
        if (this.count > this.starts[depth]) {
            for (const comment of comments) {
                comment.container = this.top;
                this.kids[this.count++] = comment;
            }
            return;
        }
        for (let level = depth; level >= 1; level--) {
            // opened[level] is the child at kids[starts[level] - 1] of opened[level - 1].
            if (this.starts[level] - 1 > this.starts[level - 1]) {
                this.insertComments(this.starts[level] - 1, comments, this.opened[level - 1], level);
                return;
            }
        }
        this.insertComments(this.starts[0], comments, this.root, 1);
    }

    /** Inserts comments among the open nodes' children at `index`, as children of `parent`; the nodes opened from `level` on start after them. */
    private insertComments(index: number, comments: CompactLeafCstNode[], parent: CompositeCstNode, level: number): void {
        for (const comment of comments) {
            comment.container = parent;
        }
        this.kids.length = this.count;
        this.kids.splice(index, 0, ...comments);
        this.count += comments.length;
        for (let i = level; i < this.starts.length; i++) {
            this.starts[i] += comments.length;
        }
    }

    /** Closes a deferred part's node: it knows where it ends; one that read nothing leaves the tree. */
    private closePart(): boolean {
        const part = this.part!;
        const read = this.closeInPart();
        const start = this.leave();
        this.part = undefined;
        if (!read) {
            this.count = start - 1;
            return false;
        }
        part.setEnd(this.lastEnd, this.lastEndLine, this.lastEndCharacter);
        return true;
    }

    /** Ends a data type rule's call (of element `index`): its text converted, or NONE if it read nothing. */
    protected data(node: CompositeCstNode, text: string, index: number): unknown {
        // Closed first, so that a value converter that reads the node finds its content.
        const read = this.close(node);
        const span = this.lastSpan;
        if (node === NO_NODE && read && this.lastSpanTokens > 1 && text.length === span.end - span.offset) {
            // The tokens' images with nothing between them: the text itself, as one string. A qualified name
            // built token by token (`P0` + `.` + `R1`) would keep a chain of its pieces for as long as the element.
            // (The text of one token is already one string.)
            text = this.textInPart(span.offset, span.end);
        }
        const value = this.convertAt(text, index, node);
        return read ? value : NONE;
    }

    /** Ends a rule's call, as Langium's `construct`: the node holds the element, the element its node and defaults. True if it read something. */
    protected finish(element: Element, node: CompositeCstNode): boolean {
        if (node === NO_NODE) {
            return this.finishInPart(element);
        }
        (node as CompactCompositeCstNode).astNode = element as AstNode;
        element.$cstNode = node;
        const read = this.close(node);
        this.context.defaults.apply(element);
        return read;
    }

    /** Ends a rule's call inside a deferred part: its element gets a deferred node of its own, made with the part's. */
    private finishInPart(element: Element): boolean {
        const read = this.closeInPart();
        const span = this.lastSpan;
        if (read) {
            const node = new DeferredCstNode(span.offset, span.startLine, span.startCharacter, undefined, span.owner);
            node.setEnd(span.end, span.endLine, span.endCharacter);
            node.container = span.owner;
            node.astNode = element as AstNode;
            element.$cstNode = node;
        }
        this.context.defaults.apply(element);
        return read;
    }

    /**
     * `finish` for the call of a rule whose element is merged into the
     * caller's (`merge` follows when it read something, and takes the node
     * from the element at once): inside a deferred part no node is made for
     * it; the element gets its `$cstNode` field where `finish` puts it, empty
     * as `merge` leaves it.
     */
    protected finishMerged(element: Element, node: CompositeCstNode): boolean {
        if (node !== NO_NODE) {
            return this.finish(element, node);
        }
        const read = this.closeInPart();
        if (read) {
            element.$cstNode = undefined;
        }
        this.context.defaults.apply(element);
        return read;
    }

    /** An unassigned call of a rule: its element takes the place of the caller's (Langium's `assignWithoutOverride`). */
    protected merge(result: Element, current: Element): Element {
        // `for in` rather than Object.entries: elements are plain objects (no inherited fields), and one such merge per journal entry made an array per field.
        for (const name in current) {
            const existing = current[name];
            const value = result[name];
            if (value === undefined) {
                result[name] = existing;
                contain(existing, result, name);
            } else if (Array.isArray(value) && Array.isArray(existing)) {
                existing.push(...(value as unknown[]));
                result[name] = existing;
                contain(existing, result, name);
            }
        }
        const node = result.$cstNode as CompactCompositeCstNode | undefined;
        if (node) {
            node.astNode = undefined;
            result.$cstNode = undefined;
        }
        return result;
    }

    /**
     * `merge` into an element that has only its type, not made: every element
     * has a type, so `merge` would keep nothing of it. The rule's choice
     * (`Entry: Met | Delivered | ...`) is `result`, which gives up its node.
     */
    protected takeOver(result: Element): Element {
        const node = result.$cstNode as CompactCompositeCstNode | undefined;
        if (node) {
            node.astNode = undefined;
            result.$cstNode = undefined;
        }
        return result;
    }

    /** A reference (or a multi-reference) from `element`'s `property` to the name `value`, as Langium's parser makes it. */
    protected reference(element: Element, property: string, value: unknown, node: CstNode, multi: boolean): unknown {
        if (typeof value !== 'string') {
            return value;
        }
        const linker = this.context.linker;
        if (node === NO_NODE && !multi && this.lastSpanRead && isDeferredReferenceLinker(linker)) {
            return linker.buildDeferredReference(element as AstNode, property, value, this.lastSpan);
        }
        return multi ? linker.buildMultiReference(element as AstNode, property, node, value) : linker.buildReference(element as AstNode, property, node, value);
    }

    /** An element stored in `container`'s `property`: its container and place, set as Langium links content to containers after a parse (the last fields of the element). */
    protected contained(element: Element, container: Element, property: string): Element {
        const contained = element as Mutable<AstNode>;
        contained.$container = container as AstNode;
        contained.$containerProperty = property;
        return element;
    }

    /** An element added to `container`'s list `property`, with its container and place in the list. */
    protected addContained(container: Element, property: string, element: Element): void {
        const list = container[property];
        const contained = element as Mutable<AstNode>;
        contained.$container = container as AstNode;
        contained.$containerProperty = property;
        contained.$containerIndex = Array.isArray(list) ? list.length : 0;
        this.add(container, property, element);
    }

    protected add(element: Element, property: string, value: unknown): void {
        const list = element[property];
        if (!Array.isArray(list)) {
            element[property] = [value];
        } else if (list.length < SMALL_LIST) {
            // A list of a few (a meeting's attendees, an assessment's scores) in an array of its length: `push` on a
            // short array leaves room for 16 more, kept for as long as the element (a journal has thousands of them).
            // Copied item by item (a spread goes through the array's iterator).
            switch (list.length) {
                case 0: element[property] = [value]; break;
                case 1: element[property] = [list[0], value]; break;
                case 2: element[property] = [list[0], list[1], value]; break;
                default: element[property] = [list[0], list[1], list[2], value]; break;
            }
        } else {
            list.push(value);
        }
    }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Lists up to this long are copied when they grow rather than pushed to (see `add`). */
const SMALL_LIST = 4;

/** Elements moved into `container`'s `property` (a merge): their container and place made theirs there. */
function contain(value: unknown, container: Element, property: string): void {
    if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
            const item: unknown = value[index];
            if (isAstNode(item)) {
                const contained = item as Mutable<AstNode>;
                contained.$container = container as AstNode;
                contained.$containerProperty = property;
                contained.$containerIndex = index;
            }
        }
    } else if (isAstNode(value)) {
        const contained = value as Mutable<AstNode>;
        contained.$container = container as AstNode;
        contained.$containerProperty = property;
    }
}
