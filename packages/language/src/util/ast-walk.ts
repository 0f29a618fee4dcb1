import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/**
 * Plain walks of a syntax tree's elements, for the hot paths (parsing,
 * linking): Langium's `AstUtils` streams go through lazy iterators and a
 * closure or two per node.
 */

const DOLLAR = '$'.charCodeAt(0);

/** Whether a field's value is a reference or a multi-reference. */
export function isAnyReference(value: unknown): value is ReferenceInfo['reference'] {
    return isReference(value) || isMultiReference(value);
}

/**
 * Calls `visit` on each value of the node's own (not `$`) fields, and on each
 * item of those that are lists, that `accepts` takes, passing `context` on:
 * the walks below give their callers' action as the context to functions of
 * their own, instead of making a closure for every node they visit.
 */
function forEachFieldValue<T, C>(node: AstNode, accepts: (value: unknown) => value is T, visit: (value: T, property: string, index: number | undefined, node: AstNode, context: C) => void, context: C): void {
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
                    visit(item, property, index, node, context);
                }
            }
        } else if (accepts(value)) {
            visit(value, property, undefined, node, context);
        }
    }
}

type ChildAction = (child: AstNode, property: string, index: number | undefined, parent: AstNode) => void;
type ReferenceAction = (reference: ReferenceInfo) => void;

function visitChild(child: AstNode, property: string, index: number | undefined, parent: AstNode, action: ChildAction): void {
    action(child, property, index, parent);
}

function visitReference(reference: ReferenceInfo['reference'], property: string, index: number | undefined, container: AstNode, action: ReferenceAction): void {
    action(index === undefined ? { reference, container, property } : { reference, container, property, index });
}

function visitReferencesBelow(child: AstNode, _property: string, _index: number | undefined, _parent: AstNode, action: ReferenceAction): void {
    forEachReference(child, action);
}

/** Calls `action` on each element `parent` holds directly, in property order, with the property and the index in a list. */
export function forEachChild(parent: AstNode, action: ChildAction): void {
    forEachFieldValue(parent, isAstNode, visitChild, action);
}

/** Calls `action` on each reference the node holds itself (not those of its elements), in property order. */
export function forEachOwnReference(node: AstNode, action: ReferenceAction): void {
    forEachFieldValue(node, isAnyReference, visitReference, action);
}

/** Calls `action` on each reference of the node and of every element below it, in Langium's linking order (a node's own first). */
export function forEachReference(node: AstNode, action: ReferenceAction): void {
    forEachOwnReference(node, action);
    forEachReferenceBelow(node, action);
}

/** Calls `action` on each reference of every element below the node (not its own), in Langium's linking order. */
export function forEachReferenceBelow(node: AstNode, action: ReferenceAction): void {
    forEachFieldValue(node, isAstNode, visitReferencesBelow, action);
}
