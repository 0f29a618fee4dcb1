import * as assert from 'node:assert/strict';
import { CodeLensRequest } from 'vscode-languageserver-protocol/node.js';
import { journalCase } from '../../helpers/journal-cases.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

/** The journal case's charter, without its journal and its parties: a party file declaring roles is checked again after any change anyway. */
const [PARTIES, CHARTER] = (() => {
    const lines = journalCase([]).split('journal Deal2026')[0].split('\n');
    return [lines.filter(line => line.startsWith('party ')).join('\n'), lines.filter(line => !line.startsWith('party ')).join('\n')];
})();
const journal = (name: string, entries: string[], charter = 'Deal') => `journal ${name} for ${charter} {\n${entries.map(entry => `    ${entry}\n`).join('')}}\n`;
const MET = '2026-01-20 met Steering with Acme.Sponsor, Globex.Sponsor';

describe('a charter and its journals in separate files, over LSP: an edit of a journal refreshes the others', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const charterUri = 'file:///refresh/deal.charter';
    const journalUri = 'file:///refresh/journals/deal-2026.charter';
    const olderUri = 'file:///refresh/journals/deal-2025.charter';
    let refreshes = 0;
    const modelChanged: string[] = [];

    const until = async (what: string, condition: () => boolean, timeoutMs = 15_000) => {
        const deadline = Date.now() + timeoutMs;
        while (!condition()) {
            assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
            await new Promise(resolve => setTimeout(resolve, 20));
        }
    };
    const lensTitle = async () => (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: charterUri } }))?.[0]?.command?.title ?? '';
    const execution = (title: string) => /Execution (\d+|not measured)/.exec(title)?.[1];

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        client.workspaceCapabilities = { codeLens: { refreshSupport: true } };
        client.connection.onRequest('workspace/codeLens/refresh', () => {
            refreshes++;
            return null;
        });
        client.connection.onNotification('entente/modelChanged', (params: { uri: string }) => modelChanged.push(params.uri));
        await client.initialize();
        await client.open('file:///refresh/parties.charter', PARTIES);
        await client.open(charterUri, CHARTER);
        await client.open(journalUri, journal('Deal2026', [MET, '2026-04-02 delivered Roadmap']));
    });
    after(() => client.dispose());

    it('validates the charter again, tells the client its model changed and asks it to fetch the health code lens again', async () => {
        const before = await lensTitle();
        assert.match(before, /^Design \d+ · Execution \d+/, before);
        const [refreshesBefore, charterDiagnostics] = [refreshes, client.nextDiagnostics(charterUri)];
        modelChanged.length = 0;
        await client.change(journalUri, journal('Deal2026', [MET, '2026-04-02 delivered Roadmap', '2026-04-21 met Steering', '2026-07-02 delivered Roadmap', '2026-07-20 met Steering', '2026-10-01 delivered Roadmap', '2026-10-20 met Steering']));
        await charterDiagnostics;
        await until('the charter\'s entente/modelChanged', () => modelChanged.includes(charterUri));
        await until('workspace/codeLens/refresh', () => refreshes > refreshesBefore);
        const after = await lensTitle();
        assert.ok(Number(execution(after)) > Number(execution(before)), `execution up with the meetings and deliveries: ${before} → ${after}`);
    });

    it('sends the edited journal\'s diagnostics first, then those of the party file and the charter checked again because of it', async () => {
        const partiesUri = 'file:///refresh/parties.charter';
        const arrived: string[] = [];
        const watched = [partiesUri, charterUri, journalUri].map(uri => client.nextDiagnostics(uri).then(() => arrived.push(uri)));
        await client.change(journalUri, journal('Deal2026', [MET, '2026-04-02 delivered Roadmap', '2026-05-02 note "Order"']));
        await Promise.all(watched);
        assert.equal(arrived[0], journalUri, `in the order the server sent them: ${arrived.join(', ')}`);
        assert.deepEqual([...arrived].sort(), [partiesUri, charterUri, journalUri].sort());
    });

    it('moves a finding about the charter as a whole to the other journal when this one stops being the current one', async () => {
        await client.change(journalUri, journal('Deal2026', ['2026-03-01 note "Kick-off"']));
        await client.open(olderUri, journal('Deal2025', ['2026-02-10 met Steering']));
        const reviewOverdue = (diagnostics: Array<{ code?: string | number }> | undefined) => (diagnostics ?? []).some(diagnostic => diagnostic.code === 'review-overdue');
        await client.waitForDiagnostics(journalUri, reviewOverdue);
        assert.ok(!reviewOverdue(client.latestDiagnostics(olderUri)), 'the charter-wide finding stands once, in the journal with the latest entry');
        await client.change(journalUri, journal('Deal2026', ['2026-01-05 note "Kick-off"']));
        await client.waitForDiagnostics(olderUri, reviewOverdue);
        assert.ok(!reviewOverdue(client.latestDiagnostics(journalUri)));
        await client.close(olderUri);
    });

    it('tells the charter an overdue commitment was delivered once the journal records it, and forgets it when the entry goes', async () => {
        const overdueAudit = (delivered: boolean) => (diagnostics: Array<{ code?: string | number; message: string }> | undefined) =>
            (diagnostics ?? []).some(diagnostic => diagnostic.code === 'overdue-commitment' && /\bAudit\b/.test(diagnostic.message) && diagnostic.message.includes('records it delivered') === delivered);
        await client.change(charterUri, CHARTER.replace('    metric Revenue', '    commitment Audit { owner Acme.AllianceLead to Globex due 2026-05-31 }\n    metric Revenue'));
        await client.waitForDiagnostics(charterUri, overdueAudit(false));
        await client.change(journalUri, journal('Deal2026', [MET, '2026-06-04 delivered Audit']));
        await client.waitForDiagnostics(charterUri, overdueAudit(true));
        await client.waitForDiagnostics(journalUri, diagnostics => (diagnostics ?? []).some(diagnostic => diagnostic.code === 'late-delivery'));
        await client.change(journalUri, journal('Deal2026', [MET]));
        await client.waitForDiagnostics(charterUri, overdueAudit(false));
        await client.change(charterUri, CHARTER);
    });

    it('refreshes the charter a journal names once its `for` is typed to the end', async () => {
        await client.change(journalUri, journal('Deal2026', [MET], 'Dea'));
        const unmeasured = await lensTitle();
        assert.match(unmeasured, /Execution not measured/, 'a journal for no charter measures nothing');
        modelChanged.length = 0;
        const refreshesBefore = refreshes;
        await client.change(journalUri, journal('Deal2026', [MET]));
        await until('the charter\'s entente/modelChanged', () => modelChanged.includes(charterUri));
        await until('workspace/codeLens/refresh', () => refreshes > refreshesBefore);
        assert.match(await lensTitle(), /Execution \d+/);
    });
});
