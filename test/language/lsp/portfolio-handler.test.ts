import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PortfolioRequest, WorkspaceChangedNotification } from '@entente/language';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';

/** A language server on a copy of a fixture folder, started and stopped around the describe block that calls it. */
function serverOn(fixture: string, settingsDelayMs = 0): { client: () => LspTestClient; root: () => string } {
    let client: LspTestClient;
    let root: string;
    before(async () => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-lsp-'));
        fs.cpSync(fixture, root, { recursive: true });
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        client.settingsDelayMs = settingsDelayMs;
        await client.initialize(root);
    });
    after(async () => {
        await client.dispose();
        fs.rmSync(root, { recursive: true, force: true });
    });
    return { client: () => client, root: () => root };
}

describe('entente/portfolio over LSP', function () {
    this.timeout(60_000);
    const server = serverOn('test/fixtures/portfolio');

    it('answers with the whole workspace\'s portfolio as soon as it is asked, before any file is opened', async () => {
        const result = await server.client().connection.sendRequest(PortfolioRequest.type, {});
        assert.deepEqual(result.portfolio.charters.map(charter => charter.name), ['AcmeGlobex', 'AcmeInitech', 'AcmeUmbrella']);
        assert.equal(result.portfolio.people[0].role, 'Acme.AllianceLead');
        assert.equal(result.portfolio.people[0].overloaded, true);
        assert.equal(result.portfolio.people[0].source?.uri, pathToUri(path.join(server.root(), 'parties.charter')));
        assert.equal(result.maxInWorkspace, 15);
        assert.equal(result.portfolio.charters[0].path, 'acme-globex.charter');
    });

    it('answers `params: null`, and no params at all, as it answers `{}`: every parameter has its default', async () => {
        const withDefaults = await server.client().connection.sendRequest(PortfolioRequest.type, {});
        assert.deepEqual(await server.client().connection.sendRequest(PortfolioRequest.method, null), withDefaults);
        assert.deepEqual(await server.client().connection.sendRequest(PortfolioRequest.method), withDefaults);
    });

    it('tells the client when the workspace changed', async () => {
        const changed = new Promise<void>(resolve => server.client().connection.onNotification(WorkspaceChangedNotification.type, () => resolve()));
        await server.client().open(pathToUri(path.join(server.root(), 'acme-globex.charter')), fs.readFileSync(path.join(server.root(), 'acme-globex.charter'), 'utf8'));
        await changed;
    });
});

describe('entente/portfolio over LSP, with a journal', function () {
    this.timeout(60_000);
    const server = serverOn('test/fixtures/portfolio-journal');

    const due = async () => (await server.client().connection.sendRequest(PortfolioRequest.type, {})).portfolio.due.map(item => `${item.date} ${item.element}${item.overdue ? ' overdue' : ''}`);

    it('leaves out what the journal shows done, as the CLI does, and follows an edit of the journal', async () => {
        assert.deepEqual(await due(), [
            '2026-11-01 Pricing overdue', '2026-11-01 Training overdue', '2027-01-01 Pricing', '2027-01-01 Revenue', '2027-02-01 Pricing', '2027-02-01 Revenue'
        ]);
        const uri = pathToUri(path.join(server.root(), 'journals/launch-2026.charter'));
        const text = fs.readFileSync(path.join(server.root(), 'journals/launch-2026.charter'), 'utf8');
        await server.client().open(uri, text);
        await server.client().change(uri, text.replace(/ +2026-11-10 delivered Kit\n/, ''));
        assert.ok((await due()).includes('2026-12-15 Kit'), 'the launch kit is due again once its delivery is gone from the journal');
    });
});

describe('entente/portfolio over LSP, asked before a slow editor has sent its settings', function () {
    this.timeout(60_000);
    const server = serverOn('test/fixtures/portfolio-journal', 1_000);

    it('answers as of `entente.today`, not of the real date', async () => {
        const result = await server.client().connection.sendRequest(PortfolioRequest.type, {});
        assert.deepEqual(result.portfolio.due.map(item => `${item.date} ${item.element}${item.overdue ? ' overdue' : ''}`), [
            '2026-11-01 Pricing overdue', '2026-11-01 Training overdue', '2027-01-01 Pricing', '2027-01-01 Revenue', '2027-02-01 Pricing', '2027-02-01 Revenue'
        ]);
    });
});
