import { URI, UriUtils, type FileSystemProvider, type WorkspaceManager } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices, type TextDocuments } from 'langium/lsp';
import { FileChangeType, type DidChangeWatchedFilesParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';

/**
 * Langium keeps a closed document as it was last typed. Names are global
 * across the workspace, so a closed scratch charter (or a file outside the
 * workspace) would keep declaring its parties, and a file closed without
 * saving would keep its unsaved text. On close, a workspace file is read
 * again from disk and anything else is forgotten.
 *
 * The other way round, a file the editor still has open is never dropped
 * because the disk says it was deleted (or renamed away): the open text
 * keeps declaring what it declares until the tab is closed.
 */
export class CharterDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    protected readonly fileSystemProvider: FileSystemProvider;
    protected readonly workspace: WorkspaceManager;
    protected readonly textDocuments: TextDocuments<TextDocument>;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystemProvider = services.workspace.FileSystemProvider;
        this.workspace = services.workspace.WorkspaceManager;
        this.textDocuments = services.workspace.TextDocuments;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        void this.onClose(URI.parse(event.document.uri));
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        super.didChangeWatchedFiles({
            changes: params.changes.map(change =>
                change.type === FileChangeType.Deleted && this.textDocuments.get(change.uri) ? { ...change, type: FileChangeType.Changed } : change)
        });
    }

    /** Whether the URI lies inside one of the workspace's folders (whose URIs the client sends as strings). */
    protected inWorkspace(uri: URI): boolean {
        return (this.workspace.workspaceFolders ?? []).some(folder => {
            const folderUri = URI.parse(folder.uri);
            return folderUri.scheme === uri.scheme && folderUri.authority === uri.authority && UriUtils.contains(folderUri, uri);
        });
    }

    protected async onClose(uri: URI): Promise<void> {
        const onDisk = uri.scheme === 'file' && this.inWorkspace(uri) && await this.fileSystemProvider.exists(uri).catch(() => false);
        this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
    }
}
