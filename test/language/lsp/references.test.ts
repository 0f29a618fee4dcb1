import * as assert from 'node:assert/strict';
import { DefinitionRequest, ReferencesRequest, RenameRequest, type Location, type LocationLink, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../../helpers/lsp-client.js';

const PARTIES_URI = 'file:///refs/parties.charter';
const DEAL_URI = 'file:///refs/deal.charter';
const PARTIES = 'party Acme { role Lead }\nparty Globex { role Lead }\n';
const DEAL = `charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme.Lead, Globex }
    decision Pricing { decided by Acme }
}
`;

function lines(locations: Location[] | null): string[] {
    return (locations ?? []).map(location => `${location.uri.split('/').pop()}:${location.range.start.line}:${location.range.start.character}`).sort();
}

/** The reference index is made on demand (charter-index-manager.ts): searches must still see every file's latest text. */
describe('find references and rename over LSP', function () {
    this.timeout(30_000);
    let client: LspTestClient;

    beforeEach(async () => {
        client = new LspTestClient();
        await client.initialize();
        await client.open(PARTIES_URI, PARTIES);
        await client.open(DEAL_URI, DEAL);
    });
    afterEach(async () => { await client.dispose(); });

    it('finds the references to a party in every open file, including its part of Party.Role, and follows edits', async () => {
        const acme = { textDocument: { uri: PARTIES_URI }, position: { line: 0, character: 7 }, context: { includeDeclaration: false } };
        assert.deepEqual(lines(await client.connection.sendRequest(ReferencesRequest.type, acme)), ['deal.charter:1:12', 'deal.charter:2:33', 'deal.charter:3:34']);
        const lead = { textDocument: { uri: PARTIES_URI }, position: { line: 0, character: 20 }, context: { includeDeclaration: false } };
        assert.deepEqual(lines(await client.connection.sendRequest(ReferencesRequest.type, lead)), ['deal.charter:2:38']);
        await client.change(DEAL_URI, DEAL.replace('decision Pricing { decided by Acme }', 'decision Pricing { decided by Globex }\n    decision Rebates { decided by Acme }'));
        assert.deepEqual(lines(await client.connection.sendRequest(ReferencesRequest.type, acme)), ['deal.charter:1:12', 'deal.charter:2:33', 'deal.charter:4:34']);
    });

    it('renames a role across files, changing only the role part of Party.Role', async () => {
        const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: PARTIES_URI }, position: { line: 0, character: 20 }, newName: 'Sponsor' }) as WorkspaceEdit;
        const changes = edit.changes ?? {};
        assert.deepEqual(Object.keys(changes).sort(), [DEAL_URI, PARTIES_URI]);
        assert.deepEqual(changes[DEAL_URI].map(change => [change.range.start.line, change.range.start.character, change.range.end.character, change.newText]), [[2, 38, 42, 'Sponsor']]);
    });

    it('renames a party across files, including the party part of Party.Role', async () => {
        const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: DEAL_URI }, position: { line: 1, character: 13 }, newName: 'Initech' }) as WorkspaceEdit;
        const changes = edit.changes ?? {};
        assert.deepEqual(changes[PARTIES_URI].map(change => [change.range.start.line, change.range.start.character, change.newText]), [[0, 6, 'Initech']]);
        assert.deepEqual(changes[DEAL_URI].map(change => [change.range.start.line, change.range.start.character, change.range.end.character]).sort(),
            [[1, 12, 16], [2, 33, 37], [3, 34, 38]]);
    });

    it('goes to the party from the party part of Party.Role, and to the role from its own part', async () => {
        const partyPart = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: DEAL_URI }, position: { line: 2, character: 35 } }) as LocationLink[];
        assert.deepEqual(partyPart.map(link => [link.targetUri, link.targetSelectionRange.start.line, link.targetSelectionRange.start.character]), [[PARTIES_URI, 0, 6]]);
        const rolePart = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: DEAL_URI }, position: { line: 2, character: 40 } }) as LocationLink[];
        assert.deepEqual(rolePart.map(link => [link.targetUri, link.targetSelectionRange.start.line, link.targetSelectionRange.start.character]), [[PARTIES_URI, 0, 18]]);
    });

    it('checks a charter again when a file it refers to changes', async () => {
        const stillResolved = client.nextDiagnostics(DEAL_URI);
        await client.change(PARTIES_URI, PARTIES.replace('party Acme { role Lead }', 'party Acme { role Sponsor }'));
        const diagnostics = (await stillResolved).diagnostics;
        assert.ok(diagnostics.some(d => d.code === 'unresolved-reference' && d.message.includes('Lead')), JSON.stringify(diagnostics.map(d => d.message)));
        await client.change(PARTIES_URI, PARTIES);
        await client.waitForDiagnostics(DEAL_URI, found => !found.some(d => d.code === 'unresolved-reference'));
    });
});
