import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient, pathToUri } from '../../helpers/lsp-client.js';

/**
 * Issue #20, point 1: what the editor does to a file (open, edit, close,
 * rename, delete, or the disk changing under a closed file) never leaves the
 * server with another workspace than the one on disk plus the open tabs.
 */
const unresolved = (diagnostics: Diagnostic[]) => diagnostics.filter(diagnostic => diagnostic.code === 'unresolved-reference');

describe('the workspace as the editor opens, closes, renames and deletes party files', () => {
    let client: LspTestClient;
    let folder: string;
    let charter: string;
    let orbitPath: string;
    let orbit: string;
    let orbitText: string;

    const charterUnresolved = () => unresolved(client.latestDiagnostics(charter) ?? []).length;
    /** The charter's diagnostics once the server has checked it again. */
    const recheck = () => client.nextDiagnostics(charter).then(published => published.diagnostics);

    beforeEach(async () => {
        folder = mkdtempSync(path.join(tmpdir(), 'entente-workspace-files-'));
        cpSync(path.join(REPO_ROOT, 'examples/broken'), path.join(folder, 'broken'), { recursive: true });
        cpSync(path.join(REPO_ROOT, 'examples/parties'), path.join(folder, 'parties'), { recursive: true });
        client = new LspTestClient();
        await client.initialize(folder);
        const charterPath = path.join(folder, 'broken/orbit-kestrel.charter');
        charter = pathToUri(charterPath);
        orbitPath = path.join(folder, 'parties/orbit.charter');
        orbit = pathToUri(orbitPath);
        orbitText = readFileSync(orbitPath, 'utf8');
        assert.equal(unresolved(await client.open(charter, readFileSync(charterPath, 'utf8'))).length, 0);
    });
    afterEach(async () => {
        await client.dispose();
        rmSync(folder, { recursive: true, force: true });
    });

    it('keeps a party file declared after it was opened and closed unchanged', async () => {
        const opened = recheck();
        await client.open(orbit, orbitText);
        assert.equal(unresolved(await opened).length, 0);
        const closed = recheck();
        await client.close(orbit);
        assert.deepEqual(unresolved(await closed).map(d => d.message), []);
    });

    it('returns a party file closed without saving to its text on disk', async () => {
        // The charter is checked again after the party file that changed (opening it is a change): wait for that check.
        const opened = recheck();
        await client.open(orbit, orbitText);
        await opened;
        const edited = recheck();
        await client.change(orbit, orbitText.replace('party Orbit ', 'party Orbital '));
        assert.ok(unresolved(await edited).length > 0, 'the unsaved rename leaves Orbit.* unresolved');
        const closed = recheck();
        await client.close(orbit);
        assert.equal(unresolved(await closed).length, 0);
    });

    it('follows a closed party file changed on disk, and changed back', async () => {
        const changed = recheck();
        writeFileSync(orbitPath, orbitText.replace('party Orbit ', 'party Orbital '));
        await client.filesChanged([{ uri: orbit, type: 'changed' }]);
        assert.ok(unresolved(await changed).length > 0);
        const restored = recheck();
        writeFileSync(orbitPath, orbitText);
        await client.filesChanged([{ uri: orbit, type: 'changed' }]);
        assert.equal(unresolved(await restored).length, 0);
    });

    it('drops a party file deleted on disk while closed, and takes it back when it is created again', async () => {
        const deleted = recheck();
        unlinkSync(orbitPath);
        await client.filesChanged([{ uri: orbit, type: 'deleted' }]);
        assert.ok(unresolved(await deleted).length > 0);
        const created = recheck();
        writeFileSync(orbitPath, orbitText);
        await client.filesChanged([{ uri: orbit, type: 'created' }]);
        assert.equal(unresolved(await created).length, 0);
    });

    it('keeps the open text of a party file deleted on disk until its tab is closed', async () => {
        await client.open(orbit, orbitText);
        unlinkSync(orbitPath);
        await client.filesChanged([{ uri: orbit, type: 'deleted' }]);
        // An edit of the charter is checked after the deletion: Orbit still resolves.
        const text = readFileSync(path.join(folder, 'broken/orbit-kestrel.charter'), 'utf8');
        assert.equal(unresolved(await client.change(charter, `${text}\n`)).length, 0);
        const closed = recheck();
        await client.close(orbit);
        assert.ok(unresolved(await closed).length > 0, 'closed and gone from disk: Orbit is no longer declared');
    });

    it('follows a party file renamed while open, without a duplicate or a lost party', async () => {
        await client.open(orbit, orbitText);
        const renamedPath = path.join(folder, 'parties/orbit-robotics.charter');
        const renamed = pathToUri(renamedPath);
        renameSync(orbitPath, renamedPath);
        // What VS Code sends for a rename of an open file: close the old, open the new, then the watcher's events.
        await client.close(orbit);
        await client.open(renamed, orbitText);
        await client.filesChanged([{ uri: orbit, type: 'deleted' }, { uri: renamed, type: 'created' }]);
        const text = readFileSync(path.join(folder, 'broken/orbit-kestrel.charter'), 'utf8');
        const after = await client.change(charter, `${text}\n`);
        assert.equal(unresolved(after).length, 0);
        assert.ok(!after.some(diagnostic => diagnostic.code === 'duplicate-name'), JSON.stringify(after.map(d => d.message)));
        const closed = recheck();
        await client.close(renamed);
        assert.equal(unresolved(await closed).length, 0, 'the renamed file is on disk in the workspace: closing it keeps it');
    });

    it('forgets a file outside the workspace when it is closed, and never touches the workspace file of the same name', async () => {
        const outside = mkdtempSync(path.join(tmpdir(), 'entente-outside-'));
        try {
            const extraPath = path.join(outside, 'extra.charter');
            writeFileSync(extraPath, 'party Zenith {}\n');
            const extra = pathToUri(extraPath);
            const text = readFileSync(path.join(folder, 'broken/orbit-kestrel.charter'), 'utf8').replace('parties Orbit, Kestrel', 'parties Orbit, Kestrel, Zenith');
            assert.equal(unresolved(await client.change(charter, text)).length, 1, 'Zenith is declared nowhere yet');
            const opened = recheck();
            await client.open(extra, 'party Zenith {}\n');
            assert.equal(unresolved(await opened).length, 0);
            const closed = recheck();
            await client.close(extra);
            assert.equal(unresolved(await closed).length, 1, 'outside the workspace: forgotten on close, though still on disk');
            assert.equal(charterUnresolved(), 1);
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });
});
