import type { Range } from 'vscode-languageserver-types';
import type { DeferredCstNode } from '../parser/charter-cst.js';
import type { DeferredSpan } from '../parser/reader-runtime.js';
import { forEachChild, forEachOwnReference, forEachReference, forEachReferenceBelow, isAnyReference } from '../util/ast-walk.js';
import {
    AstUtils, Cancellation, DefaultLinker, DocumentState, interruptAndCheck, isAstNode, isAstNodeDescription, isLinkingError,
    RefResolving, type AstNode, type AstNodeDescription, type CstNode, type DefaultReference, type LangiumCoreServices, type LangiumDocument, type LinkingError,
    type MultiReference, type Reference, type ReferenceInfo, type Scope
} from 'langium';
import { Journal } from '../generated/ast.js';
import { CharterScopeProvider } from './charter-scope-provider.js';
import { ReferencePlans, type PlannedReference } from './reference-plans.js';

/**
 * Links a document's references in the order Langium's linker does (a node's
 * references, then its children's), walking the tree directly: Langium's goes
 * through two layers of lazy streams per node and awaits a cancellation check
 * for every node, which was most of the time linking took. Cancellation is
 * checked once per top-level element.
 */
export class CharterLinker extends DefaultLinker {
    /** Where each type's elements hold their references (for a journal's entries). */
    protected readonly plans: ReferencePlans;
    /** The types `isJournal` accepts. */
    protected readonly journalTypes: ReadonlySet<string>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.plans = new ReferencePlans(services.Grammar, this.reflection);
        this.journalTypes = new Set(this.reflection.getAllSubTypes(Journal.$type));
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            return super.link(document, cancelToken);
        }
        const root = document.parseResult.value;
        const link = (reference: ReferenceInfo) => this.doLink(reference, document);
        forEachOwnReference(root, link);
        const elements: AstNode[] = [];
        forEachChild(root, child => elements.push(child));
        const provider = this.scopeProvider;
        for (const element of elements) {
            await interruptAndCheck(cancelToken);
            if (this.journalTypes.has(element.$type) && provider instanceof CharterScopeProvider) {
                this.linkJournal(element, new JournalScopes(element, provider, this.plans.slots), document, link);
            } else {
                forEachReference(element, link);
            }
        }
    }

    /**
     * Links a journal as `forEachReference` with `doLink` would, in the same
     * order and to the same targets: its own references (`for`) first, then
     * each entry's. An entry's reference fields are known from its type's plan
     * (no walk through its other fields), and its names are looked up in the
     * journal's scope of their type, asked for once per journal (all of a
     * journal's entries see the same scopes) instead of once per reference.
     */
    protected linkJournal(journal: AstNode, journalScopes: JournalScopes, document: LangiumDocument, link: (reference: ReferenceInfo) => void): void {
        const fields = journal as unknown as Record<string, unknown>;
        const plan = this.plans.of(journal.$type);
        if (plan !== undefined) {
            // Its own references (`for`) by Langium's `doLink`, as their scope is not the entries'; without looking
            // through its thousands of entries for references, as a walk of its fields would.
            for (const planned of plan.references) {
                const value = fields[planned.property];
                if (Array.isArray(value)) {
                    for (let index = 0; index < value.length; index++) {
                        const item: unknown = value[index];
                        if (isAnyReference(item)) {
                            link({ reference: item, container: journal, property: planned.property, index });
                        }
                    }
                } else if (isAnyReference(value)) {
                    link({ reference: value, container: journal, property: planned.property });
                }
            }
            if (plan.children !== undefined) {
                this.linkAllInJournal(fields[plan.children], journalScopes, document, link);
                return;
            }
            if (!plan.walkChildren) {
                return;
            }
        } else {
            forEachOwnReference(journal, link);
        }
        for (const property in fields) {
            if (property.charCodeAt(0) !== DOLLAR) {
                this.linkAllInJournal(fields[property], journalScopes, document, link);
            }
        }
    }

    /** Links the elements a field of a journal (or of an element in it) holds, if it holds any: one, or a list. */
    protected linkAllInJournal(value: unknown, journalScopes: JournalScopes, document: LangiumDocument, link: (reference: ReferenceInfo) => void): void {
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isAstNode(item)) {
                    this.linkInJournal(item, journalScopes, document, link);
                }
            }
        } else if (isAstNode(value)) {
            this.linkInJournal(value, journalScopes, document, link);
        }
    }

    /** Links the references of an element of a journal and of those below it. */
    protected linkInJournal(node: AstNode, journalScopes: JournalScopes, document: LangiumDocument, link: (reference: ReferenceInfo) => void): void {
        const plan = this.plans.of(node.$type);
        if (plan === undefined) {
            forEachReference(node, link);
            return;
        }
        const fields = node as unknown as Record<string, unknown>;
        // Indexed rather than for...of: this runs for every entry of a journal, once a build, and an iterator makes an object each time.
        const references = plan.references;
        for (let position = 0; position < references.length; position++) {
            const planned = references[position];
            const value = fields[planned.property];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    this.linkName(value[index], node, planned, index, journalScopes, document, link);
                }
            } else if (value !== undefined) {
                this.linkName(value, node, planned, undefined, journalScopes, document, link);
            }
        }
        if (plan.children !== undefined) {
            this.linkAllInJournal(fields[plan.children], journalScopes, document, link);
        } else if (plan.walkChildren) {
            forEachReferenceBelow(node, link);
        }
    }

    /** `doLink` for one reference of a journal's element, with the name looked up in the journal's scope of its reference type. */
    protected linkName(value: unknown, container: AstNode, planned: PlannedReference, index: number | undefined, journalScopes: JournalScopes, document: LangiumDocument, link: (reference: ReferenceInfo) => void): void {
        if (!(value instanceof CharterReference)) {
            if (isAnyReference(value)) {
                link(index === undefined ? { reference: value, container, property: planned.property } : { reference: value, container, property: planned.property, index });
            }
            return;
        }
        if (value._ref !== undefined) {
            // Resolved already (its `ref` was read): `doLink` leaves it.
            return;
        }
        let description: AstNodeDescription | undefined;
        let target: AstNode | undefined;
        value._ref = RefResolving;
        try {
            const scope = journalScopes.scopes[planned.slot] ?? journalScopes.scopeOf(planned.slot, referenceInfo(value, container, planned.property, index));
            description = scope.getElement(value.$refText);
            target = description === undefined ? undefined : this.loadAstNode(description);
        } catch {
            // `doLink` reports it, as it would have.
            value._ref = undefined;
            this.doLink(referenceInfo(value, container, planned.property, index), document);
            return;
        }
        value._nodeDescription = description;
        value._ref = target ?? this.createLinkingError(referenceInfo(value, container, planned.property, index), description);
        document.references.push(value);
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
        let others: Array<Reference | MultiReference> | undefined;
        for (const reference of document.references) {
            if (reference instanceof CharterReference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else {
                (others ??= []).push(reference);
            }
        }
        document.references = others ?? [];
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

const DOLLAR = '$'.charCodeAt(0);

/** A reference's context as the walks give it (`index` only for an item of a list). */
function referenceInfo(reference: Reference, container: AstNode, property: string, index: number | undefined): ReferenceInfo {
    return index === undefined ? { reference, container, property } : { reference, container, property, index };
}

/**
 * While one journal is linked: its scope of each reference type (by plan
 * slot), asked for once: every entry of a journal sees the same.
 */
class JournalScopes {
    readonly scopes: Array<Scope | undefined>;

    constructor(private readonly journal: AstNode, private readonly provider: CharterScopeProvider, slots: number) {
        this.scopes = new Array<Scope | undefined>(slots);
    }

    /** The scope of the slot's reference type in the journal, asked for with the first reference of that type. */
    scopeOf(slot: number, info: ReferenceInfo): Scope {
        return (this.scopes[slot] ??= this.provider.entryScope(this.journal, info));
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
