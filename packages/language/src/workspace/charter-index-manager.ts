import {
    DefaultIndexManager, DocumentState, isAstNode, isLinkingError, RefResolving, type AstNode, type AstNodeDescription, type LangiumDocument, type LangiumSharedCoreServices,
    type ReferenceDescription, type Stream, type URI
} from 'langium';
import { isJournal, type Document } from '../generated/ast.js';
import { CharterReference } from '../references/charter-linker.js';
import { CharterReferenceDescriptionProvider } from '../references/charter-reference-descriptions.js';

/**
 * Langium's index manager, with the reference index built on demand.
 *
 * After each build Langium describes every reference of a document (its
 * source path, target path and segment) so that "find references" and
 * "rename" can search the whole workspace. On a 10k-line charter that is a
 * fifth of a check, and the CLI never searches references. Here a build only
 * records which other documents a document refers to (all Langium needs to
 * tell which documents to re-link after a change), and the descriptions are
 * made the first time a search asks for them. The same pass notes whether
 * any reference failed to resolve, which Langium asks of every document after
 * every change (see `charter-document-builder.ts`).
 */
export class CharterIndexManager extends DefaultIndexManager {
    /** Per document: the URIs of the other documents its references resolve into. */
    protected readonly referencedDocuments = new Map<string, Set<string>>();
    /** Documents some of whose references did not resolve when they were last linked. */
    protected readonly withLinkingErrors = new Set<string>();
    /** Documents whose reference descriptions are still to be made. */
    protected readonly staleReferences = new Map<string, LangiumDocument>();
    /** Per document with journals: the other documents holding the charters they are written `for`. */
    protected readonly journalCharters = new Map<string, Set<string>>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    /**
     * For a check split across threads (the CLI on a large workspace): fixes the
     * order of the workspace's documents, as the single-threaded check would index
     * them, and stands in for the exported symbols of the documents this thread has
     * not loaded, so that workspace-wide rules see every name. Documents loaded
     * afterwards replace their entry in place.
     */
    setWorkspaceOrder(uris: readonly string[], external: ReadonlyMap<string, AstNodeDescription[]>): void {
        for (const uri of uris) {
            this.symbolIndex.set(uri, external.get(uri) ?? this.symbolIndex.get(uri) ?? []);
            this.symbolByTypeIndex.clear(uri);
        }
    }

    override async updateReferences(document: LangiumDocument): Promise<void> {
        const uri = document.uri.toString();
        const targets = new Set<string>();
        let linkingErrors = false;
        // The last other document's URI object met: a journal's thousands of references go to one charter's document.
        let lastTarget: URI | undefined;
        const addTarget = (description: AstNodeDescription | undefined) => {
            // Most references are to the document itself, whose descriptions share its URI object.
            if (description !== undefined && description.documentUri !== document.uri && description.documentUri !== lastTarget) {
                lastTarget = description.documentUri;
                const target = lastTarget.toString();
                if (target !== uri) {
                    targets.add(target);
                }
            }
        };
        // Indexed: this loop runs once a build over every reference of a journal (thousands), mostly before V8 optimizes it,
        // and a for...of then allocates an iterator result per reference.
        const references = document.references;
        for (let index = 0; index < references.length; index++) {
            const reference = references[index];
            if (reference instanceof CharterReference) {
                // Its fields read directly: the getters and an `in` test that looks through its prototypes were most of this loop.
                const resolved = reference._ref;
                if (resolved !== undefined && resolved !== RefResolving && !isAstNode(resolved)) {
                    linkingErrors ||= isLinkingError(resolved);
                }
                addTarget(reference._nodeDescription);
                continue;
            }
            linkingErrors ||= reference.error !== undefined;
            if ('items' in reference) {
                reference.items.forEach(item => addTarget(item.$nodeDescription));
            } else {
                addTarget(reference.$nodeDescription);
            }
        }
        this.referencedDocuments.set(uri, targets);
        const charters = new Set<string>();
        for (const element of (document.parseResult.value as Document).elements ?? []) {
            const charterDocument = isJournal(element) ? element.charter?.$nodeDescription?.documentUri?.toString() : undefined;
            if (charterDocument !== undefined && charterDocument !== uri) {
                charters.add(charterDocument);
            }
        }
        if (charters.size > 0) {
            this.journalCharters.set(uri, charters);
        } else {
            this.journalCharters.delete(uri);
        }
        if (linkingErrors) {
            this.withLinkingErrors.add(uri);
        } else {
            this.withLinkingErrors.delete(uri);
        }
        this.referenceIndex.delete(uri);
        this.staleReferences.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.referencedDocuments.delete(uri.toString());
        this.staleReferences.delete(uri.toString());
        this.withLinkingErrors.delete(uri.toString());
        this.journalCharters.delete(uri.toString());
    }

    /**
     * The documents holding the charters that the given documents' journals are
     * written for, as last indexed. A charter does not refer to its journals,
     * yet its health (the execution and perceived layers) is read from them.
     */
    chartersOfJournals(uris: Iterable<string>): Set<string> {
        const charters = new Set<string>();
        for (const uri of uris) {
            this.journalCharters.get(uri)?.forEach(charter => charters.add(charter));
        }
        return charters;
    }

    /** The documents whose journals are written for a charter in one of the given documents (a charter's journals share one history). */
    journalsOfCharters(charterDocuments: ReadonlySet<string>): string[] {
        const journals: string[] = [];
        for (const [uri, charters] of this.journalCharters) {
            if ([...charters].some(charter => charterDocuments.has(charter))) {
                journals.push(uri);
            }
        }
        return journals;
    }

    /**
     * Whether some references of the document did not resolve when it was last
     * indexed (Langium re-links such documents after any change, in case the
     * change declares what they name). A document not indexed yet is asked directly.
     */
    hasLinkingErrors(document: LangiumDocument): boolean {
        const uri = document.uri.toString();
        return this.referencedDocuments.has(uri) ? this.withLinkingErrors.has(uri) : document.references.some(reference => reference.error !== undefined);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.referencedDocuments.get(document.uri.toString());
        if (!targets || targets.size === 0) {
            return false;
        }
        for (const changed of changedUris) {
            if (targets.has(changed)) {
                return true;
            }
        }
        return false;
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.describeStaleReferences();
        return super.findAllReferences(targetNode, astNodePath);
    }

    /** Makes the reference descriptions of every document built since the last search. */
    protected describeStaleReferences(): void {
        for (const [uri, document] of this.staleReferences) {
            if (document.state >= DocumentState.IndexedReferences) {
                const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider;
                if (provider instanceof CharterReferenceDescriptionProvider) {
                    this.referenceIndex.set(uri, provider.describeReferences(document));
                }
            }
        }
        this.staleReferences.clear();
    }
}
