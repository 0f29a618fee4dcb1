import { AstUtils, GrammarAST, isAstNode, isReference, type AstNode, type CompositeCstNode, type CstNode } from 'langium';
import { CompactCompositeCstNode, DeferredCstNode, type DeferredReader } from './charter-cst.js';
import { CharterScanner, type Vocabulary } from './charter-scanner.js';
import type { Element, GeneratedReaderBase, ReaderContext } from './reader-runtime.js';

/**
 * The lists whose items the fast parser reads without their syntax nodes
 * (rule, property): a journal's entries, thousands of one-line elements in a
 * year's journal, whose syntax the checker never looks at (it works from
 * their elements and where they stand). See `DeferredCstNode`.
 */
export const DEFERRED_LISTS: ReadonlyArray<readonly [rule: string, property: string]> = [['Journal', 'entries']];

/** The rule calls of `DEFERRED_LISTS` among the grammar elements a generated reader names. */
export function deferredCalls(elements: readonly GrammarAST.AbstractElement[]): Set<GrammarAST.AbstractElement> {
    return new Set(elements.filter(element => {
        const assignment = element.$container;
        if (!GrammarAST.isRuleCall(element) || !assignment || !GrammarAST.isAssignment(assignment)) {
            return false;
        }
        const property = assignment.feature;
        const rule = AstUtils.getContainerOfType(element, GrammarAST.isParserRule)?.name;
        return DEFERRED_LISTS.some(([name, list]) => name === rule && list === property);
    }));
}

/** A reference whose syntax node is made with its part's (references/charter-linker.ts). */
interface DeferredReference {
    adoptRefNode(node: CstNode | undefined): void;
}

function isDeferredReference(value: unknown): value is DeferredReference {
    return typeof (value as Partial<DeferredReference> | undefined)?.adoptRefNode === 'function';
}

/**
 * Reads deferred parts again (their syntax nodes made) and puts what it made
 * in place: the syntax nodes become the part's children, pointing to the
 * elements the first reading made (which the document, its links and its
 * model keep), and the references of those elements get their syntax nodes.
 *
 * Asking one entry reads every unread entry beside it, in one pass of one
 * reader: whatever walks one entry's nodes (highlighting, folding, the
 * outline, formatting) walks them all, and a reader and scanner made for
 * each entry cost twice what the reading does.
 */
export class DeferredParts implements DeferredReader {
    private readonly pairs = new Map<AstNode, AstNode>();

    constructor(
        private readonly vocabulary: Vocabulary,
        private readonly readerClass: new (scanner: CharterScanner, context: ReaderContext) => GeneratedReaderBase,
        /** The context of a full reading (no deferred parts). */
        private readonly context: ReaderContext
    ) {}

    read(node: DeferredCstNode): void {
        const parts = unreadPartsBeside(node);
        const text = node.root.fullText;
        let reader: GeneratedReaderBase | undefined;
        for (const part of parts) {
            const call = part.grammarSource;
            const rule = GrammarAST.isRuleCall(call) ? call.rule.ref?.name : undefined;
            if (!call || !rule) {
                continue;
            }
            // The parts follow one another with only whitespace and comments between: one reader reads them in turn,
            // unless the last reading did not end where the next part starts.
            if (!reader || reader.s.start !== part.offset) {
                reader = new this.readerClass(new CharterScanner(this.vocabulary, text, part.offset, part.range.start.line, part.range.start.character), this.context);
            }
            // Comments before a part were placed by the first reading (before the part's node).
            reader.s.dropComments();
            const method = (reader as unknown as Record<string, (() => Element) | undefined>)[`r_${rule}`];
            if (!method) {
                continue;
            }
            try {
                this.graft(part, reader.readPart(call, method));
            } catch {
                // The text read the first time reads the same again; should it not, the part keeps no children.
                reader = undefined;
            }
        }
    }

    private graft(node: DeferredCstNode, part: { element: AstNode; node: CompositeCstNode }): void {
        const kept = node.ownElement;
        if (!kept) {
            return;
        }
        const pairs = this.pairs;
        pairElements(part.element, kept, pairs);
        node.adopt(part.node);
        placeNodes(node, node, pairs);
        pairs.clear();
    }
}

/** `node` and the parts beside it (children of the same node) not read yet, in text order. */
function unreadPartsBeside(node: DeferredCstNode): DeferredCstNode[] {
    const siblings = node.container?.content;
    if (!siblings) {
        return [node];
    }
    const parts: DeferredCstNode[] = [];
    for (const sibling of siblings) {
        if (sibling === node || (sibling instanceof DeferredCstNode && sibling.isUnread)) {
            parts.push(sibling as DeferredCstNode);
        }
    }
    return parts;
}

/** Pairs the elements read again with the ones kept, field by field (the same text read by the same reader makes the same shape), and gives the kept references their syntax nodes. */
function pairElements(fresh: AstNode, kept: AstNode, pairs: Map<AstNode, AstNode>): void {
    pairs.set(fresh, kept);
    const freshFields = fresh as unknown as Record<string, unknown>;
    const keptFields = kept as unknown as Record<string, unknown>;
    for (const name in freshFields) {
        if (name.startsWith('$')) {
            continue;
        }
        const value = freshFields[name];
        const keptValue = keptFields[name];
        if (Array.isArray(value) && Array.isArray(keptValue)) {
            for (let i = 0; i < value.length && i < keptValue.length; i++) {
                pairValues(value[i], keptValue[i], pairs);
            }
        } else {
            pairValues(value, keptValue, pairs);
        }
    }
}

function pairValues(fresh: unknown, kept: unknown, pairs: Map<AstNode, AstNode>): void {
    if (isAstNode(fresh) && isAstNode(kept)) {
        pairElements(fresh, kept, pairs);
    } else if (isReference(fresh) && isDeferredReference(kept)) {
        kept.adoptRefNode(fresh.$refNode);
    }
}

/**
 * Points the syntax nodes read again at the kept elements; an element kept
 * with a deferred node of its own (an issue's name inside its entry) keeps
 * that node, which takes the place and the children of the one read again.
 */
function placeNodes(parent: CompositeCstNode, part: DeferredCstNode, pairs: Map<AstNode, AstNode>): void {
    const content = parent.content;
    for (let i = 0; i < content.length; i++) {
        const child = content[i];
        if (!(child instanceof CompactCompositeCstNode)) {
            continue;
        }
        const own = child.ownElement;
        const kept = own && pairs.get(own);
        if (kept) {
            const existing = kept.$cstNode;
            if (existing instanceof DeferredCstNode && existing !== part) {
                existing.adopt(child);
                existing.container = parent;
                content[i] = existing;
                placeNodes(existing, part, pairs);
                continue;
            }
            child.astNode = kept;
            (kept as { $cstNode?: CstNode }).$cstNode = child;
        }
        placeNodes(child, part, pairs);
    }
}
