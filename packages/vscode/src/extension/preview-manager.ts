import * as vscode from 'vscode';
import { isViewId, readPersistedState, type ViewId } from '../webview-protocol.js';
import type { CharterPreviews } from './charter-previews.js';
import { isCharterDocument, panelStateFrom, PreviewPanel, webviewAssets } from './preview-panel.js';

/**
 * Owns the preview panel (one, like the Markdown preview to the side): opens
 * or reveals it, revives it after a window reload, and points it at the
 * active charter editor.
 */
export class PreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer {
    protected current?: PreviewPanel;
    protected readonly disposables: vscode.Disposable[] = [];

    constructor(protected readonly previews: CharterPreviews, protected readonly extensionUri: vscode.Uri) {
        void webviewAssets(extensionUri);
        this.disposables.push(
            vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, this),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (this.current && isCharterDocument(editor?.document)) {
                    // The party file a click in the map revealed a role in: the preview stays on the charter.
                    if (this.current.revealedElsewhere === editor.document.uri.toString()) {
                        return;
                    }
                    this.current.revealedElsewhere = undefined;
                    this.current.setDocument(editor.document.uri);
                }
            })
        );
    }

    /** The open preview, if any. */
    get panel(): PreviewPanel | undefined {
        return this.current;
    }

    /** Opens (or reveals) the preview of a document, beside the editor or in its place. */
    open(uri: vscode.Uri, options: { toSide: boolean; charter?: string; view?: ViewId }): PreviewPanel {
        const column = options.toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        if (this.current) {
            this.current.panel.reveal(column, true);
            this.current.setDocument(uri);
        } else {
            const panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, 'Entente preview', { viewColumn: column, preserveFocus: true }, {
                ...PreviewPanel.webviewOptions(this.extensionUri),
                enableFindWidget: true
            });
            this.adopt(new PreviewPanel(panel, this.previews, this.extensionUri, { documentUri: uri, view: this.defaultView() }));
        }
        this.current!.showCharter(options.charter, options.view);
        return this.current!;
    }

    /** Called by VS Code after a window reload for a preview that was open. */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        const persisted = readPersistedState(state);
        if (this.current) {
            this.current.dispose();
        }
        this.adopt(new PreviewPanel(panel, this.previews, this.extensionUri, panelStateFrom(persisted, this.defaultView())));
    }

    protected adopt(panel: PreviewPanel): void {
        this.current = panel;
        panel.onDidDispose(() => {
            if (this.current === panel) {
                this.current = undefined;
            }
        });
    }

    protected defaultView(): ViewId {
        const configured = vscode.workspace.getConfiguration('entente.preview').get<string>('defaultView', 'health');
        return isViewId(configured) ? configured : 'health';
    }

    dispose(): void {
        this.current?.dispose();
        vscode.Disposable.from(...this.disposables).dispose();
    }
}
