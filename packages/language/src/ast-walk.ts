import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * Plain walks of a syntax tree's elements, for the hot paths (parsing,
 * linking): Langium's `AstUtils` streams go through lazy iterators and a
 * closure or two per node.
 */

const DOLLAR = '$'.charCodeAt(0);

/** Calls `action` on each element `parent` holds directly, in property order, with the property and the index in a list. */
export function forEachChild(parent: AstNode, action: (child: AstNode, property: string, index: number | undefined, parent: AstNode) => void): void {
    const fields = parent as unknown as Record<string, unknown>;
    for (const property in fields) {
        if (property.charCodeAt(0) === DOLLAR) {
            continue;
        }
        const value = fields[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isAstNode(item)) {
                    action(item, property, index, parent);
                }
            }
        } else if (isAstNode(value)) {
            action(value, property, undefined, parent);
        }
    }
}

/** Calls `action` on each reference the node holds itself (not those of its elements), in property order. */
export function forEachOwnReference(node: AstNode, action: (reference: ReferenceInfo) => void): void {
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
}

/** Calls `action` on each reference of the node and of every element below it, in Langium's linking order (a node's own first). */
export function forEachReference(node: AstNode, action: (reference: ReferenceInfo) => void): void {
    forEachOwnReference(node, action);
    forEachChild(node, child => forEachReference(child, action));
}
