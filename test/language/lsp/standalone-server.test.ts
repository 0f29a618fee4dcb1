import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import {
    CompletionRequest, DefinitionRequest, HoverRequest, type CompletionItem, type CompletionList, type Hover, type Location, type LocationLink
} from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

const BIN = path.join(REPO_ROOT, 'packages/language/bin/entente-language-server.js');

const PARTIES = `/** Acme's own organisation. */
party Acme "Acme Corporation" {
    /** Runs the alliance day to day. */
    role AllianceLead "Alliance manager"
}
party Globex "Globex Inc." {
    role PartnerManager "Partner manager"
}
`;
const CHARTER = `charter AcmeGlobex {
    parties Acme, Globex
    decision Budget {
        decided by Acme.AllianceLead
        informs Globex.Nobody
    }
    commitment Share {
        owner 
    }
}
`;

function hoverText(hover: Hover | null): string {
    const contents = hover?.contents;
    if (!contents) {
        return '';
    }
    if (typeof contents === 'string') {
        return contents;
    }
    if (Array.isArray(contents)) {
        return contents.map(part => typeof part === 'string' ? part : part.value).join('\n');
    }
    return contents.value;
}

/** Where a piece of text starts in a document, as an LSP position (offset picks a character inside it). */
function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
    const index = text.indexOf(needle);
    assert.ok(index >= 0, `${needle} not in text`);
    const before = text.slice(0, index + offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('the standalone language server (entente-language-server --stdio) with a client that is not VS Code', () => {
    let client: LspTestClient;
    const partiesUri = 'file:///standalone/parties.charter';
    const charterUri = 'file:///standalone/acme-globex.charter';

    before(async () => {
        client = new LspTestClient(BIN, ['--stdio']);
        await client.initialize();
        await client.open(partiesUri, PARTIES);
    });
    after(() => client.dispose());

    it('is installed as a bin, so `npx entente-language-server --stdio` works after npm install', () => {
        assert.equal(realpathSync(path.join(REPO_ROOT, 'node_modules/.bin/entente-language-server')), realpathSync(BIN));
    });

    it('answers initialize with the features other editors use', () => {
        const capabilities = client.initializeResult!.capabilities;
        assert.ok(capabilities.hoverProvider);
        assert.ok(capabilities.definitionProvider);
        assert.ok(capabilities.completionProvider);
        assert.ok(capabilities.textDocumentSync);
    });

    it('publishes diagnostics with rule ids and links to the rule docs', async () => {
        const diagnostics = await client.open(charterUri, CHARTER);
        const unresolved = diagnostics.find(diagnostic => diagnostic.code === 'unresolved-reference');
        assert.ok(unresolved, JSON.stringify(diagnostics));
        assert.equal(unresolved.range.start.line, 4);
        assert.match(unresolved.codeDescription?.href ?? '', /docs\/rules\/unresolved-reference\.md$/);
    });

    it('answers hover on a reference to a role declared in another file', async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: charterUri },
            position: positionOf(CHARTER, 'Acme.AllianceLead', 7)
        });
        assert.ok(hoverText(hover).length > 0, 'empty hover');
    });

    it('answers go to definition across files', async () => {
        const result = await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: charterUri },
            position: positionOf(CHARTER, 'Acme.AllianceLead', 7)
        });
        const targets = (Array.isArray(result) ? result : result ? [result] : []) as Array<Location | LocationLink>;
        assert.equal(targets.length, 1);
        const target = targets[0];
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetUri' in target ? target.targetSelectionRange : target.range;
        assert.equal(uri, partiesUri);
        assert.equal(range.start.line, positionOf(PARTIES, 'role AllianceLead').line);
    });

    it('completes the principals a commitment owner may name', async () => {
        const result = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: charterUri },
            position: positionOf(CHARTER, 'owner ', 'owner '.length)
        });
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
        const labels = items.map(item => item.label);
        assert.ok(labels.includes('Acme.AllianceLead'), labels.join(', '));
        assert.ok(labels.includes('Globex'), labels.join(', '));
    });
});

describe('the standalone language server run by hand', () => {
    it('without a transport, says how to start it (exit 2) instead of throwing a page of minified code', () => {
        const result = spawnSync(process.execPath, [BIN], { encoding: 'utf8', timeout: 30_000 });
        assert.equal(result.status, 2, result.stderr);
        assert.match(result.stderr, /^entente-language-server: name a transport\. Usage: entente-language-server --stdio \| --node-ipc \| --socket=PORT/);
        assert.ok(result.stderr.split('\n').length <= 4 && !/at |Error/.test(result.stderr), result.stderr);
        assert.equal(result.stdout, '');
    });

    it('prints its usage with --help (exit 0)', () => {
        const result = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', timeout: 30_000 });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^Usage: entente-language-server --stdio/);
    });
});
