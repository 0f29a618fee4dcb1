import * as assert from 'node:assert/strict';
import { DocumentSymbolRequest, PrepareRenameRequest, RenameRequest, type WorkspaceEdit } from 'vscode-languageserver-protocol/node.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

const TEXT = 'party Acme { role Lead }\nparty Globex { role Lead role Sponsor }\ncharter Deal {\n    parties Acme, Globex\n    decision Price { decided by Acme }\n    decision Budget { decided by Globex }\n    escalation Disputes\n    objective Growth\n    body Board { members Acme.Lead, Globex.Lead }\n}\n';
const ACME = { line: 0, character: 7 };
const PRICE = { line: 4, character: 14 };
const SPONSOR = { line: 1, character: 32 };
const BOARD = { line: 8, character: 10 };

/** Issue 21, item 8: rename refuses names that would break the charter; a malformed frame ends the server, loudly. */
describe('hostile input over LSP', function () {
    this.timeout(60_000);

    describe('rename', () => {
        let client: LspTestClient;
        const uri = 'file:///hostile/rename.charter';
        before(async () => {
            client = new LspTestClient();
            await client.initialize();
            await client.open(uri, TEXT);
        });
        after(() => client.dispose());

        const rename = (position: { line: number; character: number }, newName: string) =>
            client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName });

        for (const [newName, message] of [
            ['', /cannot be empty/],
            ['   ', /cannot be empty/],
            ['Two words', /not a name/],
            ['9lives', /not a name/],
            ['Acme-Corp', /not a name/],
            ['party', /keyword/],
            ['decision', /keyword/],
            ['Globex', /party named 'Globex' is already declared in the workspace/]
        ] as const) {
            it(`refuses ${JSON.stringify(newName)} with a clear error`, async () => {
                await assert.rejects(rename(ACME, newName), (error: Error) => message.test(error.message));
            });
        }

        it('refuses a name already used in the element\'s own scope, and accepts it in another', async () => {
            await assert.rejects(rename(PRICE, 'Budget'), /decision named 'Budget' is already declared in charter Deal/);
            await assert.rejects(rename(SPONSOR, 'Lead'), /role named 'Lead' is already declared in party Globex/);
            await assert.rejects(rename(PRICE, 'Disputes'), { message: "An escalation named 'Disputes' is already declared in charter Deal." });
            await assert.rejects(rename(PRICE, 'Growth'), { message: "An objective named 'Growth' is already declared in charter Deal." });
            await assert.rejects(rename(PRICE, 'Budget'), { message: "A decision named 'Budget' is already declared in charter Deal." });
            await assert.rejects(rename(BOARD, 'Acme'), { message: "A party named 'Acme' is already declared in the workspace: a body of that name would take its place wherever the charter names 'Acme'." });
            await assert.rejects(rename(ACME, 'Board'), { message: "A body named 'Board' is already declared in charter Deal: a party of that name would be hidden by it wherever that charter names 'Board'." });
            const edit = await rename(PRICE, 'Lead') as WorkspaceEdit;
            assert.equal(edit.changes?.[uri]?.[0].newText, 'Lead');
        });

        it('renames to a good name, and prepareRename still answers', async () => {
            const edit = await rename(ACME, 'Initech') as WorkspaceEdit;
            assert.ok((edit.changes?.[uri] ?? []).length >= 2);
            assert.ok((edit.changes?.[uri] ?? []).every(change => change.newText === 'Initech'));
            const range = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: ACME });
            assert.ok(range);
        });
    });

    describe('malformed frames', () => {
        const frames: Array<[string, string]> = [
            ['a missing Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
            ['a non-numeric Content-Length', 'Content-Length: lots\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
            ['a negative Content-Length', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"x"}'],
            ['LF-only headers', `Content-Length: 40\n\n{"jsonrpc":"2.0","id":1,"method":"x"}  ${' '.repeat(9000)}`]
        ];
        for (const [name, frame] of frames) {
            it(`after ${name}, the server logs it and exits so the client restarts it`, async () => {
                const client = new LspTestClient();
                try {
                    await client.initialize();
                    await client.open('file:///hostile/ok.charter', 'party Ok {}\n');
                    const exited = new Promise<number | null>(resolve => client.process.on('exit', code => resolve(code)));
                    client.process.stdin!.write(frame);
                    const code = await Promise.race([exited, new Promise<string>(resolve => setTimeout(() => resolve('still running'), 15_000))]);
                    assert.equal(code, 1, `the server is ${code === 'still running' ? 'still running (and will never answer)' : `gone with ${code}`}`);
                    assert.match(client.stderr, /malformed LSP message frame/);
                } finally {
                    await client.dispose();
                }
            });
        }

        it('a well-framed message that is not JSON still leaves the server answering', async () => {
            const client = new LspTestClient();
            try {
                await client.initialize();
                await client.open('file:///hostile/ok.charter', 'party Ok {}\n');
                const body = 'not json';
                client.process.stdin!.write(`Content-Length: ${body.length}\r\n\r\n${body}`);
                const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///hostile/ok.charter' } });
                assert.ok(Array.isArray(symbols));
                assert.equal(client.process.exitCode, null);
            } finally {
                await client.dispose();
            }
        });
    });
});
