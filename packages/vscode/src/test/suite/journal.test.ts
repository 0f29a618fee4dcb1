import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EntenteApi } from '../../extension/main.js';
import { clickInPreview, harnessPresent, inspectPreview, screenshot } from './harness.js';
import { closeAllEditors, waitFor } from './helpers.js';

// The journal views in the preview: the test workspace holds OPERATIONS.md's charter and journal
// under operations/ (scripts/workbench/workspace.mjs). Runs after e2e.test.ts (file order).

const JOURNAL = 'AcmeGlobex2026';
const JOURNAL_VIEWS = ['timeline', 'trends', 'radar'] as const;

function api(): EntenteApi {
    const extension = vscode.extensions.getExtension<EntenteApi>('entente.entente');
    assert.ok(extension?.isActive, 'the extension is not active');
    return extension.exports;
}

async function openJournal(): Promise<vscode.TextEditor> {
    const [uri] = await vscode.workspace.findFiles('operations/acme-globex-2026.charter');
    assert.ok(uri, 'the test workspace has no operations/acme-globex-2026.charter');
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

describe('the journal in the preview (workbench)', () => {
    afterEach(closeAllEditors);

    it('#vsix opens a journal\'s preview on its timeline, with its charter\'s views, and a click on an entry selects its line', async () => {
        const editor = await openJournal();
        await waitFor(() => vscode.extensions.getExtension('entente.entente')?.isActive, active => active === true, 'activation');
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        assert.equal(await vscode.commands.executeCommand('entente.openPreviewToSide'), true);
        const content = await waitFor(() => api().previewManager.panel?.content,
            found => found?.documentUri === editor.document.uri.toString() && (found.views.timeline ?? '').includes(`data-element="${JOURNAL}:7"`), 'the journal views in the preview');
        assert.equal(content!.charter, 'AcmeGlobex', 'a journal\'s file shows its charter');
        assert.match(content!.views.governance, /data-element="AcmeGlobex.SteeringCommittee"/, 'the charter\'s views too');
        assert.match(content!.views.radar, /Largest gap: 2 on trust/);
        const missLine = editor.document.lineAt(6).text.trim();
        assert.match(missLine, /missed ShareRoadmap/);
        if (!harnessPresent) {
            const revealed = await api().previewManager.panel!.reveal(`${JOURNAL}:7`);
            assert.equal(revealed?.document.getText(revealed.selection).trim(), missLine);
            return;
        }
        const shown = await waitFor(() => inspectPreview('preview-acme-globex-journal'), inspection => JOURNAL_VIEWS.every(view => (inspection.views[view]?.elements.length ?? 0) > 0), 'the journal tabs drawn');
        assert.equal(shown.selected, 'timeline', 'a journal opens on its timeline');
        for (const view of JOURNAL_VIEWS) {
            assert.ok(shown.views[view].width > 200 && shown.views[view].height > 100, `${view} is ${shown.views[view].width}x${shown.views[view].height} on screen`);
        }
        assert.ok(shown.views.timeline.elements.includes(`${JOURNAL}:7`));
        assert.ok(shown.views.trends.elements.includes('AcmeGlobex.JointRevenue'));
        // A real click on the miss in the timeline selects its entry in the journal.
        await clickInPreview(`${JOURNAL}:7`, 'timeline');
        const selected = await waitFor(() => {
            const active = vscode.window.activeTextEditor;
            return active?.document.uri.toString() === editor.document.uri.toString() ? active.document.getText(active.selection).trim() : undefined;
        }, text => text === missLine, 'the editor selection of the missed entry');
        assert.equal(selected, missLine);
        // The cursor on an entry highlights it in the preview.
        await waitFor(() => api().previewManager.panel?.highlightedElement, element => element === `${JOURNAL}:7`, 'the highlight of the clicked entry');
        await new Promise(resolve => setTimeout(resolve, 500));
        await screenshot('journal-preview');
    });
});
