import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';

const DEAL = 'party Acme {}\nparty Globex {}\ncharter Deal { parties Acme, Globex }\n';

/** A workspace with a charter and a copy of it under pairs/; with or without a .ententeignore listing pairs/. */
function workspace(withIgnoreFile: boolean): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'entente-ignore-lsp-'));
    mkdirSync(path.join(folder, 'pairs'));
    writeFileSync(path.join(folder, 'deal.charter'), DEAL);
    writeFileSync(path.join(folder, 'pairs', 'copy.charter'), DEAL);
    if (withIgnoreFile) {
        writeFileSync(path.join(folder, '.ententeignore'), '# before/after copies\npairs/\n');
    }
    return folder;
}

async function workspaceCodes(folder: string): Promise<string[]> {
    const client = new LspTestClient();
    try {
        await client.initialize(folder);
        const diagnostics = await client.open(pathToUri(path.join(folder, 'deal.charter')), DEAL);
        return diagnostics.map(diagnostic => String(diagnostic.code));
    } finally {
        await client.dispose();
        rmSync(folder, { recursive: true, force: true });
    }
}

describe('the language server and .ententeignore', () => {
    it('leaves out of the workspace what .ententeignore lists, as entente check does', async () => {
        assert.ok(!(await workspaceCodes(workspace(true))).includes('duplicate-name'));
    });

    it('loads every charter of the folder when there is no .ententeignore', async () => {
        assert.ok((await workspaceCodes(workspace(false))).includes('duplicate-name'));
    });
});
