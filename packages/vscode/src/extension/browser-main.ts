/// <reference lib="dom" />
import * as vscode from 'vscode';
import { LanguageClient as BrowserLanguageClient } from 'vscode-languageclient/browser.js';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { CharterPreviews } from './charter-previews.js';
import { exportReportCommand } from './commands/export-report.js';
import { openPreviewCommand } from './commands/open-preview.js';
import { restartServerCommand } from './commands/restart-server.js';
import { HealthDocuments, showHealthCommand } from './commands/show-health.js';
import { showRuleDocsCommand } from './commands/show-rule-docs.js';
import { FindingsTree } from './findings-tree.js';
import { HealthStatusBar } from './health-status-bar.js';
import { languageClientOptions } from './language-client.js';
import type { EntenteApi } from './main.js';
import { PreviewManager } from './preview-manager.js';

/**
 * The extension on the web (vscode.dev, github.dev, a web worker extension
 * host): the `browser` entry of package.json. The same features as main.ts,
 * with the language server in a web worker (dist/server-web.js: Langium
 * with no file system, the documents VS Code opens being its workspace)
 * instead of a Node process; no `fs`, no child processes. Built by
 * esbuild.mjs with `vscode-languageclient/node.js` (types and `State` only,
 * here) mapped to its browser twin and `node:crypto` to the Web Crypto API.
 */
let client: BrowserLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<EntenteApi> {
    const localCommands = new Map<string, (...args: unknown[]) => unknown>();
    const worker = await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-web.js'));
    client = new BrowserLanguageClient('entente', 'Entente Language Server', languageClientOptions(localCommands), worker);
    // The shared code uses the API both clients inherit from BaseLanguageClient; it is typed with the desktop one.
    const shared = client as unknown as LanguageClient;
    const previews = new CharterPreviews(shared);
    const previewManager = new PreviewManager(previews, context.extensionUri);
    const statusBar = new HealthStatusBar(previews);
    const healthDocuments = new HealthDocuments(previews);
    const findings = new FindingsTree();
    context.subscriptions.push(
        previews, previewManager, statusBar, healthDocuments, findings,
        vscode.commands.registerCommand('entente.openPreviewToSide', openPreviewCommand(previewManager, true)),
        vscode.commands.registerCommand('entente.openPreview', openPreviewCommand(previewManager, false)),
        vscode.commands.registerCommand('entente.exportReport', exportReportCommand(previews, previewManager)),
        vscode.commands.registerCommand('entente.showRuleDocs', showRuleDocsCommand(context.extensionUri, () => previews.docsBaseUrl)),
        vscode.commands.registerCommand('entente.restartServer', restartServerCommand(shared))
    );
    const showHealth = showHealthCommand(previews, previewManager);
    localCommands.set('entente.showHealth', showHealth);
    void vscode.commands.executeCommand('setContext', 'entente.active', true);
    try {
        await client.start();
    } catch (error) {
        void vscode.window.showErrorMessage(`Entente: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    const serverCommands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (!serverCommands.includes('entente.showHealth')) {
        context.subscriptions.push(vscode.commands.registerCommand('entente.showHealth', showHealth));
    }
    return { client: shared, previews, previewManager, statusBar, findings };
}

/**
 * The language server's worker. VS Code's web worker extension host starts
 * workers from the extension's own URL (vscode.dev, github.dev), but not from
 * an extension served by a remote server (code-server, Codespaces in the
 * browser): there the script is read through VS Code's file system and started
 * from a blob: URL.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
    if (script.scheme !== 'vscode-remote') {
        return new Worker(script.toString(true));
    }
    const source = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(source)], { type: 'text/javascript' })));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
