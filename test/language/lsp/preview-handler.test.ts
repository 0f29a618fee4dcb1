import * as assert from 'node:assert/strict';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol';
import { ModelChangedNotification, PreviewRequest } from '@entente/language/protocol';
import { LspTestClient } from '../../helpers/lsp-client.js';

const TEXT = `party Acme { role Lead }
party Globex { role Manager }
charter AcmeGlobex "Acme x Globex" {
    parties Acme, Globex
    decision Budget { decided by Acme }
    decision Prices { decided by Acme informs Globex.Nobody }
}
`;

describe('the entente/preview request and the entente/modelChanged notification', () => {
    let client: LspTestClient;
    const changes: ModelChangedNotification.Params[] = [];
    const uri = 'file:///preview/acme-globex.charter';

    before(async () => {
        client = new LspTestClient();
        client.connection.onNotification(ModelChangedNotification.type, params => { changes.push(params); });
        await client.initialize();
    });
    after(() => client.dispose());

    it('notifies after an open document is validated and answers with its models and findings', async () => {
        await client.open(uri, TEXT);
        await waitFor(() => changes.some(change => change.uri === uri && change.version === 1));
        const result = await client.connection.sendRequest(PreviewRequest.type, { uri });
        assert.ok(result);
        assert.equal(result.version, 1);
        assert.deepEqual(result.charters.map(charter => charter.model.name), ['AcmeGlobex']);
        assert.deepEqual(result.parties.map(party => party.name), ['Acme', 'Globex']);
        const [charter] = result.charters;
        assert.deepEqual(charter.model.parties, ['Acme', 'Globex']);
        assert.deepEqual(charter.model.decisions.map(decision => decision.name), ['Budget', 'Prices']);
        // The model carries source ranges, so a client can reveal any drawn element.
        assert.equal(charter.model.decisions[1].source.nameRange.start.line, 5);
        const unresolved = charter.findings.find(finding => finding.ruleId === 'unresolved-reference');
        assert.ok(unresolved, JSON.stringify(charter.findings));
        assert.equal(unresolved.line, 6);
        assert.equal(unresolved.severity, 'error');
        assert.match(result.docsBaseUrl, /^https:\/\//);
    });

    it('answers with the newest text even when asked before validation has finished', async () => {
        const renamed = TEXT.replace('AcmeGlobex', 'Renamed');
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: renamed }]
        });
        const result = await client.connection.sendRequest(PreviewRequest.type, { uri });
        assert.equal(result?.version, 2);
        assert.deepEqual(result?.charters.map(charter => charter.model.name), ['Renamed']);
        await waitFor(() => changes.some(change => change.uri === uri && change.version === 2));
    });

    it('keeps every element in the preview while a clause is typed in the middle of the charter, one keystroke at a time', async () => {
        const typed = 'votes by unanimity';
        const charter = (clause: string) => TEXT.replace('    decision Budget', `    body Board { members Acme, Globex ${clause} meets monthly }\n    decision Budget`);
        let version = 10;
        for (let length = 0; length <= typed.length; length++) {
            version++;
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version },
                contentChanges: [{ text: charter(typed.slice(0, length)) }]
            });
            const result = await client.connection.sendRequest(PreviewRequest.type, { uri });
            const model = result?.charters[0]?.model;
            const state = JSON.stringify(typed.slice(0, length));
            assert.equal(result?.version, version, state);
            assert.deepEqual(model?.bodies.map(body => `${body.name} ${body.members.length} ${body.meets}`), ['Board 2 monthly'], state);
            assert.deepEqual(model?.decisions.map(decision => decision.name), ['Budget', 'Prices'], state);
        }
    });

    it('answers null for a document the server does not know', async () => {
        assert.equal(await client.connection.sendRequest(PreviewRequest.type, { uri: 'file:///preview/unknown.charter' }), null);
    });

    it('answers null, not an internal error, to params that name no document (`null`, no `uri`, a number)', async () => {
        for (const params of [null, {}, { uri: 42 }]) {
            assert.equal(await client.connection.sendRequest(PreviewRequest.method, params), null, JSON.stringify(params));
        }
    });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!condition()) {
        if (Date.now() - start > timeoutMs) {
            throw new Error('condition not met in time');
        }
        await new Promise(resolve => setTimeout(resolve, 20));
    }
}
