import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

/** Issue 21, items 3–5: bytes that are not UTF-8, files that are not files, and files reached twice. */
describe('hostile files given to the CLI', function () {
    this.timeout(60_000);
    let folder: string;
    beforeEach(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-hostile-files-')); });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
    const file = (name: string) => path.join(folder, name);
    const oneLine = (stderr: string) => assert.equal(stderr.trim().split('\n').length, 1, stderr);

    describe('text that is not UTF-8 (item 3)', () => {
        const latin1 = Buffer.concat([Buffer.from('party   Acme "Soci'), Buffer.from([0xe9]), Buffer.from('t'), Buffer.from([0xe9]), Buffer.from('" {}\n')]);

        it('check reports it as a finding with the byte offset', () => {
            fs.writeFileSync(file('latin.charter'), Buffer.concat([Buffer.from('party Ok {}\n'), latin1]));
            const result = runCli(['check', file('latin.charter'), '--format', 'json']);
            assert.equal(result.code, 1, result.stderr);
            const [report] = JSON.parse(result.stdout).files as Array<{ diagnostics: Array<{ rule: string; message: string; line: number; column: number }> }>;
            const finding = report.diagnostics.find(diagnostic => /UTF-8/.test(diagnostic.message));
            assert.ok(finding, JSON.stringify(report.diagnostics));
            assert.equal(finding.rule, 'syntax');
            assert.match(finding.message, /byte 0xE9 at byte offset 30\b/);
        });

        it('fmt refuses the file with one line, exit 2, touching nothing', () => {
            fs.writeFileSync(file('latin.charter'), latin1);
            fs.writeFileSync(file('other.charter'), 'party   Other {}\n');
            const result = runCli(['fmt', folder]);
            assert.equal(result.code, 2);
            oneLine(result.stderr);
            assert.match(result.stderr, /latin\.charter: not valid UTF-8 \(byte 0xE9 at byte offset 18\)/);
            assert.deepEqual(fs.readFileSync(file('latin.charter')), latin1);
            assert.equal(fs.readFileSync(file('other.charter'), 'utf8'), 'party   Other {}\n');
        });

        it('diff --git reads the committed side as check reads a file: the same finding on both sides, resolved once saved as UTF-8', () => {
            const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
            git('init', '-q', '-b', 'main');
            git('config', 'user.name', 'Entente Test');
            git('config', 'user.email', 'test@example.invalid');
            git('config', 'commit.gpgsign', 'false');
            fs.writeFileSync(file('latin.charter'), Buffer.concat([Buffer.from('party Ok {}\n'), latin1]));
            git('add', '.');
            git('commit', '-q', '-m', 'Latin-1');
            type Diff = { summary: { findingsIntroduced: number; findingsResolved: number }; findings: { introduced: Array<{ rule: string; message: string }>; resolved: Array<{ rule: string; message: string }> } };
            const diff = (): Diff => {
                const result = runCli(['diff', '--git', 'HEAD', '--format', 'json', '--today', '2026-11-22'], { cwd: folder });
                assert.equal(result.code, 0, result.stderr);
                return JSON.parse(result.stdout) as Diff;
            };
            const unchanged = diff();
            assert.deepEqual([unchanged.summary.findingsIntroduced, unchanged.summary.findingsResolved], [0, 0], 'the same bytes on both sides: nothing introduced, nothing resolved');
            fs.writeFileSync(file('latin.charter'), 'party Ok {}\nparty   Acme "Société" {}\n');
            const saved = diff();
            assert.deepEqual([saved.summary.findingsIntroduced, saved.summary.findingsResolved], [0, 1]);
            assert.equal(saved.findings.resolved[0].rule, 'syntax');
            assert.match(saved.findings.resolved[0].message, /not valid UTF-8: byte 0xE9 at byte offset 30\b/);
        });
    });

    describe('files that are not regular files, and files too large (item 4)', () => {
        it('refuses a FIFO given as a path, and one named .ententeignore, instead of blocking', () => {
            execFileSync('mkfifo', [file('pipe.charter')]);
            const given = runCli(['check', file('pipe.charter')]);
            assert.equal(given.code, 2);
            oneLine(given.stderr);
            assert.match(given.stderr, /pipe\.charter: is a named pipe \(FIFO\), not a regular file; not read/);
            fs.rmSync(file('pipe.charter'));
            fs.writeFileSync(file('a.charter'), 'party A {}\n');
            execFileSync('mkfifo', [file('.ententeignore')]);
            const ignoreFile = runCli(['check', folder]);
            assert.equal(ignoreFile.code, 2);
            assert.match(ignoreFile.stderr, /\.ententeignore: is a named pipe \(FIFO\)/);
        });

        it('refuses a FIFO given to --baseline, as it refuses one given as a charter, instead of blocking', () => {
            fs.writeFileSync(file('a.charter'), 'party A {}\n');
            execFileSync('mkfifo', [file('baseline.json')]);
            const result = runCli(['check', file('a.charter'), '--baseline', file('baseline.json')], { timeout: 30_000 });
            assert.equal(result.code, 2, `exit 2, not blocked (killed: -1): ${result.stderr}`);
            oneLine(result.stderr);
            assert.match(result.stderr, /baseline\.json: is a named pipe \(FIFO\), not a regular file; not read/);
            const device = runCli(['check', file('a.charter'), '--baseline', '/dev/zero'], { timeout: 30_000 });
            assert.equal(device.code, 2);
            assert.match(device.stderr, /^entente: \/dev\/zero: is a device, not a regular file; not read\n$/);
        });

        it('refuses /dev/zero instead of reading it without end', () => {
            const result = runCli(['check', '/dev/zero']);
            assert.equal(result.code, 2);
            oneLine(result.stderr);
            assert.match(result.stderr, /is a device, not a regular file; not read/);
        });

        it('caps the size read with a clear error, and the cap is configurable', () => {
            fs.writeFileSync(file('big.charter'), `party Big "${'x'.repeat(2 * 1024 * 1024)}" {}\n`);
            const capped = runCli(['check', file('big.charter')], { env: { ENTENTE_MAX_FILE_MB: '1' } });
            assert.equal(capped.code, 2);
            oneLine(capped.stderr);
            assert.match(capped.stderr, /big\.charter: is 2 MB, more than the limit of 1 MB \(set ENTENTE_MAX_FILE_MB to raise it\)/);
            assert.equal(runCli(['check', file('big.charter')], { env: { ENTENTE_MAX_FILE_MB: '3' } }).code, 0);
            const bad = runCli(['check', file('big.charter')], { env: { ENTENTE_MAX_FILE_MB: 'lots' } });
            assert.equal(bad.code, 2);
            assert.match(bad.stderr, /ENTENTE_MAX_FILE_MB takes a positive number/);
        });
    });

    describe('a charter reached through a symbolic link (item 5)', () => {
        beforeEach(() => {
            fs.writeFileSync(file('v2.charter'), 'party   Acme {}\n');
            fs.symlinkSync('v2.charter', file('current.charter'));
        });

        it('check reads it once: no duplicate-name', () => {
            const result = runCli(['check', folder, '--format', 'json']);
            assert.equal(result.code, 0, result.stdout);
            assert.deepEqual((JSON.parse(result.stdout).files as Array<{ path: string }>).map(f => path.basename(f.path)), ['v2.charter']);
        });

        it('fmt formats it once and exits 0, the link still a link', () => {
            const result = runCli(['fmt', folder]);
            assert.equal(result.code, 0, result.stderr);
            assert.equal(fs.readFileSync(file('v2.charter'), 'utf8'), 'party Acme {}\n');
            assert.ok(fs.lstatSync(file('current.charter')).isSymbolicLink());
        });
    });
});
