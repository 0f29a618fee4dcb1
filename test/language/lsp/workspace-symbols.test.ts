import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, WorkspaceSymbolRequest, type SymbolInformation, type WorkspaceSymbol } from 'vscode-languageserver-protocol/node.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** "Go to Symbol in Workspace" over the examples' workspace, as an editor asks for it. */
describe('workspace symbols over LSP', function () {
    this.timeout(60_000);
    let client: LspTestClient;

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        await client.initialize(EXAMPLES);
        const charter = path.join(EXAMPLES, 'reference/acme-globex.charter');
        await client.open(pathToUri(charter), fs.readFileSync(charter, 'utf8'));
    });
    after(() => client.dispose());

    async function symbols(query: string): Promise<string[]> {
        const found = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as Array<SymbolInformation | WorkspaceSymbol>;
        const kindName = (kind: SymbolKind) => Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0];
        return found.map(symbol => `${symbol.name}:${kindName(symbol.kind)}${symbol.containerName ? ` in ${symbol.containerName}` : ''}`);
    }

    it('finds the elements of a charter by name, each with its kind and its charter', async () => {
        assert.deepEqual(await symbols('SteeringCommittee'), ['SteeringCommittee:Struct in AcmeGlobex']);
        assert.ok((await symbols('Budget')).includes('Budget:Function in AcmeGlobex'));
        assert.ok((await symbols('Disputes')).includes('Disputes:Enum in AcmeGlobex'));
        assert.ok((await symbols('ShareRoadmap')).includes('ShareRoadmap:Interface in AcmeGlobex'));
        assert.ok((await symbols('JointRevenue')).includes('JointRevenue:Number in AcmeGlobex'));
        assert.ok((await symbols('JointPipeline')).includes('JointPipeline:Constant in AcmeGlobex'));
    });

    it('finds parties, roles as clauses name them, charters, journals and issues, as before', async () => {
        assert.ok((await symbols('Acme')).includes('Acme:Class'));
        assert.deepEqual(await symbols('Acme.Spo'), ['Acme.Sponsor:Field']);
        assert.ok((await symbols('AcmeGlobex')).includes('AcmeGlobex:Namespace'));
        assert.ok((await symbols('AcmeGlobex2026')).includes('AcmeGlobex2026:Module'));
        assert.ok((await symbols('NordicLeads')).includes('NordicLeads:Key in AcmeGlobex'));
    });
});
