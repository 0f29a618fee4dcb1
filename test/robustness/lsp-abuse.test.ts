import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
    CancellationTokenSource, CompletionRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, FileChangeType,
    HoverRequest, DefinitionRequest, DocumentSymbolRequest
} from 'vscode-languageserver-protocol/node.js';
import { LspTestClient } from '../helpers/lsp-client.js';

const GOOD = 'party Acme { role Lead }\nparty Globex { role Lead }\ncharter Deal {\n    parties Acme, Globex\n    decision Price { decided by Acme }\n}\n';

function rssKiB(pid: number): number {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

/** The server is alive and answering: a hover on a known document comes back. */
async function assertAnswering(client: LspTestClient, uri: string): Promise<void> {
    const hover = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(hover), 'document symbols answered');
    assert.equal(client.process.exitCode, null, 'the server is still running');
}

describe('the language server under abuse', function () {
    this.timeout(120_000);
    let client: LspTestClient;
    const uri = 'file:///abuse/deal.charter';

    beforeEach(async () => {
        client = new LspTestClient();
        await client.initialize();
        await client.open(uri, GOOD);
    });
    afterEach(() => client.dispose());

    it('survives malformed JSON-RPC on its input', async () => {
        const body = '{"jsonrpc": "2.0", "id": 99, "method": ';
        client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        const notJson = 'this is not json at all';
        client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(notJson)}\r\n\r\n${notJson}`);
        const unknownMethod = JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'entente/doesNotExist', params: {} });
        client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(unknownMethod)}\r\n\r\n${unknownMethod}`);
        await new Promise(resolve => setTimeout(resolve, 300));
        await assertAnswering(client, uri);
    });

    it('answers requests for unknown documents and out-of-range positions without falling over', async () => {
        const unknown = 'file:///abuse/never-opened.charter';
        for (const request of [HoverRequest.method, DefinitionRequest.method, CompletionRequest.method]) {
            await client.connection.sendRequest(request, { textDocument: { uri: unknown }, position: { line: 3, character: 4 } }).catch(() => undefined);
            await client.connection.sendRequest(request, { textDocument: { uri }, position: { line: 10_000, character: 10_000 } }).catch(() => undefined);
            await client.connection.sendRequest(request, { textDocument: { uri }, position: { line: -1, character: -5 } }).catch(() => undefined);
        }
        await assertAnswering(client, uri);
    });

    it('keeps up with 1,000 edits in a second with cancelled requests in between, ending on the last version', async () => {
        let text = GOOD;
        const started = Date.now();
        for (let version = 2; version <= 1001; version++) {
            text = version % 2 ? text.replace('Price', 'Prices') : text.replace('Prices', 'Price');
            void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: `${text}// ${version}\n` }] });
            if (version % 50 === 0) {
                const source = new CancellationTokenSource();
                const pending = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 15 } }, source.token).catch(() => undefined);
                source.cancel();
                await pending;
            }
        }
        const last = await client.nextDiagnostics(uri, 1001, 30_000);
        assert.equal(last.version, 1001);
        assert.ok(Date.now() - started < 30_000);
        await assertAnswering(client, uri);
    });

    it('copes with a file deleted while open', async () => {
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
        await new Promise(resolve => setTimeout(resolve, 300));
        const diagnostics = await client.change(uri, GOOD.replace('Globex', 'Globex2'));
        assert.ok(Array.isArray(diagnostics));
        await assertAnswering(client, uri);
    });

    it('does not grow its memory without bound over 10,000 edits', async () => {
        const pid = client.process.pid!;
        const warmUp = async (from: number, count: number) => {
            for (let version = from; version < from + count; version++) {
                void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                    textDocument: { uri, version }, contentChanges: [{ text: `${GOOD}// edit ${version}\n` }]
                });
                if (version % 500 === 0) {
                    await client.nextDiagnostics(uri, version, 30_000);
                }
            }
            await client.nextDiagnostics(uri, from + count - 1, 30_000);
        };
        await warmUp(2, 1_000);
        const before = rssKiB(pid);
        await warmUp(1_002, 10_000);
        const after = rssKiB(pid);
        assert.ok(after - before < 64 * 1024, `RSS grew from ${before} KiB to ${after} KiB`);
        await assertAnswering(client, uri);
    });
});
