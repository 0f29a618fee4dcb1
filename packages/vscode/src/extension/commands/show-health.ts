import * as vscode from 'vscode';
import type { CharterPreviews } from '../charter-previews.js';
import { charterAt } from '../element-locator.js';
import { healthMarkdown } from '../health-markdown.js';
import type { PreviewManager } from '../preview-manager.js';
import { resolveCharterUri } from './resolve-document.js';

/** URI scheme of the read-only health explanations. */
export const HEALTH_SCHEME = 'entente-health';

/**
 * Read-only Markdown documents explaining a charter's health, at
 * `entente-health:/<Charter> health.md?<source document URI>`. They follow the
 * server's model: an edit to the charter updates an open explanation.
 */
export class HealthDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
    protected readonly changes = new vscode.EventEmitter<vscode.Uri>();
    protected readonly open = new Map<string, { uri: vscode.Uri; watch: vscode.Disposable }>();
    protected readonly disposables: vscode.Disposable[] = [this.changes];
    readonly onDidChange = this.changes.event;

    constructor(protected readonly previews: CharterPreviews) {
        this.disposables.push(
            vscode.workspace.registerTextDocumentContentProvider(HEALTH_SCHEME, this),
            previews.onDidUpdate(result => {
                for (const { uri } of this.open.values()) {
                    if (previews.key(HealthDocuments.sourceOf(uri)) === result.uri) {
                        this.changes.fire(uri);
                    }
                }
            }),
            vscode.workspace.onDidCloseTextDocument(document => {
                const entry = this.open.get(document.uri.toString());
                entry?.watch.dispose();
                this.open.delete(document.uri.toString());
            })
        );
    }

    static uriOf(source: vscode.Uri, charter: string): vscode.Uri {
        return vscode.Uri.from({ scheme: HEALTH_SCHEME, path: `/${charter} health.md`, query: source.toString() });
    }

    static sourceOf(uri: vscode.Uri): vscode.Uri {
        return vscode.Uri.parse(uri.query);
    }

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const source = HealthDocuments.sourceOf(uri);
        if (!this.open.has(uri.toString())) {
            this.open.set(uri.toString(), { uri, watch: this.previews.watch(source) });
        }
        const charterName = decodeURIComponent(uri.path.replace(/^\//, '').replace(/ health\.md$/, ''));
        const result = this.previews.cached(source) ?? await this.previews.fetch(source);
        const preview = result?.charters.find(charter => charter.model.name === charterName);
        if (!result || !preview) {
            return `# Health of ${charterName}\n\nThe charter is not in ${source.toString()} any more.\n`;
        }
        return healthMarkdown(preview, result.docsBaseUrl);
    }

    dispose(): void {
        for (const { watch } of this.open.values()) {
            watch.dispose();
        }
        vscode.Disposable.from(...this.disposables).dispose();
    }
}

/**
 * `entente.showHealth` (the health code lens's command, args `[uri, charterName]`):
 * opens the explanation of the charter's score beside the editor, as a
 * Markdown preview when VS Code's Markdown extension is there. Resolves to the
 * explanation document's URI.
 */
export function showHealthCommand(previews: CharterPreviews, manager: PreviewManager): (uri?: unknown, charter?: unknown) => Promise<vscode.Uri | undefined> {
    return async (uri?: unknown, charter?: unknown) => {
        const source = resolveCharterUri(uri, manager);
        if (!source) {
            void vscode.window.showInformationMessage('Entente: open a .charter file to see its health.');
            return undefined;
        }
        let name = typeof charter === 'string' ? charter : undefined;
        if (!name) {
            const result = previews.cached(source) ?? await previews.fetch(source);
            const editor = vscode.window.activeTextEditor;
            name = result && charterAt(result, editor?.document.uri.toString() === source.toString() ? editor.selection.active : undefined);
        }
        if (!name) {
            void vscode.window.showInformationMessage('Entente: this file has no charter to score.');
            return undefined;
        }
        const explanation = HealthDocuments.uriOf(source, name);
        try {
            // Runs (and so activates) VS Code's Markdown extension when it is there.
            await vscode.commands.executeCommand('markdown.showPreviewToSide', explanation);
        } catch {
            const document = await vscode.workspace.openTextDocument(explanation);
            await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        }
        return explanation;
    };
}
