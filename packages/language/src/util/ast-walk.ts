import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * Plain walks of a syntax tree's elements, for the hot paths (parsing,
 * linking): Langium's `AstUtils` streams go through lazy iterators and a
 * closure or two per node.
 */

const DOLLAR = '$'.charCodeAt(0);

/** Calls `action` on each value of the node's own (not `$`) fields, and on each item of those that are lists, that `accepts` takes. */
function forEachFieldValue<T>(node: AstNode, accepts: (value: unknown) => value is T, action: (value: T, property: string, index: number | undefined) => void): void {
    const fields = node as unknown as Record<string, unknown>;
    for (const property in fields) {
        if (property.charCodeAt(0) === DOLLAR) {
            continue;
        }
        const value = fields[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (accepts(item)) {
                    action(item, property, index);
                }
            }
        } else if (accepts(value)) {
            action(value, property, undefined);
        }
    }
}

function isAnyReference(value: unknown): value is ReferenceInfo['reference'] {
    return isReference(value) || isMultiReference(value);
}

/** Calls `action` on each element `parent` holds directly, in property order, with the property and the index in a list. */
export function forEachChild(parent: AstNode, action: (child: AstNode, property: string, index: number | undefined, parent: AstNode) => void): void {
    forEachFieldValue(parent, isAstNode, (child, property, index) => action(child, property, index, parent));
}

/** Calls `action` on each reference the node holds itself (not those of its elements), in property order. */
export function forEachOwnReference(node: AstNode, action: (reference: ReferenceInfo) => void): void {
    forEachFieldValue(node, isAnyReference, (reference, property, index) => action(index === undefined ? { reference, container: node, property } : { reference, container: node, property, index }));
}

/** Calls `action` on each reference of the node and of every element below it, in Langium's linking order (a node's own first). */
export function forEachReference(node: AstNode, action: (reference: ReferenceInfo) => void): void {
    forEachOwnReference(node, action);
    forEachChild(node, child => forEachReference(child, action));
}
