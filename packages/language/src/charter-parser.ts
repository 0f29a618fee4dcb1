import { forEachChild } from './ast-walk.js';
import { CstNodeBuilder, createLangiumParser, type AstNode, type Lexer, type LexerResult, type ParseResult, type ParserOptions, type CompositeCstNode, type CstNode, type GrammarAST, type LangiumCoreServices, type LangiumParser, type LeafCstNode, type RootCstNode } from 'langium';
import type { Range } from './model/types.js';
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';

const HIDDEN = 1;
const MULTI_LINE = 2;

/** The document's root: the node above all others (nodes do not keep a pointer to it; they are many). */
function rootOf(node: CstNode): RootCstNode {
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
class CompactLeafCstNode implements LeafCstNode {
    container?: CompositeCstNode;
    grammarSource?: GrammarAST.AbstractElement;
    readonly offset: number;
    readonly length: number;
    readonly tokenType: TokenType;
    private readonly flags: number;
    private readonly startLine: number;
    private readonly startCharacter: number;

    constructor(token: IToken, hidden: boolean) {
        this.offset = token.startOffset | 0;
        this.length = token.image.length | 0;
        this.tokenType = token.tokenType;
        // Chevrotain counts lines and columns from 1; the LSP from 0.
        this.startLine = (token.startLine! - 1) | 0;
        this.startCharacter = (token.startColumn! - 1) | 0;
        this.flags = (hidden ? HIDDEN : 0) | (token.endLine !== token.startLine ? MULTI_LINE : 0);
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
        const start = { line: this.startLine, character: this.startCharacter };
        if ((this.flags & MULTI_LINE) === 0) {
            return { start, end: { line: this.startLine, character: this.startCharacter + this.length } };
        }
        const lines = this.text.split(/\r\n|\r|\n/);
        return { start, end: { line: this.startLine + lines.length - 1, character: lines[lines.length - 1].length } };
    }
}

/**
 * A rule's node in the syntax tree. Langium's keeps its children in an Array
 * subclass that sets each child's `container` as it is pushed (a rest-parameter
 * call and a per-node prototype change: about a tenth of parsing); here the
 * children are a plain array and the builder below sets `container` itself.
 */
class CompactCompositeCstNode implements CompositeCstNode {
    content: CstNode[] = [];
    container?: CompositeCstNode;
    grammarSource?: GrammarAST.AbstractElement;
    private ownAstNode?: AstNode;
    private rangeCache?: Range;

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

    get hidden(): boolean {
        return false;
    }

    get root(): RootCstNode {
        return rootOf(this);
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    get offset(): number {
        return this.firstNonHiddenNode?.offset ?? 0;
    }

    get length(): number {
        return this.end - this.offset;
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
            const start = first.range.start;
            const end = last.range.end;
            this.rangeCache = { start, end: end.line < start.line ? start : end };
        }
        return this.rangeCache;
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
 * Langium's CST builder, building the compact nodes above. Langium's is also
 * asked to attach hidden tokens (comments) before every consumed token, even
 * when there are none, and then searches the parent's children with `indexOf`
 * — linear in the number of elements of a charter, so parsing a charter of
 * 40,000 elements took tens of seconds. With no hidden tokens there is nothing
 * to attach.
 */
class CharterCstNodeBuilder extends CstNodeBuilder {
    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new CompactCompositeCstNode();
        node.grammarSource = feature;
        const parent = this.current;
        node.container = parent;
        append(parent, node);
        (this as unknown as { nodeStack: CompositeCstNode[] }).nodeStack.push(node);
        return node;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNode {
        const node = new CompactLeafCstNode(token, !feature);
        node.grammarSource = feature;
        const parent = this.current;
        node.container = parent;
        append(parent, node);
        return node;
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) {
            return;
        }
        const nodes = tokens.map(token => new CompactLeafCstNode(token, true));
        // Within a node that has content, the comments follow it; in a node just opened, they go before
        // it in the first ancestor with content; failing that, at the start of the document.
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            insert(current, current.content.length, nodes);
            return;
        }
        while (current.container) {
            const index = current.container.content.indexOf(current);
            if (index > 0) {
                insert(current.container, index, nodes);
                return;
            }
            current = current.container;
        }
        insert(rootOf(current), 0, nodes);
    }
}

/**
 * Adds a child to a node. Most nodes have one to three children, and an array
 * grown by `push` keeps room for 16 more: a few children go in a new array of
 * their own length, more are pushed.
 */
function append(parent: CompositeCstNode, child: CstNode): void {
    const content = parent.content;
    if (content.length < SMALL_LIST && parent instanceof CompactCompositeCstNode) {
        parent.content = content.length === 0 ? [child] : [...content, child];
    } else {
        content.push(child);
    }
}

const SMALL_LIST = 4;

function insert(parent: CompositeCstNode, index: number, nodes: CompactLeafCstNode[]): void {
    for (const node of nodes) {
        node.container = parent;
    }
    parent.content.splice(index, 0, ...nodes);
}

/** The parts of Langium's parser that `parse` below uses; none of them is a service. */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexer: Lexer;
    lexerResult?: LexerResult;
    wrapper: { input: IToken[]; errors: IRecognitionException[] };
    mainRule: RuleMethod;
    allRules: Map<string, RuleMethod>;
    unorderedGroups: Map<string, boolean[]>;
    doParse(rule: RuleMethod): AstNode;
    extractHiddenTokens(token: IToken): IToken[];
}

