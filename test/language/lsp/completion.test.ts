import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, CompletionRequest, type CodeAction, type CompletionItem, type CompletionList, type Diagnostic } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';

// Issue #20, point 2, over LSP in a workspace of every example (dozens of parties across charters):
// completion after `decided by` offers what the charter may name, ranked by use, and the
// outsider-reference error an outsider leaves gets quick fixes.

function positionAfter(text: string, marker: string): { line: number; character: number } {
    const offset = text.indexOf(marker);
    assert.ok(offset >= 0, marker);
    return TextDocument.create('file:///x', 'charter', 1, text).positionAt(offset + marker.length);
}

const labelOf = (item: CompletionItem) => item.label;

describe('completion of principals and fixes for outsiders (LSP)', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    let folder: string;
    let uri: string;
    let text: string;

    before(async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'entente-completion-'));
        cpSync(path.join(REPO_ROOT, 'examples'), folder, { recursive: true });
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        await client.initialize(folder);
        const file = path.join(folder, 'broken/orbit-kestrel.charter');
        uri = pathToUri(file);
        text = readFileSync(file, 'utf8');
        await client.open(uri, text);
    });
    after(async () => {
        await client.dispose();
        rmSync(folder, { recursive: true, force: true });
    });

    async function complete(source: string, marker: string): Promise<CompletionItem[]> {
        await client.change(uri, source);
        const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAfter(source, marker) });
        const items = (Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? []);
        return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    }

    it('offers after `decided by` only the charter\'s parties, their roles and its bodies, most used first', async () => {
        const source = text.replace('consults Orbit.PartnerLead', 'consults Orbit.PartnerLead\n        decided by ');
        const items = await complete(source, 'decided by ');
        const labels = items.map(labelOf).filter(label => /^[A-Z]/.test(label));
        const allowed = new Set(['Orbit', 'Kestrel', 'Orbit.PartnerLead', 'Orbit.CTO', 'Orbit.CFO', 'PilotBoard', 'Finance']);
        for (const label of labels) {
            assert.ok(allowed.has(label) || label.startsWith('Kestrel.'), `${label} is not the charter's to name (offered: ${labels.join(', ')})`);
        }
        for (const expected of ['Orbit', 'Kestrel', 'Orbit.CTO', 'PilotBoard', 'Finance']) {
            assert.ok(labels.includes(expected), `no ${expected} among ${labels.join(', ')}`);
        }
        assert.ok(!labels.includes('Acme'), 'a party of another charter of the workspace');
        // Orbit.CTO and Orbit.PartnerLead are named five times each, Orbit four, Kestrel three, PilotBoard once, Finance never.
        assert.ok(['Orbit.CTO', 'Orbit.PartnerLead'].includes(labels[0]), `the most used first: ${labels.join(', ')}`);
        const rank = (label: string) => labels.indexOf(label);
        assert.ok(rank('Orbit.PartnerLead') < rank('Orbit') && rank('Orbit') < rank('Kestrel') && rank('Kestrel') < rank('PilotBoard')
            && rank('PilotBoard') < rank('Finance'), labels.join(', '));
    });

    it('offers the escalations after `escalates to`, on its line: not the keyword of the next clause', async () => {
        // Before, `escalates to C` offered `consults` beside Commercial: a name may be left out there, so the next clause could follow.
        const source = text.replace('decision Software "Software release schedule" {', 'decision Software "Software release schedule" {\n        escalates to C');
        const labels = (await complete(source, 'escalates to C')).map(labelOf);
        assert.deepEqual(labels.filter(label => label.toLowerCase().startsWith('c')), ['Commercial']);
        const fresh = text.replace('decision Software "Software release schedule" {', 'decision Software "Software release schedule" {\n        escalates to ');
        assert.deepEqual((await complete(fresh, 'escalates to ')).map(labelOf).sort(), ['Commercial', 'Issues']);
        // On a line of its own, a word may start the next clause: `escalates to` then `consults` below it.
        const below = text.replace('decision Software "Software release schedule" {', 'decision Software "Software release schedule" {\n        escalates to\n        c');
        assert.ok((await complete(below, 'escalates to\n        c')).map(labelOf).includes('consults'));
    });

    it('still offers every party of the workspace in the `parties` clause', async () => {
        const source = text.replace('parties Orbit, Kestrel', 'parties Orbit, Kestrel, ');
        const labels = (await complete(source, 'parties Orbit, Kestrel, ')).map(labelOf);
        assert.ok(labels.includes('Acme'), labels.join(', '));
    });

    it('offers quick fixes for an outsider: add it to `parties`, or name one of the charter\'s own', async () => {
        const source = text.replace('decided by Orbit.CTO', 'decided by Acme.AllianceLead');
        const diagnostics: Diagnostic[] = await client.change(uri, source);
        const outsider = diagnostics.find(diagnostic => diagnostic.code === 'outsider-reference');
        assert.ok(outsider, JSON.stringify(diagnostics.map(d => d.code)));
        const actions = await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: outsider.range, context: { diagnostics: [outsider] }
        }) as CodeAction[];
        const titles = actions.map(action => action.title);
        assert.ok(titles.includes('Add Acme to `parties`'), titles.join(' | '));
        assert.ok(titles.some(title => /^Replace Acme\.AllianceLead with Orbit\./.test(title)), titles.join(' | '));
        for (const action of actions) {
            const edits = action.edit?.changes?.[uri] ?? [];
            const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'charter', 1, source), edits);
            const after = await client.change(uri, fixed);
            const outsiders = after.filter(diagnostic => diagnostic.code === 'outsider-reference');
            assert.equal(outsiders.length, 0, `${action.title} left ${JSON.stringify(outsiders.map(d => d.message))}`);
            assert.ok(!after.some(diagnostic => diagnostic.code === 'unresolved-reference' || diagnostic.code === 'syntax'), action.title);
        }
    });
});
