import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

/** Issue 21, item 10: the smaller holes. */
describe('hostile input: the smaller items', function () {
    this.timeout(60_000);
    let folder: string;
    beforeEach(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-small-')); });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));
    const file = (name: string) => path.join(folder, name);

    it('fmt keeps the owner and group of a file it rewrites (when run as root, the only user who could change them)', () => {
        fs.writeFileSync(file('a.charter'), 'party   A {}\n');
        const isRoot = process.getuid?.() === 0;
        if (isRoot) {
            fs.chownSync(file('a.charter'), 4321, 4322);
        }
        const before = fs.statSync(file('a.charter'));
        const result = runCli(['fmt', folder]);
        assert.equal(result.code, 0, result.stderr);
        const after = fs.statSync(file('a.charter'));
        assert.equal(fs.readFileSync(file('a.charter'), 'utf8'), 'party A {}\n');
        assert.deepEqual([after.uid, after.gid], [before.uid, before.gid]);
        if (isRoot) {
            assert.deepEqual([after.uid, after.gid], [4321, 4322]);
        }
    });

    it('fmt leaves alone a file whose only syntax finding is an impossible date', () => {
        const text = 'party A {}\nparty B {}\ncharter   Deal {\n    parties A, B\n    term from 2026-02-30 to 2027-01-01\n}\n';
        fs.writeFileSync(file('date.charter'), text);
        const check = runCli(['check', file('date.charter'), '--format', 'json']);
        assert.ok(JSON.parse(check.stdout).files[0].diagnostics.some((d: { rule: string }) => d.rule === 'syntax'), check.stdout);
        const result = runCli(['fmt', file('date.charter')]);
        assert.equal(result.code, 1);
        assert.match(result.stderr, /date\.charter:5:15  error    2026-02-30 is not a date of the calendar: February 2026 has 28 days\.  syntax\n.*date\.charter: syntax errors; not formatted/);
        assert.equal(fs.readFileSync(file('date.charter'), 'utf8'), text);
        const stdin = runCli(['fmt', '--stdin'], { input: text });
        assert.equal(stdin.code, 1);
        assert.equal(stdin.stdout, '');
    });

    it('--config naming a folder is a one-line error, not a raw EISDIR', () => {
        fs.writeFileSync(file('a.charter'), 'party A {}\n');
        fs.mkdirSync(file('conf'));
        const result = runCli(['check', file('a.charter'), '--config', file('conf')]);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^entente: --config .*conf: is a folder, not a configuration file/);
        assert.doesNotMatch(result.stderr, /EISDIR|internal error/);
    });

    it('an entente.json that is a FIFO is a one-line error, not a hang', () => {
        fs.writeFileSync(file('a.charter'), 'party A {}\n');
        execFileSync('mkfifo', [file('entente.json')]);
        const result = runCli(['check', folder]);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /entente\.json: is not a regular file\n$/);
    });

    it('a folder named .gitignore is no ignore file, and no internal error', () => {
        fs.writeFileSync(file('a.charter'), 'party A {}\n');
        fs.mkdirSync(file('.gitignore'));
        const result = runCli(['check', folder]);
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stderr, /internal error/);
    });

    it('fmt --stdin keeps a byte order mark', () => {
        const result = runCli(['fmt', '--stdin'], { input: '\ufeffparty   A {}\n' });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '\ufeffparty A {}\n');
    });

    it('fmt --stdin reads standard input up to the size limit: /dev/zero or too much piped in is one line, exit 2, not a crash', () => {
        const piped = runCli(['fmt', '--stdin'], { input: `party A "${'x'.repeat(2 * 1024 * 1024)}" {}\n`, env: { ENTENTE_MAX_FILE_MB: '1' } });
        assert.equal(piped.code, 2, piped.stderr);
        assert.equal(piped.stderr, 'entente: standard input: is more than the limit of 1 MB (set ENTENTE_MAX_FILE_MB to raise it)\n');
        const zero = runCli(['fmt', '--stdin'], { wrapper: ['sh', '-c', 'exec "$0" "$@" < /dev/zero'], env: { ENTENTE_MAX_FILE_MB: '8' }, timeout: 30_000 });
        assert.equal(zero.code, 2, zero.stderr);
        assert.equal(zero.stderr, 'entente: standard input: is more than the limit of 8 MB (set ENTENTE_MAX_FILE_MB to raise it)\n');
    });

    it('entente.json option keys __proto__ and constructor are unknown options, and 1e309 is not a number a rule can use', () => {
        fs.writeFileSync(file('a.charter'), 'party A {}\n');
        for (const [options, message] of [
            ['{ "__proto__": 1 }', /has no option '__proto__'/],
            ['{ "constructor": 1 }', /has no option 'constructor'/],
            ['{ "toString": 1 }', /has no option 'toString'/],
            ['{ "minDifference": 1e309 }', /option 'minDifference' of 'one-sided-decision-rights' must be a finite number/]
        ] as const) {
            fs.writeFileSync(file('entente.json'), `{ "rules": { "one-sided-decision-rights": { "options": ${options} } } }`);
            const result = runCli(['check', folder]);
            assert.equal(result.code, 2, `${options}: ${result.stdout}`);
            assert.match(result.stderr, message);
        }
    });
});
