import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, entente, openCharter, ruleIdOf, waitFor } from './helpers.js';

// Names no workspace the tests run in declares (names are global across the workspace, and VS Code
// may keep a closed scratch file open for the server a while).
const DUO = `party SmokeAcme { role Lead }
party SmokeGlobex { role Manager }
charter Duo {
    parties SmokeAcme, SmokeGlobex
    decision Budget { decided by SmokeAcme }
}
`;

describe('the Entente extension (smoke)', () => {
    afterEach(closeAllEditors);

    it('activates on a charter and shows the language server\'s diagnostics with rule ids', async () => {
        const editor = await openCharter('party SmokeAcme {}\ncharter Solo { parties SmokeAcme }\n');
        assert.equal(editor.document.languageId, 'charter');
        const api = await entente();
        assert.ok(vscode.extensions.getExtension('entente.entente')?.isActive);
        const diagnostics = await waitFor(
            () => vscode.languages.getDiagnostics(editor.document.uri).filter(diagnostic => diagnostic.source === 'entente'),
            found => found.length > 0,
            'entente diagnostics'
        );
        assert.ok(diagnostics.map(ruleIdOf).includes('too-few-parties'));
        assert.ok(api.client.isRunning());
        // The "Charter Findings" view groups them by rule.
        const rule = await waitFor(() => api.findings.ruleNodes.find(node => node.ruleId === 'too-few-parties'), found => !!found, 'the findings view');
        assert.ok(rule!.findings.some(finding => finding.uri.toString() === editor.document.uri.toString()));
    });

    it('opens the preview beside the editor, draws every view, and reveals a clicked element\'s source', async () => {
        const editor = await openCharter(DUO);
        const api = await entente();
        await vscode.commands.executeCommand('entente.openPreviewToSide');
        const content = await waitFor(() => api.previewManager.panel?.content, found => found?.charter === 'Duo', 'the preview content');
        assert.equal(api.previewManager.panel?.documentUri?.toString(), editor.document.uri.toString());
        for (const [view, svg] of Object.entries(content!.views)) {
            assert.match(svg, /<svg[\s>]/, `view ${view} is not SVG`);
        }
        // What the webview's click message does: select the element's name in its editor.
        const revealed = await api.previewManager.panel!.reveal('Duo.Budget');
        assert.equal(revealed?.document.uri.toString(), editor.document.uri.toString());
        assert.equal(revealed?.document.getText(revealed.selection), 'Budget');
    });

    it('redraws the preview after an edit and highlights the element under the cursor', async () => {
        const editor = await openCharter(DUO);
        const api = await entente();
        await vscode.commands.executeCommand('entente.openPreviewToSide');
        await waitFor(() => api.previewManager.panel?.content, found => found?.documentUri === editor.document.uri.toString(), 'the preview of the new document');
        const end = editor.document.positionAt(editor.document.getText().lastIndexOf('}'));
        await editor.edit(edit => edit.insert(end, '    decision Prices { decided by SmokeGlobex }\n'));
        const content = await waitFor(() => api.previewManager.panel?.content, found => found?.views.governance.includes('Duo.Prices') === true
            || found?.views.matrix.includes('Duo.Prices') === true, 'the new decision in the preview');
        assert.equal(content?.documentVersion, editor.document.version);
        const budget = editor.document.getText().indexOf('Budget');
        editor.selection = new vscode.Selection(editor.document.positionAt(budget + 2), editor.document.positionAt(budget + 2));
        await waitFor(() => api.previewManager.panel?.highlightedElement, element => element === 'Duo.Budget', 'the highlight of Budget');
    });

    it('shows the active charter in the status bar', async () => {
        await openCharter(DUO);
        const api = await entente();
        const text = await waitFor(() => api.statusBar.text, shown => shown.includes('Duo'), 'the status bar item');
        assert.match(text, /Duo \d+ (healthy|at risk|critical)( · \$\(error\) [1-9]\d*)?$/);
        // The band's own icon, never the error icon for a band (issue #20): errors are counted, when there are any.
        assert.ok(!text.startsWith('$(error)'), text);
        assert.ok(api.statusBar.visible);
    });

    it('explains a charter\'s health on the code lens command (entente.showHealth with [uri, charter])', async () => {
        const editor = await openCharter(DUO);
        await entente();
        const explanation = await vscode.commands.executeCommand<vscode.Uri>('entente.showHealth', editor.document.uri.toString(), 'Duo');
        const document = await vscode.workspace.openTextDocument(explanation);
        assert.match(document.getText(), /^# Health of Duo: \d+ \((healthy|at risk|critical)\)/);
    });

    it('opens the bundled docs page of a rule (entente.showRuleDocs)', async () => {
        const api = await entente();
        const opened = await vscode.commands.executeCommand<vscode.Uri>('entente.showRuleDocs', 'too-few-parties');
        assert.ok(opened?.path.endsWith('/docs/rules/too-few-parties.md'), opened?.toString());
        const document = await vscode.workspace.openTextDocument(opened);
        assert.match(document.getText(), /too-few-parties/);
        assert.ok(api.client.isRunning());
    });

    it('exports the report and every view to a folder', async () => {
        await openCharter(DUO);
        await entente();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-export-'));
        const written = await vscode.commands.executeCommand<vscode.Uri[]>('entente.exportReport', vscode.Uri.file(folder));
        const names = written.map(uri => path.basename(uri.fsPath)).sort();
        assert.deepEqual(names, ['Duo-balance.svg', 'Duo-escalation.svg', 'Duo-governance.svg', 'Duo-health.svg', 'Duo-matrix.svg', 'Duo.html']);
        assert.match(fs.readFileSync(path.join(folder, 'Duo.html'), 'utf8'), /<html/i);
    });

    it('restarts the language server, and the preview keeps following the charter', async () => {
        const editor = await openCharter(DUO.replace('Duo', 'Restarted'));
        const api = await entente();
        await vscode.commands.executeCommand('entente.openPreviewToSide');
        await waitFor(() => api.previewManager.panel?.content?.charter, charter => charter === 'Restarted', 'the preview');
        await vscode.commands.executeCommand('entente.restartServer');
        assert.ok(api.client.isRunning());
        await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
        await editor.edit(edit => edit.replace(new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length)),
            DUO.replace('Duo', 'AfterRestart')));
        await waitFor(() => api.previewManager.panel?.content?.charter, charter => charter === 'AfterRestart', 'the preview after the restart');
    });
});
