import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli, type CliResult } from '../helpers/cli.js';

const CLI_PACKAGE = path.join(REPO_ROOT, 'packages/cli');
const PACKAGE_FILES = ['bin/entente.js', 'bin/package.json', 'dist/launch.cjs', 'dist/entente.cjs', 'dist/diagrams.cjs', 'dist/entente.code-cache'];
/** The broken example and its parties: findings of many rules, so much of the bundle runs. */
const CHARTERS = ['examples/broken/orbit-kestrel.charter', 'examples/parties/kestrel.charter', 'examples/parties/orbit.charter'];
const ARGS = ['check', '.', '--today', '2026-11-22'];
/** The launcher's digest: SHA-256 of the bundle and the V8 data, before the V8 data (packages/cli/src/launch.ts). */
const DIGEST_LENGTH = 32;

/**
 * A copy of the built CLI package (bin and dist, with the cache the build
 * made) and a charter beside it, in a folder anyone may read, so each test
 * can do what it likes to the cache.
 */
const made: string[] = [];

function temporaryFolder(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-code-cache-'));
    made.push(folder);
    return folder;
}

function copyOfPackage(): { root: string; cache: string; bundle: string } {
    const root = temporaryFolder();
    fs.chmodSync(root, 0o755);
    for (const file of PACKAGE_FILES) {
        fs.mkdirSync(path.join(root, 'package', path.dirname(file)), { recursive: true });
        fs.copyFileSync(path.join(CLI_PACKAGE, file), path.join(root, 'package', file));
    }
    copyCharters(root);
    return { root, cache: path.join(root, 'package/dist/entente.code-cache'), bundle: path.join(root, 'package/dist/entente.cjs') };
}

function copyCharters(folder: string): void {
    fs.mkdirSync(path.join(folder, 'charters'));
    for (const charter of CHARTERS) {
        fs.copyFileSync(path.join(REPO_ROOT, charter), path.join(folder, 'charters', path.basename(charter)));
    }
}

