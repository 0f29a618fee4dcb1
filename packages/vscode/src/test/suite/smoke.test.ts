import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { entente, openCharter, ruleIdOf, waitFor } from './helpers.js';

describe('the Entente extension (smoke)', () => {
    it('activates on a charter and shows the language server\'s diagnostics with rule ids', async () => {
        const editor = await openCharter('party Acme {}\ncharter Solo { parties Acme }\n');
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
    });

    it('opens the preview beside the editor and draws every view of the charter', async () => {
        const editor = await openCharter('party Acme { role Lead }\nparty Globex { role Manager }\ncharter Duo { parties Acme, Globex\n decision Budget { decided by Acme } }\n');
        const api = await entente();
        await vscode.commands.executeCommand('entente.openPreviewToSide');
        const content = await waitFor(() => api.previewManager.panel?.content, found => found?.charter === 'Duo', 'the preview content');
        assert.equal(api.previewManager.panel?.documentUri?.toString(), editor.document.uri.toString());
        for (const [view, svg] of Object.entries(content!.views)) {
            assert.match(svg, /^\s*(<\?xml[^>]*>\s*)?<svg/, `view ${view} is not SVG`);
        }
    });
});
