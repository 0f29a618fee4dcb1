import * as assert from 'node:assert/strict';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

const TEXT = `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor }
charter Deal "Acme x Globex" {
    parties Acme
    body Board "Joint board" { members Acme.Lead }
    decision Pricing { decided by Board }
}
`;

/** The outline an editor shows (VS Code's Outline, breadcrumbs, "Go to Symbol in Editor"). */
describe('document symbols over LSP', function () {
    this.timeout(30_000);
    let client: LspTestClient;
    const uri = 'file:///symbols/deal.charter';

    before(async () => {
        client = new LspTestClient();
        await client.initialize();
        await client.open(uri, TEXT);
    });
    after(() => client.dispose());

    it('shows each element\'s title beside its name, and nothing beside an element without one', async () => {
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
        const flat = (list: DocumentSymbol[]): string[] => list.flatMap(symbol => [`${symbol.name}${symbol.detail === undefined ? '' : ` — ${symbol.detail}`}`, ...flat(symbol.children ?? [])]);
        assert.deepEqual(flat(symbols), [
            'Acme — Acme Corporation', 'Lead — Alliance manager', 'Sponsor',
            'Deal — Acme x Globex', 'Board — Joint board', 'Pricing'
        ]);
    });

    it('lists a charter\'s elements in the order they are written, whatever their kinds', async () => {
        // Before, the outline went by kind: the bodies, then the decisions, then the commitments, …
        const text = TEXT.replace('    body Board', '    commitment Report { owner Acme }\n    decision First { decided by Acme }\n    body Board')
            .replace('    decision Pricing { decided by Board }', '    decision Pricing { decided by Board }\n    body Late { members Acme.Sponsor }');
        await client.change(uri, text);
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
        assert.deepEqual(symbols.find(symbol => symbol.name === 'Deal')?.children?.map(child => child.name), ['Report', 'First', 'Board', 'Pricing', 'Late']);
        await client.change(uri, TEXT);
    });

    it('shows an element whose name is not written yet as unnamed, at its keyword, with what it holds', async () => {
        // Before, `decision { … }` and `body` without a name were left out of the outline, and their roles came up a level.
        const text = TEXT.replace('    decision Pricing', '    body { members Acme.Lead }\n    decision "Prices" { decided by Board }\n    decision Pricing')
            .replace('role Sponsor }', 'role Sponsor }\nparty { role Chief }');
        await client.change(uri, text);
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
        const tree = (list: DocumentSymbol[]): unknown[] => list.map(symbol => symbol.children?.length ? [symbol.name, tree(symbol.children)] : symbol.name);
        assert.deepEqual(tree(symbols), [['Acme', ['Lead', 'Sponsor']], ['(unnamed party)', ['Chief']], ['Deal', ['Board', '(unnamed body)', '(unnamed decision)', 'Pricing']]]);
        const lines = text.split('\n');
        const decision = symbols[2].children!.find(symbol => symbol.name === '(unnamed decision)')!;
        assert.equal(decision.detail, 'Prices');
        const line = lines.findIndex(l => l.includes('decision "Prices"'));
        assert.deepEqual(decision.selectionRange, { start: { line, character: 4 }, end: { line, character: 12 } }, 'at the keyword');
        await client.change(uri, TEXT);
    });
});
