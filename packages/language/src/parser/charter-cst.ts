import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LeafCstNode, RootCstNode } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Position, Range } from 'vscode-languageserver-types';

const HIDDEN = 1;
const MULTI_LINE = 2;

/** The document's root: the node above all others (nodes do not keep a pointer to it; they are many). */
export function rootOf(node: CstNode): RootCstNode {
    let current: CstNode = node;
    while (current.container) {
        current = current.container;
    }
    return current as RootCstNode;
}

/**
 * A token's node in the syntax tree, in 8 fields instead of Langium's 11 and a
 * range object: it keeps where it starts as two numbers and works out its range
 * when asked (most tokens' ranges never are), and finds the root by going up.
 * The numbers are made small integers: Chevrotain's token positions are
 * doubles (its end-of-file token's are NaN), and a double stored in a field
 * makes V8 box that field in every node.
 */
export class CompactLeafCstNode implements LeafCstNode {
    container?: CompositeCstNode;
    grammarSource?: GrammarAST.AbstractElement;
    readonly offset: number;
    readonly length: number;
    readonly tokenType: TokenType;
    private readonly flags: number;
    private readonly startLine: number;
    private readonly startCharacter: number;

    constructor(offset: number, length: number, tokenType: TokenType, startLine: number, startCharacter: number, hidden: boolean, multiLine: boolean) {
        this.offset = offset | 0;
        this.length = length | 0;
        this.tokenType = tokenType;
        this.startLine = startLine | 0;
        this.startCharacter = startCharacter | 0;
        this.flags = (hidden ? HIDDEN : 0) | (multiLine ? MULTI_LINE : 0);
    }

    get end(): number {
        return this.offset + this.length;
    }

    get hidden(): boolean {
        return (this.flags & HIDDEN) !== 0;
    }

    get root(): RootCstNode {
        return rootOf(this);
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    get astNode(): AstNode {
        const node = this.container?.astNode;
        if (!node) {
            throw new Error('This node has no associated AST element');
        }
        return node;
    }

    get range(): Range {
        return { start: this.startPosition, end: this.endPosition };
    }

    get startPosition(): Position {
        return { line: this.startLine, character: this.startCharacter };
    }

    get endPosition(): Position {
        if ((this.flags & MULTI_LINE) === 0) {
            return { line: this.startLine, character: this.startCharacter + this.length };
        }
        const lines = this.text.split(/\r\n|\r|\n/);
        return { line: this.startLine + lines.length - 1, character: lines[lines.length - 1].length };
    }
}

const NO_CHILDREN = Object.freeze([]) as unknown as CstNode[];

/**
 * What a rule's node is whatever holds its children (`CompactCompositeCstNode`,
 * made as the text is read, or `DeferredCstNode`, whose children are made on
 * demand): its element, own or inherited from its container, and what follows
 * from where it starts and ends.
 */
abstract class RuleCstNode implements CompositeCstNode {
    abstract content: CstNode[];
    abstract readonly offset: number;
    abstract readonly end: number;
    abstract readonly range: Range;
    container?: CompositeCstNode;
    grammarSource?: GrammarAST.AbstractElement;
    private ownAstNode?: AstNode;

    get astNode(): AstNode {
        const node = typeof this.ownAstNode?.$type === 'string' ? this.ownAstNode : this.container?.astNode;
        if (!node) {
            throw new Error('This node has no associated AST element');
        }
        return node;
    }

    set astNode(value: AstNode | undefined) {
        this.ownAstNode = value;
    }

    /** The element this node is the node of (not inherited from its container). */
    get ownElement(): AstNode | undefined {
        return this.ownAstNode;
    }

    get hidden(): boolean {
        return false;
    }

