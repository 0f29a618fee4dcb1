import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { CharterPreviews } from './charter-previews.js';
import { exportReportCommand } from './commands/export-report.js';
import { openPreviewCommand } from './commands/open-preview.js';
import { restartServerCommand } from './commands/restart-server.js';
import { HealthDocuments, showHealthCommand } from './commands/show-health.js';
import { showRuleDocsCommand } from './commands/show-rule-docs.js';
import { FindingsTree } from './findings-tree.js';
import { HealthStatusBar } from './health-status-bar.js';
import type { LocalCommands } from './language-client.js';
import { PartnershipsTree, PortfolioPanel, PortfolioSource, revealSource } from './portfolio.js';
import { PreviewManager } from './preview-manager.js';
import { warmUpPreviews } from './preview-warm-up.js';

/** What the extension exports to other extensions and to its tests (`getExtension('entente.entente').exports`). */
export interface EntenteApi {
    client: LanguageClient;
    previews: CharterPreviews;
    previewManager: PreviewManager;
    statusBar: HealthStatusBar;
    findings: FindingsTree;
    portfolio: PortfolioSource;
    partnerships: PartnershipsTree;
    /** The portfolio webview, when open. */
    portfolioPanel(): PortfolioPanel | undefined;
}

/**
 * Everything the extension does around its language client, the same on the
 * desktop (main.ts: the server as a Node process) and on the web
 * (browser-main.ts: the server in a web worker). `localCommands` is the map
 * the client was given, filled here.
 */
export async function activateWithClient(
    context: vscode.ExtensionContext, client: LanguageClient, localCommands: Map<string, (...args: unknown[]) => unknown> & LocalCommands
): Promise<EntenteApi> {
    const previews = new CharterPreviews(client);
    const previewManager = new PreviewManager(previews, context.extensionUri);
    const statusBar = new HealthStatusBar(previews);
    const healthDocuments = new HealthDocuments(previews);
    const findings = new FindingsTree();
    const portfolio = new PortfolioSource(client);
    context.subscriptions.push(
        previews, previewManager, statusBar, healthDocuments, findings, warmUpPreviews(previews, previewManager),
        vscode.commands.registerCommand('entente.openPreviewToSide', openPreviewCommand(previewManager, true)),
        vscode.commands.registerCommand('entente.openPreview', openPreviewCommand(previewManager, false)),
        vscode.commands.registerCommand('entente.exportReport', exportReportCommand(previews, previewManager)),
        vscode.commands.registerCommand('entente.showRuleDocs', showRuleDocsCommand(context.extensionUri, () => previews.docsBaseUrl)),
        vscode.commands.registerCommand('entente.restartServer', restartServerCommand(client)),
        portfolio,
        vscode.commands.registerCommand('entente.openPortfolio', () => PortfolioPanel.createOrShow(portfolio)),
        vscode.commands.registerCommand('entente.revealSource', (uri: string, line: number, character?: number) => revealSource(uri, line, character)),
        new vscode.Disposable(() => PortfolioPanel.current?.dispose())
    );
    const showHealth = showHealthCommand(previews, previewManager);
    localCommands.set('entente.showHealth', showHealth);
    void vscode.commands.executeCommand('setContext', 'entente.active', true);
    try {
        await client.start();
    } catch (error) {
        // The commands stay registered, so "Restart Language Server" can try again.
        void vscode.window.showErrorMessage(`Entente: the language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A server that offers the command has had it registered by the client, which routes it back here.
    const serverCommands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (!serverCommands.includes('entente.showHealth')) {
        context.subscriptions.push(vscode.commands.registerCommand('entente.showHealth', showHealth));
    }
    // After the client starts: the tree asks the server as soon as it is visible.
    const partnerships = new PartnershipsTree(portfolio);
    context.subscriptions.push(partnerships);
    return { client, previews, previewManager, statusBar, findings, portfolio, partnerships, portfolioPanel: () => PortfolioPanel.current };
}