/** Runs the copy's `bin/entente.js` as a process with `NODE_DEBUG=entente`, so stderr says what became of the cache. */
function runCopy(root: string, options: { env?: NodeJS.ProcessEnv; wrapper?: string[]; args?: string[] } = {}): CliResult {
    const [command, ...prefix] = [...(options.wrapper ?? []), process.execPath];
    const result = spawnSync(command, [...prefix, path.join(root, 'package/bin/entente.js'), ...ARGS, ...(options.args ?? [])], {
        cwd: path.join(root, 'charters'),
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, NODE_OPTIONS: undefined, NODE_DEBUG: 'entente', ...options.env },
        encoding: 'utf8',
        timeout: 60_000
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** What the real CLI prints for the charter: the findings and exit code every run below must give. */
let expected: CliResult;

function assertSameCheck(result: CliResult): void {
    assert.equal(result.code, expected.code, result.stderr);
    assert.equal(result.stdout, expected.stdout);
    assert.equal(result.stderr.replace(/^ENTENTE \d+: .*\n/gm, ''), '', 'nothing on stderr but the debug lines');
}

function assertCacheUsed(root: string): void {
    const again = runCopy(root);
    assertSameCheck(again);
    assert.match(again.stderr, /code cache .*: used/, again.stderr);
}

function rewriteDigest(cache: string, bundle: string): void {
    const bytes = fs.readFileSync(cache);
    const data = bytes.subarray(DIGEST_LENGTH);
    createHash('sha256').update(fs.readFileSync(bundle)).update(data).digest().copy(bytes, 0);
    fs.writeFileSync(cache, bytes);
}

describe('the CLI\'s V8 code cache', function () {
    this.timeout(60_000);

    before(() => {
        const folder = temporaryFolder();
        copyCharters(folder);
        expected = runCli(ARGS, { cwd: path.join(folder, 'charters') });
        assert.equal(expected.code, 0, expected.stderr);
        assert.match(expected.stdout, /one-sided-decision-rights/);
    });

    after(() => {
        for (const folder of made) {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('is made by the build, and used as it is', () => {
        const { root, cache } = copyOfPackage();
        const before = fs.readFileSync(cache);
        const result = runCopy(root);
        assertSameCheck(result);
        assert.match(result.stderr, /code cache .*: used/, result.stderr);
        assert.ok(before.equals(fs.readFileSync(cache)), 'a run that uses the cache leaves it alone');
    });

    it('when missing: the check is the same, and the run writes one the next run uses', () => {
        const { root, cache } = copyOfPackage();
        fs.rmSync(cache);
        const result = runCopy(root);
        assertSameCheck(result);
        assert.match(result.stderr, /code cache .*: none, or not of this bundle; compiling from source/);
        assert.match(result.stderr, /code cache .*: written/);
        assertCacheUsed(root);
    });

    it('when damaged: it never reaches V8 (which would abort), the check is the same, and it is replaced', () => {
        const { root, cache } = copyOfPackage();
        const bytes = fs.readFileSync(cache);
        for (let index = DIGEST_LENGTH + 64; index < bytes.length; index += 997) {
            bytes[index] ^= 0x5a;
        }
        fs.writeFileSync(cache, bytes);
        const result = runCopy(root);
        assertSameCheck(result);
        assert.match(result.stderr, /none, or not of this bundle; compiling from source/);
        assertCacheUsed(root);
    });

    it('when cut short or empty: the check is the same', () => {
        const { root, cache } = copyOfPackage();
        fs.writeFileSync(cache, fs.readFileSync(cache).subarray(0, 1000));
        assertSameCheck(runCopy(root));
        fs.writeFileSync(cache, '');
        assertSameCheck(runCopy(root));
        assertCacheUsed(root);
    });

    it('when made from another build of the bundle of the same length: it is not used', () => {
        const { root, bundle } = copyOfPackage();
        const source = fs.readFileSync(bundle, 'utf8');
        const changed = source.replace(/sourceMappingURL=entente\.cjs\.map\s*$/, 'sourceMappingURL=entente.cjs.maq\n');
        assert.equal(changed.length, source.length);
        assert.notEqual(changed, source);
        fs.writeFileSync(bundle, changed);
        const result = runCopy(root);
        assertSameCheck(result);
        assert.match(result.stderr, /none, or not of this bundle/);
        assert.match(result.stderr, /: written/);
        assertCacheUsed(root);
    });

    it('when V8 rejects it: the check is the same, and it is replaced', () => {
        const { root, cache, bundle } = copyOfPackage();
        const bytes = fs.readFileSync(cache);
        bytes[DIGEST_LENGTH] ^= 0xff; // V8's magic number, the first field of its header
        fs.writeFileSync(cache, bytes);
        rewriteDigest(cache, bundle);
        const result = runCopy(root);
        assertSameCheck(result);
        assert.match(result.stderr, /code cache .*: rejected by V8; compiling from source/);
        assert.match(result.stderr, /: written/);
        assertCacheUsed(root);
    });

    it('is used by the worker threads of a parallel check, and written once, by the process\'s own thread', () => {
        const { root, cache } = copyOfPackage();
        fs.rmSync(cache);
        const result = runCopy(root, { args: ['--jobs', '2'] });
        assertSameCheck(result);
        assert.equal(result.stderr.match(/compiling from source/g)?.length, 3, result.stderr);
        assert.equal(result.stderr.match(/: written/g)?.length, 1, result.stderr);
        const again = runCopy(root, { args: ['--jobs', '2'] });
        assertSameCheck(again);
        assert.equal(again.stderr.match(/: used/g)?.length, 3, again.stderr);
    });

    it('a run with V8 flags of its own checks the same and leaves the cache to plain runs', () => {
        const { root, cache } = copyOfPackage();
        const before = fs.readFileSync(cache);
        const result = runCopy(root, { env: { NODE_OPTIONS: '--max-old-space-size=1024' } });
        assertSameCheck(result);
        assert.match(result.stderr, /rejected by V8/);
        assert.match(result.stderr, /not written by a run with Node options/);
        assert.ok(before.equals(fs.readFileSync(cache)));
    });

    it('in a package folder the user may not write to: the check is the same, and nothing is left behind', () => {
        const { root, cache } = copyOfPackage();
        fs.rmSync(cache);
        const dist = path.dirname(cache);
        fs.chmodSync(dist, 0o555);
        // Root writes anywhere, so when the tests run as root the CLI runs as nobody (setpriv, util-linux).
        const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
        try {
            const result = runCopy(root, { wrapper: asNobody });
            assertSameCheck(result);
            assert.match(result.stderr, /code cache .*: not written \(EACCES/, result.stderr);
            assert.deepEqual(fs.readdirSync(dist).sort(), ['diagrams.cjs', 'entente.cjs', 'launch.cjs']);
        } finally {
            fs.chmodSync(dist, 0o755);
        }
    });
});