    get root(): RootCstNode {
        return rootOf(this);
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    get length(): number {
        return this.end - this.offset;
    }

    get firstNonHiddenNode(): CstNode | undefined {
        const content = this.content;
        for (let i = 0; i < content.length; i++) {
            if (!content[i].hidden) {
                return content[i];
            }
        }
        return content[0];
    }

    get lastNonHiddenNode(): CstNode | undefined {
        const content = this.content;
        for (let i = content.length - 1; i >= 0; i--) {
            if (!content[i].hidden) {
                return content[i];
            }
        }
        return content[content.length - 1];
    }
}

/**
 * A rule's node in the syntax tree. Langium's keeps its children in an Array
 * subclass that sets each child's `container` as it is pushed (a rest-parameter
 * call and a per-node prototype change: about a tenth of parsing); here the
 * children are a plain array, and whoever builds the tree (the CST builder in
 * charter-parser.ts, or the fast parser) sets `container` itself.
 */
export class CompactCompositeCstNode extends RuleCstNode {
    /** No children yet: one shared empty list, never added to (children replace it: see `append`, and the reader's `close`). */
    content: CstNode[] = NO_CHILDREN;
    private rangeCache?: Range;

    get offset(): number {
        return this.firstNonHiddenNode?.offset ?? 0;
    }

    get end(): number {
        return this.lastNonHiddenNode?.end ?? 0;
    }

    get range(): Range {
        if (this.rangeCache === undefined) {
            const first = this.firstNonHiddenNode;
            const last = this.lastNonHiddenNode;
            if (!first || !last) {
                return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            }
            const start = startOf(first);
            const end = endOf(last);
            this.rangeCache = { start, end: end.line < start.line ? start : end };
        }
        return this.rangeCache;
    }
}

/** A token of Chevrotain's lexer as a leaf: Chevrotain counts lines and columns from 1, the LSP from 0. */
export function leafOfToken(token: IToken, hidden: boolean): CompactLeafCstNode {
    return new CompactLeafCstNode(token.startOffset, token.image.length, token.tokenType, token.startLine! - 1, token.startColumn! - 1, hidden, token.endLine !== token.startLine);
}

/**
 * Adds a child to a node. Most nodes have one to three children, and an array
 * grown by `push` keeps room for 16 more: a few children go in a new array of
 * their own length, more are pushed.
 */
export function append(parent: CompositeCstNode, child: CstNode): void {
    const content = parent.content;
    if (content.length < SMALL_LIST && parent instanceof CompactCompositeCstNode) {
        parent.content = content.length === 0 ? [child] : [...content, child];
    } else {
        content.push(child);
    }
}

const SMALL_LIST = 4;

/**
 * Puts hidden nodes (comments) where Langium's parser puts them when it meets
 * them before a token to be added to `current`: within a node that has
 * content, they follow it; in a node just opened, they go before it in the
 * first ancestor with content; failing that, at the start of the document.
 */
export function attachHiddenNodes(current: CompositeCstNode, nodes: CompactLeafCstNode[]): void {
    if (current.content.length > 0) {
        insert(current, current.content.length, nodes);
        return;
    }
    let node = current;
    while (node.container) {
        const index = node.container.content.indexOf(node);
        if (index > 0) {
            insert(node.container, index, nodes);
            return;
        }
        node = node.container;
    }
    insert(rootOf(node), 0, nodes);
}

function insert(parent: CompositeCstNode, index: number, nodes: CompactLeafCstNode[]): void {
    for (const node of nodes) {
        node.container = parent;
    }
    parent.content.splice(index, 0, ...nodes);
}

/** Where a node starts: its first leaf's start, found without making the ranges of the nodes between. */
function startOf(node: CstNode): Position {
    let current = node;
    while (current instanceof CompactCompositeCstNode && current.firstNonHiddenNode) {
        current = current.firstNonHiddenNode;
    }
    return current instanceof CompactLeafCstNode ? current.startPosition : current.range.start;
}

/** Where a node ends: its last leaf's end. */
function endOf(node: CstNode): Position {
    let current = node;
    while (current instanceof CompactCompositeCstNode && current.lastNonHiddenNode) {
        current = current.lastNonHiddenNode;
    }
    return current instanceof CompactLeafCstNode ? current.endPosition : current.range.end;
}

/** Reads deferred nodes' parts of the text again, with their syntax nodes (parser/deferred-parts.ts). */
export interface DeferredReader {
    /** Reads the part `node` stands for (and the other unread parts beside it) and grafts the syntax nodes in (`adopt`). */
    read(node: DeferredCstNode): void;
}

/**
 * A deferred node's children before they are read: frozen empty lists, one
 * for each state of its reading (not read yet; being read), so that the node
 * needs no field for its state: once read, its children are a list of their own
 * (or, with nothing to read them, `NO_CHILDREN`).
 */
const UNREAD = Object.freeze([]) as unknown as CstNode[];
const READING = Object.freeze([]) as unknown as CstNode[];

/**
 * A rule's node whose children are made only when someone asks for them.
 * The fast parser reads a journal's entries (thousands of one-line elements
 * whose syntax is seldom looked at: the checker works from their elements
 * and from where they stand) without their syntax nodes, and gives each
 * entry one of these, which knows where it starts and ends. Asking for its
 * `content` (a CST walk, find-references, formatting, the node under the
 * cursor) reads the entry's text again with its syntax nodes and grafts them
 * in; elements inside an entry (an issue's name, an assessment's scores) get
 * a deferred node of their own, read with their entry's.
 *
 * A journal has one of these for every entry and every element inside one,
 * kept for as long as the document: it holds no more than it must (11
 * fields), and makes its range when asked.
 */
export class DeferredCstNode extends RuleCstNode {
    readonly offset: number;
    end = 0;
    /** The children once read; before that, `UNREAD` or `READING`. */
    private children: CstNode[] = UNREAD;
    /** How to read the part again (a part's node), or the part whose reading makes this node's children (a node inside one). */
    private readonly source: DeferredReader | DeferredCstNode | undefined;
    private readonly startLine: number;
    private readonly startCharacter: number;
    private endLine = 0;
    private endCharacter = 0;

