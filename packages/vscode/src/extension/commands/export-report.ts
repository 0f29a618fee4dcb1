import type { PreviewRequest } from '@entente/language/protocol';
import * as vscode from 'vscode';
import type { CharterPreviews } from '../charter-previews.js';
import type { PreviewManager } from '../preview-manager.js';
import { renderCharterReport } from '../render.js';
import { resolveCharterUri } from './resolve-document.js';

/** The files an export writes for one charter: `<Charter>.html` and `<Charter>-<view>.svg`. */
export async function exportFiles(result: PreviewRequest.Result): Promise<Array<{ name: string; text: string }>> {
    const files: Array<{ name: string; text: string }> = [];
    for (const charter of result.charters) {
        const { html, views } = await renderCharterReport(charter, result.docsBaseUrl);
        files.push({ name: `${charter.model.name}.html`, text: html });
        for (const [view, svg] of Object.entries(views)) {
            files.push({ name: `${charter.model.name}-${view}.svg`, text: svg });
        }
    }
    return files;
}

/**
 * `entente.exportReport`: writes the active charter's HTML report (the one
 * `entente render` writes) and each view as SVG into a folder, asked for
 * unless given as the first argument (a URI or a path). Resolves to the files written.
 */
export function exportReportCommand(previews: CharterPreviews, manager: PreviewManager): (folder?: unknown, document?: unknown) => Promise<vscode.Uri[]> {
    return async (folder?: unknown, document?: unknown) => {
        const source = resolveCharterUri(document, manager);
        if (!source) {
            void vscode.window.showInformationMessage('Entente: open a .charter file to export its report.');
            return [];
        }
        const result = await previews.fetch(source);
        if (!result || result.charters.length === 0) {
            void vscode.window.showInformationMessage('Entente: this file has no charter to export.');
            return [];
        }
        const target = folder instanceof vscode.Uri ? folder
            : typeof folder === 'string' && folder.length > 0 ? vscode.Uri.file(folder)
            : (await vscode.window.showOpenDialog({
                canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Export here',
                title: 'Export the Entente report and views',
                defaultUri: vscode.workspace.getWorkspaceFolder(source)?.uri
            }))?.[0];
        if (!target) {
            return [];
        }
        await vscode.workspace.fs.createDirectory(target);
        const written: vscode.Uri[] = [];
        for (const file of await exportFiles(result)) {
            const uri = vscode.Uri.joinPath(target, file.name);
            await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(file.text));
            written.push(uri);
        }
        const report = written.find(uri => uri.path.endsWith('.html'));
        void vscode.window.showInformationMessage(`Entente: wrote ${written.length} files to ${target.fsPath}.`, 'Open report').then(choice => {
            if (choice && report) {
                void openReport(report);
            }
        });
        return written;
    };
}

/**
 * Opens the exported report in the system's browser; where there is none to hand it to (VS Code
 * in a browser, a remote window) or it will not take it, shows the report in a tab of its own, so
 * "Open report" always leads somewhere (the Explorer cannot show a folder outside the workspace).
 */
async function openReport(report: vscode.Uri): Promise<void> {
    const local = vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
    if (local && await vscode.env.openExternal(report)) {
        return;
    }
    await showReport(report);
}

/**
 * The report in a webview tab: the file as written (self-contained, with its own strict Content
 * Security Policy), scripts off and no local resources, its links opened the way VS Code opens links.
 */
export async function showReport(report: vscode.Uri): Promise<vscode.WebviewPanel> {
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(report));
    const name = report.path.split('/').pop() ?? 'report';
    const panel = vscode.window.createWebviewPanel('entente.report', `Report ${name}`, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
        enableScripts: false, localResourceRoots: [], enableFindWidget: true
    });
    panel.webview.html = html;
    return panel;
}
