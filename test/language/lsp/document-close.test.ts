import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';

const DUO = 'party Acme {}\nparty Globex {}\ncharter Duo { parties Acme, Globex }\n';

describe('closing a document in the editor', () => {
    let client: LspTestClient;
    let folder: string;

    before(async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'entente-close-'));
        writeFileSync(path.join(folder, 'saved.charter'), 'party Saved {}\n');
        client = new LspTestClient();
        await client.initialize(folder);
    });
    after(async () => {
        await client.dispose();
        rmSync(folder, { recursive: true, force: true });
    });

    it('forgets a scratch document, so its names no longer clash with others', async () => {
        const scratch = 'untitled:Untitled-1';
        const kept = 'untitled:Untitled-2';
        await client.open(scratch, DUO);
        const clashing = await client.open(kept, DUO.replace('Duo', 'Other'));
        assert.ok(clashing.some(diagnostic => diagnostic.code === 'duplicate-name'), JSON.stringify(clashing));
        const next = client.nextDiagnostics(kept);
        await client.close(scratch);
        const after = (await next).diagnostics;
        assert.ok(!after.some(diagnostic => diagnostic.code === 'duplicate-name'), JSON.stringify(after));
    });

    it('checks again a document whose names clashed with an edited one, though neither refers to the other', async () => {
        const first = 'untitled:Untitled-3';
        const second = 'untitled:Untitled-4';
        await client.open(first, 'party Initech {}\n');
        const clashing = await client.open(second, 'party Initech {}\n');
        assert.ok(clashing.some(diagnostic => diagnostic.code === 'duplicate-name'), JSON.stringify(clashing));
        const next = client.nextDiagnostics(second);
        await client.change(first, 'party Initrode {}\n');
        const after = (await next).diagnostics;
        assert.ok(!after.some(diagnostic => diagnostic.code === 'duplicate-name'), JSON.stringify(after));
        await client.close(first);
        await client.close(second);
    });

    it('reads a workspace file again from disk, dropping text that was never saved', async () => {
        const saved = pathToUri(path.join(folder, 'saved.charter'));
        const other = pathToUri(path.join(folder, 'other.charter'));
        await client.open(saved, 'party Saved {}\nparty Unsaved {}\n');
        // It refers to the saved file, so it is checked again when that file changes.
        const clashing = await client.open(other, 'party Unsaved {}\ncharter Pair { parties Saved, Unsaved }\n');
        assert.ok(clashing.some(diagnostic => diagnostic.code === 'duplicate-name'), JSON.stringify(clashing));
        const next = client.nextDiagnostics(other);
        await client.close(saved);
        const after = (await next).diagnostics;
        assert.ok(!after.some(diagnostic => diagnostic.code === 'duplicate-name'), JSON.stringify(after));
    });
});
