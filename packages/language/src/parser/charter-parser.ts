import { forEachChild } from '../util/ast-walk.js';
import { CstNodeBuilder, createLangiumParser, type AstNode, type CompositeCstNode, type GrammarAST, type LangiumCoreServices, type LangiumParser, type LeafCstNode, type Lexer, type LexerResult, type ParseResult, type ParserOptions } from 'langium';
import type { IRecognitionException, IToken } from 'chevrotain';
import { append, attachHiddenNodes, CompactCompositeCstNode, leafOfToken } from './charter-cst.js';
import { CharterFastParser } from './charter-fast-parser.js';
import { GiveUp } from './charter-scanner.js';

/**
 * Langium's CST builder, building the compact nodes of charter-cst.ts.
 * Langium's is also asked to attach hidden tokens (comments) before every
 * consumed token, even when there are none, and then searches the parent's
 * children with `indexOf` — linear in the number of elements of a charter, so
 * parsing a charter of 40,000 elements took tens of seconds. With no hidden
 * tokens there is nothing to attach.
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
        const node = leafOfToken(token, !feature);
        node.grammarSource = feature;
        const parent = this.current;
        node.container = parent;
        append(parent, node);
        return node;
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) {
            attachHiddenNodes(this.current, tokens.map(token => leafOfToken(token, true)));
        }
    }
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
 * The charter parser: the fast parser (charter-fast-parser.ts) reads
 * well-formed charters; what it gives up on, Langium's parser reads, with its
 * error recovery and messages. Langium's parser (with Chevrotain's lexer) is
 * made on first use: about 40 ms that a run over well-formed charters never
 * spends.
 */
export class CharterParser {
    private readonly fast: CharterFastParser;
    private langium?: LangiumParser;
    /**
     * The start of the last text the fast parser gave up on, as far as it had
     * read: while someone types after a syntax error, each version of the text
     * starts the same way, and the fast parser would give up at the same place
     * again (about 19 ms of a 10k-line charter with an error near its end).
     */
    private gaveUpOn?: string;

    constructor(private readonly services: LangiumCoreServices) {
        this.fast = new CharterFastParser(services);
    }

    parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        if (!options.rule && !(this.gaveUpOn !== undefined && input.startsWith(this.gaveUpOn))) {
            const result = this.fast.parse(input);
            if (!(result instanceof GiveUp)) {
                // The fast parser sets each element's container as it stores it.
                return result as ParseResult<T>;
            }
            this.gaveUpOn = result.readUpTo < input.length ? input.slice(0, result.readUpTo) : undefined;
        }
        return this.parseWithLangium<T>(input, options);
    }

    /** The fast parser's parse; undefined where it gives up. */
    parseFast(input: string): ParseResult<AstNode> | undefined {
        const result = this.fast.parse(input);
        return result instanceof GiveUp ? undefined : result;
    }

    /** Langium's parse, whether or not the fast parser could read the text. */
    parseWithLangium<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        this.langium ??= createLangiumCharterParser(this.services);
        return this.langium.parse<T>(input, options);
    }
}

/**
 * Langium's parser with the CST builder above. Its `parse` is Langium's, but
 * sets each element's container in one plain walk (Langium's makes an array
 * of entries and a closure per node) and lets go of the tokens of the text it
 * parsed (Chevrotain keeps its input until the next parse: for a 10k-line
 * charter, a fifth of the memory it takes). Tokens with no comment before
 * them share one empty list of hidden tokens instead of each getting one.
 */
function createLangiumCharterParser(services: LangiumCoreServices): LangiumParser {
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

