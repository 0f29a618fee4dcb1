import { Cancellation, DefaultDocumentBuilder, DocumentState, OperationCancelled, URI, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { CharterIndexManager } from './charter-index-manager.js';
import type { CharterCoreServices } from '../charter-core-module.js';

/**
 * Langium's document builder, with the per-document questions it asks of
 * every document of the workspace after each change answered in constant
 * time. In a workspace of 1,000 charters, scanning every reference of every
 * document for linking errors, and rebuilding every document's set of
 * validation categories, cost more than re-checking the edited file.
 */
export class CharterDocumentBuilder extends DefaultDocumentBuilder {
    /** The documents the current update relinks (and so validates again) besides the changed ones. */
    protected readonly relinkedByUpdate = new Set<string>();
    /** The documents the current update was given as changed: built first in each phase (see `sortDocuments`). */
    protected readonly changedByUpdate = new Set<string>();

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (this.indexManager instanceof CharterIndexManager) {
            const relink = this.indexManager.hasLinkingErrors(document) || this.indexManager.isAffected(document, changedUris)
                || this.clashesWithChanged(document, changedUris) || this.declaresRoles(document);
            if (relink) {
                this.relinkedByUpdate.add(document.uri.toString());
            }
            return relink;
        }
        return super.shouldRelink(document, changedUris);
    }

    /**
     * After the changed documents (and those referring to them) are checked,
     * the partners of a changed journal are validated again: the documents of
     * the charters it is written for (before and after the change: its `for`
     * may have been edited), whose health is read from their journals though
     * they never refer to them, and the charter's other journals, which read
     * one history with it (where a finding about the charter as a whole
     * stands, disputes, deliveries). A separate pass, so that the changed
     * journal's own diagnostics do not wait for it.
     */
    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const index = this.indexManager instanceof CharterIndexManager ? this.indexManager : undefined;
        const changedUris = [...changed, ...deleted].map(uri => uri.toString());
        const chartersBefore = index?.chartersOfJournals(changedUris);
        this.relinkedByUpdate.clear();
        changed.forEach(uri => this.changedByUpdate.add(uri.toString()));
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.changedByUpdate.clear();
        }
        if (index && chartersBefore) {
            await this.validateJournalPartners(index, changedUris, chartersBefore, cancelToken);
        }
    }

    protected async validateJournalPartners(index: CharterIndexManager, changedUris: string[], chartersBefore: Set<string>, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const charters = new Set([...chartersBefore, ...index.chartersOfJournals(changedUris)]);
        if (charters.size === 0) {
            return;
        }
        const done = new Set([...changedUris, ...this.relinkedByUpdate]);
        const partners: LangiumDocument[] = [];
        for (const uri of new Set([...charters, ...index.journalsOfCharters(charters)])) {
            const document = done.has(uri) ? undefined : this.langiumDocuments.getDocument(URI.parse(uri));
            // A document not validated yet (a cancelled build) is rebuilt by the next update anyway.
            if (document && document.state >= DocumentState.Validated) {
                partners.push(document);
            }
        }
        if (partners.length === 0) {
            return;
        }
        for (const document of partners) {
            this.resetToState(document, DocumentState.IndexedReferences);
        }
        await this.buildDocuments(this.sortDocuments(partners), this.updateBuildOptions, cancelToken);
    }

    /**
     * The changed documents first, then the others in Langium's order (those
     * open in the editor first): each phase runs over the documents in this
     * order, and a document's diagnostics are sent as soon as it is validated,
     * so the file being typed in gets its diagnostics before the files checked
     * again because of it (a party file, whose roles' loads any change can move).
     */
    protected override sortDocuments(documents: LangiumDocument[]): LangiumDocument[] {
        const sorted = super.sortDocuments(documents);
        if (this.changedByUpdate.size === 0) {
            return sorted;
        }
        const changed: LangiumDocument[] = [];
        const others: LangiumDocument[] = [];
        for (const document of sorted) {
            (this.changedByUpdate.has(document.uri.toString()) ? changed : others).push(document);
        }
        return changed.length === 0 ? sorted : [...changed, ...others];
    }

    /**
     * A document whose names clashed with a changed or deleted one is checked
     * again: the clash may be gone, though the two never refer to each other.
     */
    protected clashesWithChanged(document: LangiumDocument, changedUris: Set<string>): boolean {
        // With one language registered (always, here), its services without working out each document's file extension.
        const languages = this.serviceRegistry.all;
        const services = (languages.length === 1 ? languages[0] : this.serviceRegistry.getServices(document.uri)) as Partial<CharterCoreServices>;
        return services.charter?.RuleRunner.latestFindingsOf(document)
            ?.some(finding => finding.ruleId === 'duplicate-name' && finding.related?.some(related => changedUris.has(related.uri))) ?? false;
    }

    /**
     * A document declaring roles is checked again after any change: a role's
     * load (`overloaded-role`) is added up over every charter that names it,
     * though those charters refer to the role and not the other way round.
     * Party files are few and short, so this costs little.
     */
    protected declaresRoles(document: LangiumDocument): boolean {
        const root = document.parseResult.value as { elements?: Array<{ $type: string; roles?: unknown[] }> };
        return root.elements?.some(element => element.$type === 'Party' && (element.roles?.length ?? 0) > 0) ?? false;
    }

    /** The version of its open text each document was last parsed from (by URI). */
    protected readonly parsedVersions = new Map<string, number>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Parsed, document => {
            this.parsedVersions.set(document.uri.toString(), document.textDocument.version);
        });
        this.onUpdate((_changed, deleted) => deleted.forEach(uri => this.parsedVersions.delete(uri.toString())));
    }

    /**
     * A request about a document open in the editor (completion, hover, the
     * outline, semantic tokens, code lenses, folding: an editor sends them in
     * the same breath as `didOpen` when a file opens with the cursor in it)
     * waits until the document is built, to the state the request needs,
     * from the text the editor has open. Langium refused a request that came
     * before the document's first build with "No document found for URI",
     * and answered one about a workspace file opened while the server was
     * starting (a tab restored with unsaved changes) from the file on disk.
     * A request about a document open nowhere is answered as by Langium; one
     * whose document is closed or deleted first, or that is cancelled, ends
     * as Langium's cancelled requests do.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        const key = uri.toString();
        const open = this.textDocuments?.get(key);
        if (!open || cancelToken.isCancellationRequested) {
            return super.awaitDocumentState(state, uri, cancelToken);
        }
        const wanted = open.version;
        const built = (document: LangiumDocument | undefined) => document !== undefined && document.state >= state
            && ((this.parsedVersions.get(key) ?? -Infinity) >= wanted || !this.textDocuments?.get(key));
        if (built(this.langiumDocuments.getDocument(uri))) {
            return Promise.resolve(uri);
        }
        return new Promise((resolve, reject) => {
            const done = (): void => {
                phase.dispose();
                update.dispose();
                cancel.dispose();
            };
            const phase = this.onDocumentPhase(state, document => {
                if (document.uri.toString() === key && built(document)) {
                    done();
                    resolve(document.uri);
                }
            });
            // Closed (or deleted) before it was built from the open text: nothing left to answer about.
            const update = this.onUpdate((_changed, deleted) => {
                if (deleted.some(deletedUri => deletedUri.toString() === key)) {
                    done();
                    reject(OperationCancelled);
                }
            });
            const cancel = cancelToken.onCancellationRequested(() => {
                done();
                reject(OperationCancelled);
            });
        });
    }

    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        // A completed build that recorded no partial set of checks ran them all: nothing can be missing.
        if (state?.completed && state.result?.validationChecks === undefined) {
            return false;
        }
        return super.resultsAreIncomplete(document, options);
    }
}
