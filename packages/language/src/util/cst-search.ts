import { AstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CstNode } from 'langium';

/**
 * Langium's `GrammarUtils.findNodeForProperty` and `findNodeForKeyword`
 * (first match), answering the same node without making an array per
 * visited node or walking up the grammar for every token: the journal's
 * model asks them of every entry, thousands of times a check.
 */

/** The feature each grammar element is assigned to (through its assignment), or null: worked out once per grammar element. */
const features = new WeakMap<GrammarAST.AbstractElement, string | null>();

/** The feature of the assignment a grammar element belongs to (`name` for `name=ID`), or null when it is in none. */
export function featureOf(source: GrammarAST.AbstractElement | undefined): string | null {
    if (source === undefined) {
        return null;
    }
    let feature = features.get(source);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(source, GrammarAST.isAssignment)?.feature ?? null;
        features.set(source, feature);
    }
    return feature;
}

/** The first node within `node` that contributes to the property of `node`'s element (as `GrammarUtils.findNodeForProperty(node, property)`). */
export function nodeForProperty(node: CstNode | undefined, property: string): CstNode | undefined {
    return node ? searchProperty(node, property, node.astNode, true) : undefined;
}

function searchProperty(node: CstNode, property: string, element: AstNode, first: boolean): CstNode | undefined {
    if (!first && featureOf(node.grammarSource) === property) {
        return node;
    }
    // The element first: a deferred node (parser/charter-cst.ts) of another element is then not read.
    if (node.astNode === element && isCompositeCstNode(node)) {
        const content = node.content;
        for (let i = 0; i < content.length; i++) {
            const found = searchProperty(content[i], property, element, false);
            if (found) {
                return found;
            }
        }
    }
    return undefined;
}

/** Whether `node`'s element has the keyword among its own nodes (as `GrammarUtils.findNodeForKeyword(node, keyword) !== undefined`). */
export function hasKeyword(node: CstNode | undefined, keyword: string): boolean {
    return node !== undefined && searchKeyword(node, keyword, node.astNode);
}

function searchKeyword(node: CstNode, keyword: string, element: AstNode): boolean {
    if (node.astNode !== element) {
        return false;
    }
    const source = node.grammarSource;
    if (source !== undefined && GrammarAST.isKeyword(source) && source.value === keyword) {
        return true;
    }
    if (isCompositeCstNode(node)) {
        const content = node.content;
        for (let i = 0; i < content.length; i++) {
            if (searchKeyword(content[i], keyword, element)) {
                return true;
            }
        }
    }
    return false;
}
