import { DocumentState, type LangiumSharedCoreServices } from 'langium';

/**
 * Validates every document of the workspace again, e.g. after the date rules
 * use or a rule's level changed. It goes through the workspace lock, like the
 * workspace's first build and every edit: a second build running beside the
 * first could link a document before the ones it refers to are indexed.
 */
export function recheckAllDocuments(shared: LangiumSharedCoreServices): Promise<void> {
    const workspace = shared.workspace;
    return workspace.WorkspaceLock.write(async token => {
        const documents = workspace.LangiumDocuments.all.toArray();
        for (const document of documents) {
            workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
        }
        await workspace.DocumentBuilder.build(documents, { validation: true }, token);
    });
}
