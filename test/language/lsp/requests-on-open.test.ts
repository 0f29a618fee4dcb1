import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    CodeLensRequest, CompletionRequest, DidOpenTextDocumentNotification, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, SemanticTokensRequest,
    type CodeLens, type CompletionItem, type CompletionList, type DocumentSymbol, type FoldingRange, type Hover, type MarkupContent, type SemanticTokens
} from 'vscode-languageserver-protocol/node.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/operations');
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

/** What an editor asks for at once when it opens a file with the cursor in it. */
interface Answers {
    completion: CompletionItem[];
    hover: Hover | null;
    symbols: DocumentSymbol[];
    tokens: SemanticTokens | null;
    lenses: CodeLens[];
    folding: FoldingRange[];
}

/**
 * Sends `didOpen` for the files (as an editor restoring its tabs does) and,
 * in the same tick, the requests an editor sends for the last one, which has
 * the cursor: before, each of them failed with "No document found for URI"
 * (the document was created only once the build the opening queued had
 * started, after the server's first build or the one running).
 */
async function openAndAsk(client: LspTestClient, files: Array<[string, string]>, at: { line: number; character: number }): Promise<Answers> {
    for (const [uri, text] of files) {
        void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'charter', version: 1, text } });
    }
    const textDocument = { uri: files[files.length - 1][0] };
    const [completion, hover, symbols, tokens, lenses, folding] = await Promise.all([
        client.connection.sendRequest(CompletionRequest.type, { textDocument, position: at }),
        client.connection.sendRequest(HoverRequest.type, { textDocument, position: at }),
        client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
        client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }),
        client.connection.sendRequest(CodeLensRequest.type, { textDocument }),
        client.connection.sendRequest(FoldingRangeRequest.type, { textDocument })
    ]);
    const items = Array.isArray(completion) ? completion : (completion as CompletionList | null)?.items ?? [];
    return { completion: items, hover, symbols: (symbols ?? []) as DocumentSymbol[], tokens, lenses: lenses ?? [], folding: folding ?? [] };
}

const positionOf = (text: string, needle: string, offset = 0) => {
    const index = text.indexOf(needle) + offset;
    const before = text.slice(0, index).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
};

describe('requests sent in the same tick as didOpen', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const charter = read('acme-globex.charter');
    const journal = read('acme-globex-2026.charter');

    beforeEach(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-07-02' } };
        await client.initialize();
    });
    afterEach(() => client.dispose());

    it('answers them for a charter as for the text just opened', async () => {
        const answers = await openAndAsk(client, [['file:///open/parties/acme.charter', read('parties/acme.charter')], ['file:///open/acme-globex.charter', charter]], positionOf(charter, 'body SteeringCommittee', 'body '.length));
        assert.match((answers.hover?.contents as MarkupContent).value, /SteeringCommittee/);
        assert.ok(answers.symbols.some(symbol => symbol.name === 'AcmeGlobex' && symbol.children?.some(child => child.name === 'SteeringCommittee')));
        assert.ok((answers.tokens?.data.length ?? 0) > 0, 'semantic tokens');
        assert.ok(answers.lenses.some(lens => /^Design \d+/.test(lens.command?.title ?? '')), answers.lenses.map(lens => lens.command?.title).join('\n'));
        assert.ok(answers.folding.length > 0, 'folding ranges');
        assert.ok(Array.isArray(answers.completion));
    });

    it('answers them for a journal, opened with the charter it is for', async () => {
        const at = positionOf(journal, 'met SteeringCommittee', 'met '.length);
        const answers = await openAndAsk(client, [
            ['file:///open/parties/acme.charter', read('parties/acme.charter')], ['file:///open/acme-globex.charter', charter], ['file:///open/acme-globex-2026.charter', journal]
        ], at);
        assert.match((answers.hover?.contents as MarkupContent).value, /SteeringCommittee/);
        assert.ok(answers.completion.some(item => item.label === 'SteeringCommittee'), answers.completion.map(item => item.label).join(', '));
        assert.ok(answers.symbols.some(symbol => symbol.name === 'AcmeGlobex2026'), answers.symbols.map(symbol => symbol.name).join(', '));
        assert.ok((answers.tokens?.data.length ?? 0) > 0, 'semantic tokens');
        assert.ok(answers.folding.length > 0, 'folding ranges');
        assert.ok(Array.isArray(answers.lenses));
    });

    it('answers them for a journal opened before anything else, with nothing to link to yet', async () => {
        const answers = await openAndAsk(client, [['file:///open/acme-globex-2026.charter', journal]], positionOf(journal, '2026-04-22 met ', '2026-04-22 met '.length));
        assert.ok(answers.symbols.some(symbol => symbol.name === 'AcmeGlobex2026'));
        assert.ok(answers.folding.length > 0);
    });

    it('answers them for a file opened while the server builds another one being typed in', async () => {
        await client.open('file:///open/acme-globex.charter', charter);
        void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///open/acme-globex.charter', version: 2 }, contentChanges: [{ text: `${charter}\n` }] });
        const answers = await openAndAsk(client, [['file:///open/acme-globex-2026.charter', journal]], positionOf(journal, '2026-04-22 met ', '2026-04-22 met '.length));
        assert.ok(answers.symbols.some(symbol => symbol.name === 'AcmeGlobex2026'), answers.symbols.map(symbol => symbol.name).join(', '));
        assert.ok(answers.completion.some(item => item.label === 'SteeringCommittee'), answers.completion.map(item => item.label).join(', '));
    });

    it('still refuses a request about a document that is open nowhere, and answers the one opened after it', async () => {
        const uri = 'file:///open/never-opened.charter';
        await assert.rejects(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
        const answers = await openAndAsk(client, [[uri, charter]], positionOf(charter, 'body SteeringCommittee', 'body '.length));
        assert.ok(answers.symbols.some(symbol => symbol.name === 'AcmeGlobex'));
    });

    it('answers for the text the editor opened, not the file on disk, while the server is still starting', async () => {
        // A tab restored with unsaved changes: before, its outline (and colours, lenses, …) were the saved file's until the next edit.
        await client.dispose();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-open-'));
        const disk = 'party Acme { role Lead }\nparty Globex { role Lead }\ncharter Deal {\n    parties Acme, Globex\n    decision Saved { decided by Acme }\n}\n';
        fs.writeFileSync(path.join(folder, 'deal.charter'), disk);
        client = new LspTestClient();
        await client.initialize(folder);
        const unsaved = disk.replace('decision Saved', 'body Board { members Acme.Lead, Globex.Lead }\n    decision Unsaved');
        const answers = await openAndAsk(client, [[pathToUri(path.join(folder, 'deal.charter')), unsaved]], positionOf(unsaved, 'body Board', 'body '.length));
        assert.deepEqual(answers.symbols.find(symbol => symbol.name === 'Deal')?.children?.map(child => child.name), ['Board', 'Unsaved']);
        assert.match((answers.hover?.contents as MarkupContent).value, /Board/);
        fs.rmSync(folder, { recursive: true, force: true });
    });
});
