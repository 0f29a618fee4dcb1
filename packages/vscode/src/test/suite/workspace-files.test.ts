import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreviewRequest } from '@entente/language/protocol';
import { closeAllEditors, entente, ruleIdOf, waitFor } from './helpers.js';

// Issue #20, point 1, as a user meets it: viewing a party file (F12 on a party), editing it
// without saving, renaming it or changing it on disk never loses the parties a charter names.

const ZENITH_DEAL = `charter ZenithDeal {
    parties Zenith, Kestrel
    body Board { members Zenith.Lead, Zenith.CFO, Kestrel.COO votes by majority }
    decision Budget { decided by Zenith.Lead, Kestrel }
}
`;

const unresolved = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter(diagnostic => ruleIdOf(diagnostic) === 'unresolved-reference');

describe('party files opened, closed, renamed and changed on disk (workbench)', () => {
    afterEach(closeAllEditors);

    it('keeps every Zenith.* reference resolved after the party file is viewed, edited without saving, closed, renamed and changed on disk', async () => {
        const api = await entente();
        // Files of their own: a document another test opened through the API stays open for minutes after its tab closes.
        const folder = vscode.workspace.workspaceFolders![0].uri;
        const charterUri = vscode.Uri.joinPath(folder, 'zenith-deal.charter');
        const orbitUri = vscode.Uri.joinPath(folder, 'parties', 'zenith.charter');
        await vscode.workspace.fs.writeFile(orbitUri, new TextEncoder().encode('party Zenith "Zenith Labs" {\n    role Lead "Alliance lead"\n    role CFO\n}\n'));
        await vscode.workspace.fs.writeFile(charterUri, new TextEncoder().encode(ZENITH_DEAL));
        const watch = api.previews.watch(charterUri);
        try {
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(charterUri), { viewColumn: vscode.ViewColumn.One, preview: false });
            await waitFor(() => vscode.languages.getDiagnostics(charterUri).length, count => count > 0, 'the charter\'s diagnostics');
            await waitFor(() => unresolved(charterUri).length, count => count === 0, 'Zenith declared by the new party file');
            /** Resolves with the next result the server sends for the charter (it is checked again after each step). */
            const nextResult = (what = 'the charter checked again') => new Promise<PreviewRequest.Result>((resolve, reject) => {
                const timer = setTimeout(() => {
                    listener.dispose();
                    reject(new Error(`no new result for the charter within 15 s: ${what}`));
                }, 15_000);
                const listener = api.previews.onDidUpdate(result => {
                    if (result.uri === api.previews.key(charterUri)) {
                        clearTimeout(timer);
                        listener.dispose();
                        resolve(result);
                    }
                });
            });
            const unresolvedIn = (result: PreviewRequest.Result) => result.charters.flatMap(c => c.findings).filter(f => f.ruleId === 'unresolved-reference').length;

            // 1. Viewed (as F12 on Zenith does), then its tab closed.
            let next = nextResult('after opening the party file');
            // Opened as the user opens it (F12, the Explorer): `vscode.open`. A document an extension opens with
            // openTextDocument stays open for minutes after its tab closes; one the editor opens closes with its tab.
            await vscode.commands.executeCommand('vscode.open', orbitUri, { viewColumn: vscode.ViewColumn.Two, preview: true });
            await next;
            const closedAt = Date.now();
            await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap(group => group.tabs).filter(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === orbitUri.toString()));
            // VS Code tells the server (didClose) when it disposes the document, a moment after the tab closed.
            next = nextResult('after closing the party file');
            await waitFor(() => vscode.workspace.textDocuments.some(document => document.uri.toString() === orbitUri.toString()), open => !open, 'the party file closed', 30_000);
            console.log(`the party file closed ${Date.now() - closedAt} ms after its tab`);
            assert.equal(unresolvedIn(await next), 0, 'closing the viewed party file dropped its parties');
            await new Promise(resolve => setTimeout(resolve, 300));
            assert.deepEqual(unresolved(charterUri).map(d => d.message), []);

            // 2. Edited without saving (Zenith renamed): unresolved; reverted and closed: resolved again.
            await vscode.commands.executeCommand('vscode.open', orbitUri, { viewColumn: vscode.ViewColumn.Two, preview: false });
            const edited = (await waitFor(() => vscode.window.activeTextEditor, active => active?.document.uri.toString() === orbitUri.toString(), 'the party file in an editor'))!;
            const at = edited.document.getText().indexOf('party Zenith ') + 'party Zenith'.length;
            assert.ok(await edited.edit(edit => edit.insert(edited.document.positionAt(at), 'al')));
            await waitFor(() => unresolved(charterUri).length, count => count > 0, 'Zenith.* unresolved after an unsaved rename of Zenith');
            await closeAllEditors();
            await waitFor(() => vscode.workspace.textDocuments.some(document => document.uri.toString() === orbitUri.toString()), open => !open, 'the party file closed', 30_000);
            await waitFor(() => unresolved(charterUri).length, count => count === 0, 'Zenith.* resolved again once the party file was closed without saving');

            // 3. Renamed in the Explorer (a WorkspaceEdit, as the Explorer does) and back.
            const renamed = vscode.Uri.joinPath(orbitUri, '..', 'zenith-labs.charter');
            const rename = new vscode.WorkspaceEdit();
            rename.renameFile(orbitUri, renamed);
            assert.ok(await vscode.workspace.applyEdit(rename));
            await new Promise(resolve => setTimeout(resolve, 1500));
            const back = new vscode.WorkspaceEdit();
            back.renameFile(renamed, orbitUri);
            assert.ok(await vscode.workspace.applyEdit(back));
            await waitFor(() => unresolved(charterUri).length, count => count === 0, 'Zenith resolved after the party file was renamed and renamed back');
            assert.ok(!vscode.languages.getDiagnostics(charterUri).some(d => ruleIdOf(d) === 'duplicate-name'));

            // 4. Changed on disk while closed (another tool, git checkout): followed, and back.
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(orbitUri));
            await vscode.workspace.fs.writeFile(orbitUri, new TextEncoder().encode(text.replace('party Zenith ', 'party Orbital ')));
            await waitFor(() => unresolved(charterUri).length, count => count > 0, 'Zenith unresolved after the file changed on disk');
            await vscode.workspace.fs.writeFile(orbitUri, new TextEncoder().encode(text));
            await waitFor(() => unresolved(charterUri).length, count => count === 0, 'Zenith resolved again after the file was restored on disk');
        } finally {
            watch.dispose();
            await closeAllEditors();
            await vscode.workspace.fs.delete(charterUri);
            await vscode.workspace.fs.delete(orbitUri);
        }
    });
});
