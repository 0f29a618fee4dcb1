import { AbstractCstNode, CstNodeBuilder, createLangiumParser, LeafCstNodeImpl, type CompositeCstNode, type CstNode, type GrammarAST, type LangiumCoreServices, type LangiumParser } from 'langium';
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
 * A rule's node in the syntax tree. Langium's keeps its children in an Array
 * subclass that sets each child's `container` as it is pushed (a rest-parameter
 * call and a per-node prototype change: about a tenth of parsing); here the
 * children are a plain array and the builder below sets `container` itself.
 */
class CompactCompositeCstNode extends AbstractCstNode implements CompositeCstNode {
    readonly content: CstNode[] = [];
    declare container?: CompositeCstNode;
    declare root: CompositeCstNode['root'];
    declare grammarSource?: GrammarAST.AbstractElement;
    private rangeCache?: Range;

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
    private get rootOfTree(): CompositeCstNode['root'] {
        return (this as unknown as { rootNode: CompositeCstNode['root'] }).rootNode;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new CompactCompositeCstNode();
        node.grammarSource = feature;
        node.root = this.rootOfTree;
        const parent = this.current;
        node.container = parent;
        parent.content.push(node);
        (this as unknown as { nodeStack: CompositeCstNode[] }).nodeStack.push(node);
        return node;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): LeafCstNodeImpl {
        const node = new CompactLeafCstNode(token, !feature);
        node.grammarSource = feature;
        node.root = this.rootOfTree;
        const parent = this.current;
        node.container = parent;
        parent.content.push(node);
        return node;
    }

    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) {
            return;
        }
        const root = this.rootOfTree;
        const nodes = tokens.map(token => {
            const node = new CompactLeafCstNode(token, true);
            node.root = root;
            return node;
        });
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
        insert(root, 0, nodes);
    }
}

function insert(parent: CompositeCstNode, index: number, nodes: LeafCstNodeImpl[]): void {
    for (const node of nodes) {
        node.container = parent;
    }
    parent.content.splice(index, 0, ...nodes);
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