    /**
     * `reader`: how to read the part again (an entry's node); `owner`: the
     * entry whose reading makes this node's children (a node inside one).
     */
    constructor(offset: number, startLine: number, startCharacter: number, reader: DeferredReader | undefined, owner: DeferredCstNode | undefined) {
        super();
        this.offset = offset | 0;
        this.source = owner ?? reader;
        this.startLine = startLine | 0;
        this.startCharacter = startCharacter | 0;
    }

    /** Where the part ends: its last token's end. */
    setEnd(end: number, line: number, character: number): void {
        this.end = end | 0;
        this.endLine = line | 0;
        this.endCharacter = character | 0;
    }

    /** The (0-based) line its first token stands on, without making its range. */
    get firstLine(): number {
        return this.startLine;
    }

    /** The part whose reading makes this node's children, if it is a node inside one. */
    private get owner(): DeferredCstNode | undefined {
        const source = this.source;
        return source instanceof DeferredCstNode ? source : undefined;
    }

    /** Whether this node's children have been read (or there is nothing to read them with). */
    private get done(): boolean {
        const children = this.children;
        return children !== UNREAD && children !== READING;
    }

    /** The children, read on first use. */
    get content(): CstNode[] {
        if (!this.done) {
            (this.owner ?? this).read();
            // Not read (yet): no children, as a part being read has none.
            if (!this.done) {
                return NO_CHILDREN;
            }
        }
        return this.children;
    }

    /** Whether the children have been made (no reading). */
    get isRead(): boolean {
        return (this.owner ?? this).done;
    }

    /** Whether this node's own reading is still to come (a part's node not read nor being read). */
    get isUnread(): boolean {
        return this.children === UNREAD && !(this.source instanceof DeferredCstNode);
    }

    /** Takes the children of a node read again as its own. */
    adopt(node: CompositeCstNode): void {
        const children = node.content;
        for (let i = 0; i < children.length; i++) {
            (children[i] as { container?: CompositeCstNode }).container = this;
        }
        this.children = children;
        this.grammarSource = node.grammarSource;
    }

    private read(): void {
        if (this.children !== UNREAD) {
            return;
        }
        const reader = this.source;
        if (reader === undefined || reader instanceof DeferredCstNode) {
            this.children = NO_CHILDREN;
            return;
        }
        this.children = READING;
        reader.read(this);
        if (this.children === READING) {
            // Read, but nothing was grafted in (the text did not read the same again): no children.
            this.children = NO_CHILDREN;
        }
    }

    get range(): Range {
        return {
            start: { line: this.startLine, character: this.startCharacter },
            end: { line: this.endLine, character: this.endCharacter }
        };
    }
}
