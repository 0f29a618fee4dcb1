import { URI, UriUtils, type FileSystemProvider, type WorkspaceManager } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'langium';

/**
 * Langium keeps a closed document as it was last typed. Names are global
 * across the workspace, so a closed scratch charter (or a file outside the
 * workspace) would keep declaring its parties, and a file closed without
 * saving would keep its unsaved text. On close, a workspace file is read
 * again from disk and anything else is forgotten.
 */
export class CharterDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    protected readonly fileSystemProvider: FileSystemProvider;
    protected readonly workspace: WorkspaceManager;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystemProvider = services.workspace.FileSystemProvider;
        this.workspace = services.workspace.WorkspaceManager;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        void this.onClose(URI.parse(event.document.uri));
    }

    protected async onClose(uri: URI): Promise<void> {
        const inWorkspace = (this.workspace.workspaceFolders ?? []).some(folder => UriUtils.contains(folder.uri, uri));
        const onDisk = inWorkspace && uri.scheme === 'file' && await this.fileSystemProvider.exists(uri).catch(() => false);
        this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
    }
}
