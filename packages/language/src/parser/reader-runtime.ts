import { isAstNode, RootCstNodeImpl, type AstNode, type AstReflection, type CompositeCstNode, type CstNode, type GrammarAST, type Linker, type ValueConverter } from 'langium';
import { CompactCompositeCstNode, CompactLeafCstNode } from './charter-cst.js';
import type { CharterScanner, Vocabulary } from './charter-scanner.js';
import { CharterValueConverter } from './charter-value-converter.js';

/** An element under construction, with the fields Langium's parser gives it. */
export type Element = { $type: string; $cstNode?: CstNode } & Record<string, unknown>;

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
        for (const [name, value] of fields) {
            if (element[name] === undefined) {
                element[name] = Array.isArray(value) ? [...(value as unknown[])] : value;
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
    readonly defaults: Defaults;
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

    constructor(readonly s: CharterScanner, private readonly context: ReaderContext) {
        this.g = context.elements;
        this.types = context.vocabulary.types;
        this.conversions = context.converter instanceof CharterValueConverter ? context.converter : undefined;
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
            s.comments = [];
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
        if (s.comments.length > 0) {
            this.attachComments(s.comments);
            s.comments = [];
        }
        const leaf = new CompactLeafCstNode(s.start, s.end - s.start, this.types[kind], s.line, s.column, false, s.multiLine);
        leaf.grammarSource = feature;
        leaf.container = this.top;
        this.kids[this.count++] = leaf;
        s.next();
        return leaf;
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
        const node = new CompactCompositeCstNode();
        node.grammarSource = feature;
        node.container = this.top;
        this.kids[this.count++] = node;
        this.opened.push(node);
        this.starts.push(this.count);
        this.top = node;
        return node;
    }

    /** Closes a node (the last opened): its children become its content; an empty one leaves the tree, as Langium's CST builder removes it. True if it holds something. */
    private close(node: CompositeCstNode): boolean {
        const start = this.starts.pop()!;
        this.opened.pop();
        this.top = this.opened[this.opened.length - 1];
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

    /** Ends a data type rule's call: its text converted, or NONE if it read nothing. */
    protected data(node: CompositeCstNode, text: string, feature: GrammarAST.AbstractElement): unknown {
        // Closed first, so that a value converter that reads the node finds its content.
        const read = this.close(node);
        const value = this.convert(text, node, feature);
        return read ? value : NONE;
    }

    /** Ends a rule's call, as Langium's `construct`: the node holds the element, the element its node and defaults. True if it read something. */
    protected finish(element: Element, node: CompositeCstNode): boolean {
        (node as CompactCompositeCstNode).astNode = element as AstNode;
        element.$cstNode = node;
        const read = this.close(node);
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

    /** A reference (or a multi-reference) from `element`'s `property` to the name `value`, as Langium's parser makes it. */
    protected reference(element: Element, property: string, value: unknown, node: CstNode, multi: boolean): unknown {
        if (typeof value !== 'string') {
            return value;
        }
        const linker = this.context.linker;
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
        if (Array.isArray(list)) {
            list.push(value);
        } else {
            element[property] = [value];
        }
    }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
