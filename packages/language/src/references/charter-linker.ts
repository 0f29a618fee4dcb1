import type { Range } from 'vscode-languageserver-types';
import type { DeferredCstNode } from '../parser/charter-cst.js';
import type { DeferredSpan } from '../parser/reader-runtime.js';
import { forEachChild, forEachOwnReference, forEachReference } from '../util/ast-walk.js';
import {
    AstUtils, Cancellation, DefaultLinker, DocumentState, interruptAndCheck, isAstNode, isAstNodeDescription, isLinkingError,
    RefResolving, type AstNode, type AstNodeDescription, type CstNode, type DefaultReference, type LangiumDocument, type LinkingError, type MultiReference, type Reference, type ReferenceInfo
} from 'langium';

/**
 * Links a document's references in the order Langium's linker does (a node's
 * references, then its children's), walking the tree directly: Langium's goes
 * through two layers of lazy streams per node and awaits a cancellation check
 * for every node, which was most of the time linking took. Cancellation is
 * checked once per top-level element.
 */
export class CharterLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        const root = document.parseResult.value;
        const link = (reference: ReferenceInfo) => this.doLink(reference, document);
        forEachOwnReference(root, link);
        const elements: AstNode[] = [];
        forEachChild(root, child => elements.push(child));
        for (const element of elements) {
            await interruptAndCheck(cancelToken);
            forEachReference(element, link);
        }
    }

    /** References as instances of one class: Langium's are object literals with three getter closures each, kept as hash tables by V8 (about 700 bytes a reference). */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new CharterReference(this, node, property, refNode, refText);
    }

    /** A reference in a deferred part (a journal entry read without its syntax nodes): its node is made when first asked for. */
    buildDeferredReference(node: AstNode, property: string, refText: string, span: DeferredSpan): Reference {
        return new DeferredCharterReference(this, node, property, refText, span);
    }

    override unlink(document: LangiumDocument): void {
        // Langium's deletes a field of each reference, which would turn it into a hash table.
        const others = document.references.filter(reference => !(reference instanceof CharterReference));
        for (const reference of document.references) {
            if (reference instanceof CharterReference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            }
        }
        document.references = others;
        super.unlink(document);
    }

    /** What `ref` of a reference answers: Langium's resolution on first access, for `CharterReference`. */
    resolve(reference: CharterReference): AstNode | undefined {
        if (isAstNode(reference._ref)) {
            return reference._ref;
        }
        const info: ReferenceInfo = { reference, container: reference.container, property: reference.property };
        if (isAstNodeDescription(reference._nodeDescription)) {
            // A candidate was found before but not loaded.
            reference._ref = this.loadAstNode(reference._nodeDescription) ?? this.createLinkingError(info, reference._nodeDescription);
        } else if (reference._ref === undefined) {
            // Not linked yet: link now.
            reference._ref = RefResolving;
            const document = AstUtils.findRootNode(reference.container).$document;
            const linked = this.getLinkedNode(info);
            if (linked.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not ready: leave it for the linker to try again.
                reference._ref = undefined;
                return undefined;
            }
            reference._ref = linked.node ?? linked.error;
            reference._nodeDescription = linked.descr;
            document?.references.push(reference);
        } else if (reference._ref === RefResolving) {
            this.throwCyclicReferenceError(reference.container, reference.property, reference.$refText);
        }
        return isAstNode(reference._ref) ? reference._ref : undefined;
    }
}

/** A cross-reference in a charter; behaves as Langium's default reference (see `CharterLinker.resolve`). */
export class CharterReference implements DefaultReference {
    _ref?: AstNode | LinkingError | typeof RefResolving = undefined;
    _nodeDescription?: AstNodeDescription = undefined;

    constructor(
        private readonly linker: CharterLinker,
        readonly container: AstNode,
        readonly property: string,
        protected refNode: CstNode | undefined,
        readonly $refText: string
    ) {}

    get $refNode(): CstNode | undefined {
        return this.refNode;
    }

    /** Where the name stands. */
    get range(): Range | undefined {
        return this.refNode?.range;
    }

    get ref(): AstNode | undefined {
        return this.linker.resolve(this);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }
}

/**
 * A reference in a deferred part (parser/deferred-parts.ts): it knows where
 * its name stands; its syntax node is made, with its part's, when first asked
 * for (go to definition, find references, rename, an unresolved name).
 */
export class DeferredCharterReference extends CharterReference {
    private readonly owner: DeferredCstNode;
    private readonly startLine: number;
    private readonly startCharacter: number;
    private readonly endLine: number;
    private readonly endCharacter: number;

    /** `span`: where the name stands (copied: the reader writes over it). */
    constructor(linker: CharterLinker, container: AstNode, property: string, refText: string, span: DeferredSpan) {
        super(linker, container, property, undefined, refText);
        this.owner = span.owner;
        this.startLine = span.startLine | 0;
        this.startCharacter = span.startCharacter | 0;
        this.endLine = span.endLine | 0;
        this.endCharacter = span.endCharacter | 0;
    }

    override get $refNode(): CstNode | undefined {
        if (!this.owner.isRead) {
            // Reading the part gives this reference its node (adoptRefNode).
            void this.owner.content;
        }
        return this.refNode;
    }

    override get range(): Range {
        return { start: { line: this.startLine, character: this.startCharacter }, end: { line: this.endLine, character: this.endCharacter } };
    }

    /** The syntax node its part's reading made for it. */
    adoptRefNode(node: CstNode | undefined): void {
        this.refNode = node;
    }
}

/** Where a reference's name stands: its own syntax node's range, made on demand for a reference in a deferred part. */
export function rangeOfReference(reference: Reference | MultiReference): Range | undefined {
    return reference instanceof CharterReference ? reference.range : reference.$refNode?.range;
}
