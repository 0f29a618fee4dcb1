import * as assert from 'node:assert/strict';
import { DocumentSymbolRequest, HoverRequest, type DocumentSymbol, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { PreviewRequest } from '@entente/language/protocol';
import { renderView, VIEW_IDS } from '@entente/diagrams';
import { LspTestClient } from '../../helpers/lsp-client.js';

/** Bodies members of each other, and a body member of itself, with a journal meeting them: what an editor user sees. */
const CHARTER = `party Acme { role Lead role Sponsor }
party Globex { role Lead }
charter Loop {
    parties Acme, Globex
    body A { members B, Acme.Sponsor votes by majority meets quarterly }
    body B { members A, Acme.Lead, Globex.Lead votes by majority meets quarterly }
    body Self { members Self, Globex.Lead, Acme.Lead votes by unanimity }
    decision First { decided by A }
    decision Second { decided by B escalates to Disputes }
    decision Third { decided by Self }
    escalation Disputes { level B within 5 days level A within 5 days finally mediation "Mediator" }
}
journal Loop2026 for Loop {
    2026-01-10 met A with Acme.Sponsor, Globex.Lead
    2026-01-12 met B with Acme.Lead
}
`;

describe('bodies that are members of each other, over LSP', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const uri = 'file:///loop/loop.charter';
    const lines = CHARTER.split('\n');
    const at = (needle: string, offset: number) => {
        const line = lines.findIndex(text => text.includes(needle));
        return { line, character: lines[line].indexOf(needle) + offset };
    };
    const hover = async (needle: string, offset: number) =>
        ((await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(needle, offset) }))?.contents as MarkupContent | undefined)?.value ?? '';

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-02-01' } };
        await client.initialize();
    });
    after(() => client.dispose());

    it('checks the file, and shows both bodies of the cycle seating the same parties, each seat once', async () => {
        const diagnostics = await client.open(uri, CHARTER);
        assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => d.message), []);
        const a = await hover('body A', 5);
        const b = await hover('body B', 5);
        assert.match(a, /3 seats/);
        assert.match(a, /\| Acme \| 2 \| 100% \|/);
        assert.equal(b.split('\n').slice(2).join('\n'), a.split('\n').slice(2).join('\n'), `${a}\n---\n${b}`);
        assert.match(await hover('body Self', 5), /\| Acme \| 1 \|[\s\S]*\| Globex \| 1 \|/);
    });

    it('lists the bodies once each in the outline', async () => {
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as DocumentSymbol[];
        const loop = symbols.find(symbol => symbol.name === 'Loop');
        assert.deepEqual(loop?.children?.map(child => child.name), ['A', 'B', 'Self', 'First', 'Second', 'Third', 'Disputes']);
    });

    it('scores the charter with finite numbers and draws every view, the governance map among them', async () => {
        const preview = await client.connection.sendRequest(PreviewRequest.type, { uri });
        const charter = preview!.charters.find(entry => entry.model.name === 'Loop')!;
        const health = charter.health!;
        assert.ok(health.score !== null && Number.isFinite(health.score), JSON.stringify(health.score));
        for (const dimension of Object.values(health.dimensions)) {
            assert.ok(dimension.score === null || Number.isFinite(dimension.score));
        }
        const [a, b] = charter.model.bodies;
        assert.deepEqual(a.seatsByParty, b.seatsByParty);
        assert.equal(a.totalSeats, 3);
        for (const view of VIEW_IDS) {
            const svg = await renderView(view, { charter: charter.model, health, findings: charter.findings });
            assert.match(svg, /^<svg[\s\S]*<\/svg>\s*$/, view);
            assert.doesNotMatch(svg, /NaN|Infinity/, view);
        }
    });
});
