import { forEachChild } from '../util/ast-walk.js';
import { CstNodeBuilder, createLangiumParser, type AstNode, type CompositeCstNode, GrammarAST, type LangiumCoreServices, type LangiumParser, type LeafCstNode, type Lexer, type LexerResult, type ParseResult, type ParserOptions } from 'langium';
import type { IRecognitionException, IToken, ISyntacticContentAssistPath } from 'chevrotain';
import { append, attachHiddenNodes, CompactCompositeCstNode, leafOfToken } from './charter-cst.js';
import { CharterFastParser } from './charter-fast-parser.js';
import { GiveUp } from './charter-scanner.js';
import { repairError, TokenRepairs, type TokenRepair } from './token-repairs.js';

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
    wrapper: { input: IToken[]; errors: IRecognitionException[]; computeContentAssist(rule: string, preceding: IToken[]): ISyntacticContentAssistPath[] };
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
    let repairs: TokenRepairs | undefined;
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
            let result = internals.doParse(ruleMethod);
            let parserErrors = internals.wrapper.errors;
            if (parserErrors.length > 0 && !options.rule) {
                // A misspelt keyword or a comma left out: read past as meant, and one finding on it (token-repairs.ts).
                const reparse = (tokens: IToken[]) => {
                    internals.unorderedGroups.clear();
                    internals.nodeBuilder.buildRootNode(input);
                    internals.wrapper.input = tokens;
                    return { value: internals.doParse(ruleMethod), errors: internals.wrapper.errors };
                };
                repairs ??= new TokenRepairs(services.Grammar, services.parser.Lexer.definition);
                const repaired = repairAndReparse(repairs, lexerResult.tokens, { value: result, errors: parserErrors }, reparse,
                    preceding => internals.wrapper.computeContentAssist(`${services.Grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry)?.name ?? ''}\u200B`, preceding));
                result = repaired.value;
                parserErrors = repaired.errors;
            }
            internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
            internals.unorderedGroups.clear();
            internals.lexerResult = undefined;
            linkToContainers(result);
            return { value: result as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors };
        } finally {
            internals.wrapper.input = [];
        }
    }) as LangiumParser['parse'];
    return parser;
}

/** At most this many words are read as meant in one text: each costs a parse of the text. */
const MAX_REPAIRS = 10;

/**
 * At most this many tokens are parsed again for repairs in one text: a text
 * of 50,000 tokens (a charter of 5,000 decisions) is parsed again at most four
 * times, whatever its errors, where ten more parses took seven seconds.
 */
const REPAIR_TOKENS = 200_000;

/**
 * The parse of a text whose first parse (`parsed`) has errors, with the
 * tokens of each error that is a misspelt keyword or a missing comma read as
 * meant (at most MAX_REPAIRS), and those errors replaced by one each that
 * says what was meant. A repair is kept only if the parser then reads further
 * than where it stumbled: a guess that leads nowhere is no guess.
 */
function repairAndReparse(
    repairs: TokenRepairs,
    lexed: IToken[],
    parsed: { value: AstNode; errors: IRecognitionException[] },
    reparse: (tokens: IToken[]) => { value: AstNode; errors: IRecognitionException[] },
    assist: (preceding: IToken[]) => ISyntacticContentAssistPath[]
): { value: AstNode; errors: IRecognitionException[] } {
    let tokens = lexed;
    let lastParsed = lexed;
    let current = { value: parsed.value, errors: [...parsed.errors] };
    const made: Array<{ token: IToken; repair: TokenRepair }> = [];
    let tried = 0;
    let from = 0;
    // Each error looked at costs a look through its element's tokens: a text of thousands of errors is not looked through for each.
    const parses = Math.min(MAX_REPAIRS * 2, Math.max(2, Math.floor(REPAIR_TOKENS / Math.max(lexed.length, 1))));
    for (let looked = 0; made.length < MAX_REPAIRS && tried < parses && looked < MAX_REPAIRS * 5; looked++) {
        const error = current.errors.find(candidate => offsetOf(candidate) >= from && offsetOf(candidate) < Infinity);
        if (!error) break;
        const at = offsetOf(error);
        from = at + 1;
        const found = repairs.find(tokens, error, assist);
        if (!found) continue;
        tried++;
        const next = reparse(lastParsed = found.tokens);
        // Kept if no error is left at the word it stumbled on or the token after it: it reads on from there
        // (`con }`, read as `consults`, would only stumble again on the `}`).
        const following = tokens[tokens.indexOf(error.token) + 1];
        const stumbled = following && !isNaN(following.startOffset) ? following.startOffset : error.token.endOffset ?? at;
        if (next.errors.every(candidate => offsetOf(candidate) < at || offsetOf(candidate) > stumbled)) {
            tokens = found.tokens;
            current = { value: next.value, errors: [...next.errors] };
            made.push({ token: error.token, repair: found.repair });
        }
    }
    if (lastParsed !== tokens) {
        // The syntax tree being built (comments go into it next) is the last parse's: the one kept is parsed again.
        current = { value: reparse(tokens).value, errors: current.errors };
    }
    if (made.length === 0) {
        return current;
    }
    const errors = [...current.errors, ...made.map(({ token, repair }) => repairError(token, repair))];
    return { value: current.value, errors: errors.sort((a, b) => offsetOf(a) - offsetOf(b)) };
}

/** Where an error stands in the text, for sorting (an error at the end of the file, with no offset, last). */
function offsetOf(error: IRecognitionException): number {
    return isNaN(error.token.startOffset) ? Infinity : error.token.startOffset;
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

