import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { entente, waitFor } from './helpers.js';

// In the workspace the runners create (scripts/workbench/workspace.mjs): the broken example and its parties.

interface TreeItemLike { label?: string | vscode.TreeItemLabel; description?: string | boolean; command?: vscode.Command }

describe('the portfolio in the workbench', () => {
    // These tests edit nothing: closing the tabs is enough (reverting would touch whatever else the workbench left dirty).
    afterEach(async () => {
        await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap(group => group.tabs));
    });

    function folder(): string {
        const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
        assert.ok(root, 'the test workspace has a folder');
        return root;
    }

    it('opens the portfolio webview for the workspace: the charter with its layers and the people view', async () => {
        const api = await entente();
        await vscode.commands.executeCommand('entente.openPortfolio');
        const panel = await waitFor(() => api.portfolioPanel(), value => value !== undefined && value.html.includes('OrbitKestrelDraft'), 'the portfolio panel');
        assert.ok(panel);
        assert.equal(panel.panel.viewType, 'entente.portfolio');
        assert.match(panel.html, /<tr data-charter="OrbitKestrelDraft"[^>]*><td[^>]*>OrbitKestrelDraft/);
        assert.match(panel.html, /data-role="Orbit\.CTO"/, 'the people chart names the busiest role');
        assert.match(panel.html, /<tr data-charter="OrbitKestrelDraft"[^\n]*?(<td data-sort="\d+"><span class="band [a-z-]+"[^>]*>\d+<\/span>[^\n]*?){3}/, 'the three layers: design, and execution and perceived from the example\'s journal');
        assert.match(panel.html, /script-src &#39;nonce-[A-Za-z0-9]+&#39;"/, 'scripts only by nonce (the policy escaped in its attribute)');
        assert.ok(!/script-src[^;"]*unsafe-inline/.test(panel.html));
        assert.match(panel.html, /<script nonce="[A-Za-z0-9]+">\(function\(\)\{var vscode=acquireVsCodeApi\(\)/, 'the click script runs under the same nonce');
    });

    it('lists the charters with their scores and the people in the Partnerships view, and a click opens the source', async () => {
        const api = await entente();
        await vscode.commands.executeCommand('entente.partnerships.focus');
        const groups = await waitFor(() => api.partnerships.getChildren(), nodes => nodes.length === 2, 'the Partnerships view');
        const charters = await waitFor(() => api.partnerships.getChildren(groups[0]),
            nodes => nodes.some(node => (api.partnerships.getTreeItem(node) as TreeItemLike).label === 'OrbitKestrelDraft'), 'the charter in the Partnerships view');
        const people = api.partnerships.getChildren(groups[1]);
        const charterItems = charters.map(node => api.partnerships.getTreeItem(node) as TreeItemLike);
        const draft = charterItems.find(item => item.label === 'OrbitKestrelDraft');
        assert.ok(draft, charterItems.map(item => String(item.label)).join(', '));
        assert.match(String(draft.description), /^Design 39 · Execution \d+ · Perceived \d+$/);
        const personItems = people.map(node => api.partnerships.getTreeItem(node) as TreeItemLike);
        const loads = personItems.map(item => Number(/load (\d+)/.exec(String(item.description))?.[1]));
        assert.deepEqual(loads, [...loads].sort((a, b) => b - a), 'people sorted by load');
        const cto = personItems.find(item => item.label === 'Orbit.CTO');
        assert.ok(cto?.command, 'a role opens its declaration');

        await vscode.commands.executeCommand(draft.command!.command, ...(draft.command!.arguments ?? []));
        const charterEditor = await waitFor(() => vscode.window.activeTextEditor, editor => editor?.document.uri.path.endsWith('broken/orbit-kestrel.charter') ?? false, 'the charter\'s file');
        assert.ok(charterEditor!.document.lineAt(charterEditor!.selection.active.line).text.includes('charter OrbitKestrelDraft'));
        await vscode.commands.executeCommand(cto.command!.command, ...(cto.command!.arguments ?? []));
        const roleEditor = await waitFor(() => vscode.window.activeTextEditor, editor => editor?.document.uri.path.endsWith('parties/orbit.charter') ?? false, 'the role\'s party file');
        assert.match(roleEditor!.document.lineAt(roleEditor!.selection.active.line).text, /role CTO/);
    });

    it('a click in the webview opens the source of the row', async () => {
        const api = await entente();
        await vscode.commands.executeCommand('entente.openPortfolio');
        const panel = await waitFor(() => api.portfolioPanel(), value => value !== undefined && value.html.includes('data-uri'), 'the portfolio panel');
        const match = /<tr data-charter="OrbitKestrelDraft" data-uri="([^"]+)" data-line="(\d+)"/.exec(panel!.html);
        assert.ok(match, 'the charter row carries its source');
        await panel!.handleMessage({ type: 'open', uri: match[1].replace(/&amp;/g, '&'), line: Number(match[2]) });
        const editor = await waitFor(() => vscode.window.activeTextEditor, value => value?.document.uri.path.endsWith('broken/orbit-kestrel.charter') ?? false, 'the charter\'s file');
        assert.equal(editor!.selection.active.line, Number(match[2]));
    });

    it('updates live as charter files change on disk', async () => {
        const api = await entente();
        await vscode.commands.executeCommand('entente.openPortfolio');
        const panel = await waitFor(() => api.portfolioPanel(), value => value !== undefined && value.html.includes('OrbitKestrelDraft'), 'the portfolio panel');
        const before = panel!.renders;
        const chartersBefore = api.partnerships.getChildren(api.partnerships.getChildren()[0]).length;
        const file = path.join(folder(), 'live-portfolio.charter');
        fs.writeFileSync(file, 'charter LivePortfolio "Added while the portfolio is open" {\n    parties Orbit, Kestrel\n    body Board { members Orbit.CTO, Kestrel.COO meets monthly }\n}\n');
        try {
            await waitFor(() => panel!.html, html => html.includes('LivePortfolio'), 'the new charter in the portfolio', 30_000);
            assert.ok(panel!.renders > before);
            const groups = api.partnerships.getChildren();
            await waitFor(() => api.partnerships.getChildren(groups[0]).length, count => count === chartersBefore + 1, 'the new charter in the Partnerships view', 30_000);
        } finally {
            fs.rmSync(file, { force: true });
        }
        await waitFor(() => panel!.html, html => !html.includes('LivePortfolio'), 'the deleted charter gone from the portfolio', 30_000);
        panel!.dispose();
    });
});
