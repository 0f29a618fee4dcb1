import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentFormattingRequest, DocumentRangeFormattingRequest, type TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lsp-client.js';

const URI = 'file:///fmt/deal.charter';
const MESSY = 'party A { role R }\nparty B {role R}\ncharter C {\n  parties A , B\n      vision "v" }\n';

describe('formatting over LSP', function () {
    this.timeout(30_000);
    let client: LspTestClient;
    beforeEach(async () => {
        client = new LspTestClient();
        await client.initialize();
        await client.open(URI, MESSY);
    });
    afterEach(async () => { await client.dispose(); });

    const apply = (edits: TextEdit[] | null) => TextDocument.applyEdits(TextDocument.create(URI, 'charter', 1, MESSY), edits ?? []);

    it('advertises document and range formatting', () => {
        const capabilities = client.initializeResult!.capabilities;
        assert.ok(capabilities.documentFormattingProvider);
        assert.ok(capabilities.documentRangeFormattingProvider);
    });

    it('formats the whole document into the canonical layout', async () => {
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
        assert.equal(apply(edits), 'party A {\n    role R\n}\n\nparty B {\n    role R\n}\n\ncharter C {\n    parties A, B\n    vision "v"\n}\n');
    });

    it('formats only the lines of a range', async () => {
        const edits = await client.connection.sendRequest(DocumentRangeFormattingRequest.type, {
            textDocument: { uri: URI }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 15 } }, options: { tabSize: 4, insertSpaces: true }
        });
        assert.equal(apply(edits), 'party A { role R }\nparty B {role R}\ncharter C {\n    parties A, B\n      vision "v" }\n');
    });

    it('does not touch a document with syntax errors', async () => {
        await client.change(URI, 'charter C { parties A,, B');
        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } });
        assert.deepEqual(edits ?? [], []);
    });
});
