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
        assert.equal(lens.command?.title, 'Design 39 · Execution not measured · Perceived not measured — equality 33 · openness 23 · conflict 50 · accountability 45 · outcomes 43');
        assert.equal(lens.command?.command, 'entente.showHealth');
        assert.deepEqual(lens.command?.arguments, [uri, 'OrbitKestrelDraft']);
        assert.equal(text.split('\n')[lens.range.start.line].slice(lens.range.start.character, lens.range.end.character), 'OrbitKestrelDraft');
        const explanation = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'entente.showHealth', arguments: lens.command!.arguments });
        assert.match(String(explanation), /\*\*OrbitKestrelDraft\*\* — health \*\*39\*\* \(critical\)/);
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
        assert.match(value, /\| equality \| 33 \(critical\) \|/);
        assert.match(value, /\*\*Top reasons\*\*/);
        assert.match(value, /Orbit holds 2 of 3 seats in PilotBoard|Orbit owes 3 of 4 commitments|Orbit alone controls 3 of 5 decisions/);
        // Each reason names the elements that pulled its check down, and the rule of its finding.
        assert.match(value, /Voting power balance of majority bodies \(Banzhaf\) 0% \(PilotBoard\): .* \[dominated-body\]/);
    });

    it('names an element whose name is not written yet as unnamed in the reasons, never as an empty name', async () => {
        // Before, the checks listed such an element by its empty name: `(, PilotBoard)`, `()`.
        const unnamed = 'file:///health/unnamed.charter';
        const source = `party Acme { role Lead }
party Globex { role Lead }
charter Draft {
    parties Acme, Globex
    body { meets quarterly }
    decision { consults Acme }
    commitment { due 2026-01-01 }
    metric { kind outcome }
}
`;
        await client.open(unnamed, source);
        const line = source.split('\n').findIndex(l => l.startsWith('charter Draft'));
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: unnamed }, position: { line, character: 9 } });
        const reasons = (hover?.contents as MarkupContent).value.split('\n').filter(l => l.startsWith('- '));
        assert.ok(reasons.length > 0);
        for (const reason of reasons) {
            assert.doesNotMatch(reason, /\(\)|\(, |, \)|, ,/, reason);
        }
        assert.ok(reasons.some(reason => /\(an unnamed (decision|body|commitment|metric)/.test(reason)), reasons.join('\n'));
    });

    it('gives a few reasons whole, and of many the lowest five and how many more, listing elements as the checker does', async () => {
        // Before, a sixth reason was cut to "… and 1 more", and a check listed every element it names with commas only.
        const hoverReasons = async (name: string, source: string) => {
            const file = `file:///health/${name}.charter`;
            await client.open(file, source);
            const line = source.split('\n').findIndex(l => l.startsWith(`charter ${name}`));
            const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: file }, position: { line, character: 9 } });
            const all = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'entente.showHealth', arguments: [file, name] });
            const reasons = (markdown: string) => markdown.split('\n').filter(l => l.startsWith('- '));
            return { shown: reasons((hover?.contents as MarkupContent).value), all: reasons(String(all)) };
        };
        const few = await hoverReasons('Six', `party Acme { role Lead }
party Globex { role Lead }
charter Six {
    parties Acme, Globex
    vision "Grow together."
    body Board { members Acme.Lead, Globex.Lead votes by unanimity }
    decision Budget { decided by Board }
    escalation Disputes { level Board within 10 days finally mediation "Mediator" }
    commitment Report { owner Acme due 2026-12-01 }
    metric Revenue { owner Globex kind outcome target >= 10 }
}
`);
        assert.equal(few.all.length, 6, few.all.join('\n'));
        assert.deepEqual(few.shown, few.all);
        const decisions = Array.from({ length: 8 }, (_, i) => `    decision D${i + 1} { consults Acme }\n`).join('');
        const many = await hoverReasons('Many', `party Acme { role Lead }\nparty Globex { role Lead }\ncharter Many {\n    parties Acme, Globex\n${decisions}}\n`);
        assert.ok(many.all.length > 7, many.all.join('\n'));
        assert.equal(many.shown.length, 6);
        assert.equal(many.shown[5], `- … and ${many.all.length - 5} more reasons (\`entente score --explain\`)`);
        assert.match(many.shown[0], /\(D1, D2, D3, D4 and 4 others\)/);
        assert.ok(many.shown.some(reason => /\(Acme and Globex\)/.test(reason)), many.shown.join('\n'));
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
