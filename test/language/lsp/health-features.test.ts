import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeLensRequest, ExecuteCommandRequest, HoverRequest, InlayHintRequest, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8');

describe('health in the editor, over a real LSP connection', function () {
    this.timeout(30_000);
    let client: LspTestClient;
    const uri = 'file:///health/orbit-kestrel.charter';
    const text = read('broken/orbit-kestrel.charter');

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        await client.initialize();
        await client.open('file:///health/orbit.charter', read('parties/orbit.charter'));
        await client.open('file:///health/kestrel.charter', read('parties/kestrel.charter'));
        await client.open(uri, text);
    });
    after(() => client.dispose());

    it('puts a code lens with the score and dimensions on each charter name, whose command opens the explanation', async () => {
        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        assert.equal(lenses?.length, 1);
        const [lens] = lenses!;
        assert.equal(lens.command?.title, 'Design 41 · Execution not measured · Perceived not measured — equality 34 · openness 23 · conflict 50 · accountability 52 · outcomes 43');
        assert.equal(lens.command?.command, 'entente.showHealth');
        assert.deepEqual(lens.command?.arguments, [uri, 'OrbitKestrelDraft']);
        assert.equal(text.split('\n')[lens.range.start.line].slice(lens.range.start.character, lens.range.end.character), 'OrbitKestrelDraft');
        const explanation = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'entente.showHealth', arguments: lens.command!.arguments });
        assert.match(String(explanation), /\*\*OrbitKestrelDraft\*\* — health \*\*41\*\* \(critical\)/);
    });

    it('updates the code lens when the charter changes', async () => {
        const fixedText = text.replace('    term from 2024-01-01 to 2025-12-31', '    term from 2024-01-01 to 2025-12-31\n    review every 6 months');
        await client.change(uri, fixedText);
        const [lens] = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))!;
        assert.match(lens.command!.title, /openness (\d+)/);
        assert.ok(Number(/openness (\d+)/.exec(lens.command!.title)![1]) > 23);
        await client.change(uri, text);
    });

    it('shows the dimension breakdown and top reasons on hover over the charter name', async () => {
        const line = text.split('\n').findIndex(l => l.startsWith('charter OrbitKestrelDraft'));
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 12 } });
        const value = (hover?.contents as MarkupContent).value;
        assert.match(value, /\| equality \| 34 \(critical\) \|/);
        assert.match(value, /\*\*Top reasons\*\*/);
        assert.match(value, /Orbit holds 2 of 3 seats in PilotBoard|Orbit owes 3 of 4 commitments|Orbit alone controls 3 of 5 decisions/);
    });

    it('shows who controls each decision, each body\'s seats and rule, and each escalation\'s worst case as inlay hints', async () => {
        const lines = text.split('\n');
        const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }))!;
        const at = (pattern: string) => hints.filter(h => lines[h.position.line].includes(pattern)).map(h => h.label);
        assert.deepEqual(at('decision RobotConfig'), ['Orbit alone']);
        assert.deepEqual(at('decision Rollout'), ['joint · both can block']);
        assert.deepEqual(at('decision SiteAccess'), ['no decider']);
        assert.deepEqual(at('body PilotBoard'), ['2:1 · majority']);
        assert.deepEqual(at('escalation Issues'), ['untimed → no final step']);
        assert.deepEqual(at('escalation Commercial'), ['≤ 15 days → arbitration']);
    });

    it('switches each kind of inlay hint off with its setting', async () => {
        await client.changeSettings({ entente: { today: '2026-11-22', inlayHints: { decisions: false, bodies: true, escalations: false } } });
        const lines = text.split('\n');
        const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }))!;
        assert.deepEqual([...new Set(hints.map(h => lines[h.position.line].trim().split(' ')[0]))], ['body']);
    });
});
