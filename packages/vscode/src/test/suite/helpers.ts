import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EntenteApi } from '../../extension/main.js';

/** The extension under test, activated. */
export async function entente(): Promise<EntenteApi> {
    const extension = vscode.extensions.getExtension<EntenteApi>('entente.entente');
    if (!extension) {
        throw new Error('The extension entente.entente is not installed in this workbench.');
    }
    return extension.activate();
}

/** Polls until `read` returns a value `accept` likes (VS Code updates diagnostics and webviews asynchronously). */
export async function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
    const start = Date.now();
    let value = await read();
    while (!accept(value)) {
        if (Date.now() - start > timeoutMs) {
            throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
        value = await read();
    }
    return value;
}

/** The rule id of an entente diagnostic. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

let opened = 0;

/**
 * Opens a charter from a new file of its own, outside the workspace (no
 * workspace folder needed; unlike untitled documents, names are never reused).
 */
export async function openCharter(text: string): Promise<vscode.TextEditor> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-test-'));
    const file = path.join(folder, `scratch-${++opened}.charter`);
    fs.writeFileSync(file, text);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** Reverts and closes every editor and the preview, so the next test starts clean (scratch charters declare global names). */
export async function closeAllEditors(): Promise<void> {
    // An editor a test asked for may still be opening while this runs: the list of tabs read at one moment can be
    // stale the next (closing a tab that is gone throws; one that opens after the list was read stays). So: close
    // what is there, look again, until nothing is left.
    for (let attempt = 0; attempt < 50; attempt++) {
        for (const document of vscode.workspace.textDocuments.filter(candidate => candidate.isDirty)) {
            try {
                await vscode.window.showTextDocument(document);
                await vscode.commands.executeCommand('workbench.action.files.revert');
            } catch {
                // "Could NOT open editor … because another editor opened in the meantime": look again.
            }
        }
        const tabs = vscode.window.tabGroups.all.flatMap(group => group.tabs);
        if (tabs.length === 0 && !vscode.workspace.textDocuments.some(candidate => candidate.isDirty)) {
            return;
        }
        try {
            await vscode.window.tabGroups.close(tabs);
        } catch {
            // A tab closed or replaced meanwhile: look again.
        }
        await new Promise(resolve => setTimeout(resolve, 20));
    }
    throw new Error(`editors still open after closing them: ${vscode.window.tabGroups.all.flatMap(group => group.tabs).map(tab => tab.label).join(', ')}`);
}
