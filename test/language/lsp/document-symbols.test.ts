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
});
