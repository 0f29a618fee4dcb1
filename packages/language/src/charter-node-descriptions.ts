import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument } from 'langium';

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
        const locator = this.astNodeLocator;
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        return {
            node,
            name: elementName,
            type: node.$type,
            documentUri: (document ?? AstUtils.getDocument(node)).uri,
            get path() {
                return (path ??= locator.getAstNodePath(node));
            },
            get nameSegment() {
                return (nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode));
            },
            get selectionSegment() {
                return (selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode));
            }
        };
    }
}
