import { DefaultLinker, interruptAndCheck, isAstNode, isMultiReference, isReference, type AstNode, type LangiumDocument, type ReferenceInfo } from 'langium';
import { CancellationToken } from 'vscode-languageserver-protocol';

/**
 * Links a document's references in the order Langium's linker does (a node's
 * references, then its children's), walking the tree directly: Langium's goes
 * through two layers of lazy streams per node and awaits a cancellation check
 * for every node, which was most of the time linking took. Cancellation is
 * checked once per top-level element.
 */
export class CharterLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        const root = document.parseResult.value;
        const link = (reference: ReferenceInfo) => this.doLink(reference, document);
        forEachReference(root, link, false);
        const elements: AstNode[] = [];
        forEachChild(root, child => elements.push(child));
        for (const element of elements) {
            await interruptAndCheck(cancelToken);
            forEachReference(element, link);
        }
    }
}

/** Calls `action` on each reference of the node and (when `deep`) of the nodes it contains, in Langium's order. */
export function forEachReference(node: AstNode, action: (reference: ReferenceInfo) => void, deep = true): void {
    const fields = node as unknown as Record<string, unknown>;
    for (const property in fields) {
        if (property.charCodeAt(0) === DOLLAR) {
            continue;
        }
        const value = fields[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item) || isMultiReference(item)) {
                    action({ reference: item, container: node, property, index });
                }
            }
        } else if (isReference(value) || isMultiReference(value)) {
            action({ reference: value, container: node, property });
        }
    }
    if (deep) {
        forEachChild(node, child => forEachReference(child, action));
    }
}

const DOLLAR = '$'.charCodeAt(0);

/** Calls `action` on each node the given node contains directly, in property order. */
function forEachChild(node: AstNode, action: (child: AstNode) => void): void {
    const fields = node as unknown as Record<string, unknown>;
    for (const property in fields) {
        if (property.charCodeAt(0) === DOLLAR) {
            continue;
        }
        const value = fields[property];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isAstNode(item)) {
                    action(item);
                }
            }
        } else if (isAstNode(value)) {
            action(value);
        }
    }
}
