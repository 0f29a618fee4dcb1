import { CstNodeBuilder, createLangiumParser, LeafCstNodeImpl, type GrammarAST, type LangiumCoreServices, type LangiumParser } from 'langium';
import type { Range } from './model/types.js';
import type { IToken } from 'chevrotain';

/**
 * A token's node in the syntax tree, keeping its position as four numbers and
 * making its range when asked: Langium stores a range object holding two
 * position objects for every token, and most tokens' ranges are never asked for.
 */
class CompactLeafCstNode extends LeafCstNodeImpl {
    private readonly startLine: number;
    private readonly startCharacter: number;
    private readonly endLine: number;
    private readonly endCharacter: number;

    constructor(token: IToken, hidden: boolean) {
        super(token.startOffset, token.image.length, undefined as unknown as Range, token.tokenType, hidden);
        // Chevrotain counts lines and columns from 1 and its end column is inclusive; the LSP counts from 0, end exclusive.
        this.startLine = token.startLine! - 1;
        this.startCharacter = token.startColumn! - 1;
        this.endLine = token.endLine! - 1;
        this.endCharacter = token.endColumn!;
    }

    override get range(): Range {
        return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
    }
}

/**
 * Langium's CST builder is asked to attach hidden tokens (comments) before
 * every consumed token, even when there are none, and then searches the
 * parent's children with `indexOf` — linear in the number of elements of a
 * charter, so parsing a charter of 40,000 elements took tens of seconds.
 * With no hidden tokens there is nothing to attach.
 */
class CharterCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length > 0) {
            super.addHiddenNodes(tokens);
        }
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNodeImpl {
        const node = new CompactLeafCstNode(token, !feature);
        node.grammarSource = feature;
        node.root = (this as unknown as { rootNode: LeafCstNodeImpl['root'] }).rootNode;
        this.current.content.push(node);
        return node;
    }
}

/**
 * Langium's parser, with the CST builder above, and letting go of the tokens of
 * the text it parsed last (Chevrotain keeps its input until the next parse:
 * for a 10k-line charter, a fifth of the memory it takes).
 */
export function createCharterParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // The builder and the Chevrotain wrapper are created inside the parser's constructor; they are not services.
    const internals = parser as unknown as { nodeBuilder: CstNodeBuilder; wrapper: { input: IToken[] } };
    internals.nodeBuilder = new CharterCstNodeBuilder();
    const parse = parser.parse.bind(parser);
    parser.parse = ((input: string, options?: Parameters<LangiumParser['parse']>[1]) => {
        try {
            return parse(input, options);
        } finally {
            internals.wrapper.input = [];
        }
    }) as LangiumParser['parse'];
    return parser;
}