/** A rule of Langium's parser as Chevrotain runs it. */
type RuleMethod = (args: unknown) => unknown;

const NO_TOKENS: IToken[] = [];

/**
 * Langium's parser with the CST builder above. Its `parse` is Langium's, but
 * sets each element's container in one plain walk (Langium's makes an array
 * of entries and a closure per node) and lets go of the tokens of the text it
 * parsed (Chevrotain keeps its input until the next parse: for a 10k-line
 * charter, a fifth of the memory it takes). Tokens with no comment before
 * them share one empty list of hidden tokens instead of each getting one.
 */
export function createCharterParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // The builder, lexer and Chevrotain wrapper are created inside the parser's constructor; they are not services.
    const internals = parser as unknown as ParserInternals;
    internals.nodeBuilder = new CharterCstNodeBuilder();
    const extractHiddenTokens = internals.extractHiddenTokens.bind(parser);
    internals.extractHiddenTokens = token => (internals.lexerResult!.hidden.length === 0 ? NO_TOKENS : extractHiddenTokens(token));
    parser.parse = (<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> => {
        try {
            internals.nodeBuilder.buildRootNode(input);
            const lexerResult = (internals.lexerResult = internals.lexer.tokenize(input));
            internals.wrapper.input = lexerResult.tokens;
            const ruleMethod = options.rule ? internals.allRules.get(options.rule) : internals.mainRule;
            if (!ruleMethod) {
                throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
            }
            const result = internals.doParse(ruleMethod);
            internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
            internals.unorderedGroups.clear();
            internals.lexerResult = undefined;
            linkToContainers(result);
            return { value: result as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors: internals.wrapper.errors };
        } finally {
            internals.wrapper.input = [];
        }
    }) as LangiumParser['parse'];
    return parser;
}

/** Sets `$container`, `$containerProperty` and `$containerIndex` of every element below `node`, as Langium does. */
function linkToContainers(node: AstNode): void {
    forEachChild(node, linkToContainer);
}

function linkToContainer(child: AstNode, property: string, index: number | undefined, parent: AstNode): void {
    const element = child as Mutable<AstNode>;
    element.$container = parent;
    element.$containerProperty = property;
    if (index !== undefined) {
        element.$containerIndex = index;
    }
    linkToContainers(child);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

