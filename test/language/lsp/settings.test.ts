import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node.js';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';
import { TWO_PARTIES } from '../../helpers/workspace.js';

const CHARTER = `${TWO_PARTIES}charter Deal {\n    parties Acme, Globex\n    term from 2024-01-01 to 2026-06-30\n    decision Pricing { decided by Acme informs Globex }\n}\n`;

describe('the language server follows settings and configuration files', function () {
    this.timeout(30_000);
    let client: LspTestClient;
    let folder: string;
    let uri: string;

    beforeEach(async () => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-lsp-'));
        fs.writeFileSync(path.join(folder, 'deal.charter'), CHARTER);
        uri = pathToUri(path.join(folder, 'deal.charter'));
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        await client.initialize(folder);
    });
    afterEach(() => client.dispose());

    it('uses entente.today for date-dependent rules and re-checks when it changes', async () => {
        const diagnostics = await client.open(uri, CHARTER);
        assert.ok(diagnostics.some(d => d.code === 'expired-term'), 'term ended 2026-06-30, today is 2026-11-22');
        await client.changeSettings({ entente: { today: '2026-01-15' } });
        await client.waitForDiagnostics(uri, published => !published.some(d => d.code === 'expired-term'));
    });

    it('reloads entente.json when it changes and re-checks open charters', async () => {
        const diagnostics = await client.open(uri, CHARTER);
        assert.equal(diagnostics.find(d => d.code === 'no-review')?.severity, 2 /* warning */);
        const configPath = path.join(folder, 'entente.json');
        fs.writeFileSync(configPath, JSON.stringify({ rules: { 'no-review': 'error', 'missing-vision': 'off' } }));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToUri(configPath), type: FileChangeType.Created }] });
        const rechecked = await client.waitForDiagnostics(uri, published => published.find(d => d.code === 'no-review')?.severity === 1);
        assert.equal(rechecked.find(d => d.code === 'no-review')?.severity, 1 /* error */);
        assert.ok(!rechecked.some(d => d.code === 'missing-vision'));
    });

    it('keeps working with defaults when entente.json is broken', async () => {
        fs.writeFileSync(path.join(folder, 'entente.json'), '{ "rules": { "no-such-rule": "off" } }');
        const diagnostics = await client.open(uri, CHARTER);
        assert.equal(diagnostics.find(d => d.code === 'no-review')?.severity, 2);
        assert.equal(client.process.exitCode, null);
    });
});

describe('the language server checks as of entente.today from its first answer', function () {
    this.timeout(30_000);
    // The term ends on 2026-11-30: over as of the real date (this was written on 2026-12-03), not as of 2026-11-22.
    const ENDING = CHARTER.replace('to 2026-06-30', 'to 2026-11-30');
    let client: LspTestClient | undefined;
    let folder: string;
    let uri: string;

    beforeEach(() => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-lsp-'));
        fs.writeFileSync(path.join(folder, 'deal.charter'), ENDING);
        uri = pathToUri(path.join(folder, 'deal.charter'));
    });
    afterEach(async () => {
        await client?.dispose();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    async function startWithSlowEditor(delayMs: number): Promise<LspTestClient> {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        client.settingsDelayMs = delayMs;
        await client.initialize(folder);
        return client;
    }

    it('waits for an editor slow to send its settings, so that the first diagnostics are already as of its date', async () => {
        const slow = await startWithSlowEditor(1_500);
        const first = await slow.open(uri, ENDING);
        assert.ok(!first.some(d => d.code === 'expired-term'), `as of 2026-11-22 the term runs until 2026-11-30: ${JSON.stringify(first.map(d => d.code))}`);
        const hover = await slow.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: ENDING.split('\n').findIndex(line => line.startsWith('charter')), character: 9 } });
        assert.ok(hover, 'the charter has a hover');
        await slow.changeSettings({ entente: { today: '2026-12-31' } });
        await slow.waitForDiagnostics(uri, published => published.some(d => d.code === 'expired-term'));
    });

    it('does not wait for ever for an editor that never sends its settings: it checks as of the real date after a while', async () => {
        const silent = await startWithSlowEditor(60_000);
        const started = Date.now();
        const first = await silent.open(uri, ENDING);
        assert.ok(first.some(d => d.code === 'expired-term'), 'as of the real date, the term is over');
        assert.ok(Date.now() - started < 15_000);
    });
});

describe('the health code lens follows entente.today', function () {
    this.timeout(60_000);
    const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/operations');
    // The charter, its parties and its journal in one file: the file the user edited last, whose lens is asked for again only on a refresh.
    const ALL_IN_ONE = ['parties/acme.charter', 'acme-globex.charter', 'acme-globex-2026.charter'].map(file => fs.readFileSync(path.join(FIXTURES, file), 'utf8')).join('\n');
    const uri = 'file:///lens-today/acme-globex.charter';
    let client: LspTestClient;
    let refreshes = 0;

    async function start(delayMs: number): Promise<void> {
        refreshes = 0;
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-07-02' } };
        client.settingsDelayMs = delayMs;
        client.workspaceCapabilities = { codeLens: { refreshSupport: true } };
        client.connection.onRequest('workspace/codeLens/refresh', () => {
            refreshes++;
            return null;
        });
        await client.initialize();
    }
    afterEach(() => client.dispose());
    const lensTitle = async () => (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Array<{ command?: { title: string } }>)[0]?.command?.title ?? '';
    const until = async (what: string, condition: () => boolean, timeoutMs = 15_000) => {
        const deadline = Date.now() + timeoutMs;
        while (!condition()) {
            assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
            await new Promise(resolve => setTimeout(resolve, 20));
        }
    };

    it('asks the client to fetch the lens again when the user changes entente.today', async () => {
        // Before, the file edited last was left out of the refresh: its lens kept the execution as of the date before.
        await start(0);
        await client.open(uri, ALL_IN_ONE);
        const before = await lensTitle();
        assert.match(before, /Execution 73 /, before);
        const refreshesBefore = refreshes;
        await client.changeSettings({ entente: { today: '2026-11-22' } });
        await until('workspace/codeLens/refresh', () => refreshes > refreshesBefore);
        const after = await lensTitle();
        assert.ok(/Execution (\d+)/.exec(after)![1] !== '73', `execution as of 2026-11-22: ${after}`);
    });

    it('checks again and asks for the lens again when the editor sends its settings after the first check', async () => {
        // Slower than the first check waits (SETTINGS_WAIT_MS, 5 s): the first diagnostics are as of the real date.
        await start(6_500);
        const first = await client.open(uri, ALL_IN_ONE);
        assert.ok(first.some(d => d.code === 'overdue-commitment'), `as of the real date: ${first.map(d => d.code).join(', ')}`);
        const settled = await client.waitForDiagnostics(uri, diagnostics => !diagnostics.some(d => d.code === 'overdue-commitment'));
        assert.ok(settled.some(d => d.code === 'future-entry'), 'as of 2026-07-02, the entry of 2026-07-20 is in the future');
        await until('workspace/codeLens/refresh', () => refreshes > 0);
        assert.match(await lensTitle(), /Execution 73 /);
    });
});
