import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumDocument, type NameProvider, type URI } from 'langium';

/**
 * Describes a named element for the scopes and the workspace index, working
 * out its path and text segments when they are first asked for. Langium's
 * computes them at once for every named element of every document, and most
 * are never read: linking needs only the name, type and node.
 */
export class CharterAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const elementName = name ?? this.nameProvider.getName(node);
        if (!elementName) {
            throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        }
        return new LazyNodeDescription(node, elementName, (document ?? AstUtils.getDocument(node)).uri, this.astNodeLocator, this.nameProvider);
    }
}

/** An instance of one class (an object literal with getters is a hash table to V8: several times the memory). */
class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;
    private pathCache?: string = undefined;
    private nameSegmentCache?: DocumentSegment = undefined;
    private selectionSegmentCache?: DocumentSegment = undefined;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly locator: AstNodeLocator,
        private readonly nameProvider: NameProvider
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return (this.pathCache ??= this.locator.getAstNodePath(this.node));
    }

    get nameSegment(): DocumentSegment | undefined {
        return (this.nameSegmentCache ??= CstUtils.toDocumentSegment(this.nameProvider.getNameNode(this.node) ?? this.node.$cstNode));
    }

    get selectionSegment(): DocumentSegment | undefined {
        return (this.selectionSegmentCache ??= CstUtils.toDocumentSegment(this.node.$cstNode));
    }
}
