import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const MESSY = 'party A { role R }\nparty B{role R}\ncharter C { parties A , B vision "v" }\n';
const CANONICAL = 'party A {\n    role R\n}\n\nparty B {\n    role R\n}\n\ncharter C {\n    parties A, B\n    vision "v"\n}\n';

function folderWith(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-fmt-'));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), content);
    }
    return root;
}

describe('entente fmt', function () {
    this.timeout(60_000);

    it('--check lists the files not in the layout, changes nothing and exits 1', () => {
        const root = folderWith({ 'messy.charter': MESSY, 'tidy/ok.charter': CANONICAL });
        const result = runCli(['fmt', '--check', '.'], { cwd: root });
        assert.equal(result.code, 1);
        assert.equal(result.stdout, 'messy.charter\n');
        assert.equal(result.stderr, '1 file of 2 not in the canonical layout; run entente fmt to rewrite it.\n');
        assert.equal(fs.readFileSync(path.join(root, 'messy.charter'), 'utf8'), MESSY);
        const tidy = runCli(['fmt', '--check', 'tidy'], { cwd: root });
        assert.deepEqual([tidy.code, tidy.stdout, tidy.stderr], [0, '', '1 file in the canonical layout.\n']);
    });

    it('rewrites files in place and says which', () => {
        const root = folderWith({ 'messy.charter': MESSY, 'ok.charter': CANONICAL });
        const result = runCli(['fmt'], { cwd: root });
        assert.equal(result.code, 0);
        assert.equal(result.stdout, 'messy.charter\n');
        assert.equal(result.stderr, 'Formatted 1 file; 1 file already in the canonical layout.\n');
        assert.equal(fs.readFileSync(path.join(root, 'messy.charter'), 'utf8'), CANONICAL);
        assert.deepEqual(fs.readdirSync(root).sort(), ['messy.charter', 'ok.charter'], 'no temporary files left');
    });

    it('writes through a symbolic link to its target and keeps a byte order mark', () => {
        const root = folderWith({ 'target/real.charter': `\ufeff${MESSY}` });
        fs.symlinkSync(path.join(root, 'target/real.charter'), path.join(root, 'link.charter'));
        const result = runCli(['fmt', 'link.charter'], { cwd: root });
        assert.equal(result.code, 0, result.stderr);
        assert.ok(fs.lstatSync(path.join(root, 'link.charter')).isSymbolicLink(), 'the link is still a link');
        assert.equal(fs.readFileSync(path.join(root, 'target/real.charter'), 'utf8'), `\ufeff${CANONICAL}`);
    });

    it('keeps a file\'s permissions', () => {
        const root = folderWith({ 'private.charter': MESSY });
        fs.chmodSync(path.join(root, 'private.charter'), 0o600);
        assert.equal(runCli(['fmt', '.'], { cwd: root }).code, 0);
        assert.equal(fs.statSync(path.join(root, 'private.charter')).mode & 0o777, 0o600);
        assert.equal(fs.readFileSync(path.join(root, 'private.charter'), 'utf8'), CANONICAL);
    });

    it('leaves a file with syntax errors untouched, reports it with its first error as check prints it, and exits 1', () => {
        const broken = 'charter C { parties A,, B\n';
        const root = folderWith({ 'broken.charter': broken, 'messy.charter': MESSY });
        const result = runCli(['fmt', '.'], { cwd: root });
        assert.equal(result.code, 1);
        const syntaxErrors = runCli(['check', 'broken.charter'], { cwd: root }).stdout.split('\n').filter(line => /  syntax$/.test(line));
        assert.ok(syntaxErrors.length >= 2, syntaxErrors.join('\n'));
        assert.match(syntaxErrors[0]!, /^broken\.charter:1:\d+  error/);
        assert.ok(result.stderr.startsWith(`${syntaxErrors[0]}\nbroken.charter: ${syntaxErrors.length - 1} more syntax error${syntaxErrors.length > 2 ? 's' : ''}; entente check lists them all\nbroken.charter: syntax errors; not formatted\n`), result.stderr);
        assert.equal(fs.readFileSync(path.join(root, 'broken.charter'), 'utf8'), broken);
        assert.equal(fs.readFileSync(path.join(root, 'messy.charter'), 'utf8'), CANONICAL, 'the other files are still formatted');
    });

    it('formats standard input to standard output with --stdin', () => {
        const result = runCli(['fmt', '--stdin'], { input: MESSY });
        assert.deepEqual([result.code, result.stdout, result.stderr], [0, CANONICAL, '']);
        const broken = runCli(['fmt', '--stdin'], { input: 'charter {' });
        assert.equal(broken.code, 1);
        assert.equal(broken.stdout, '');
    });

    it('answers a bad flag, a missing path and a binary file with one line and exit 2', () => {
        const root = folderWith({ 'bin.charter': 'party A\u0000' });
        for (const args of [['fmt', '--frobnicate'], ['fmt', 'missing.charter'], ['fmt', 'bin.charter'], ['fmt', '--stdin', 'x.charter']]) {
            const result = runCli(args, { cwd: root });
            assert.equal(result.code, 2, args.join(' '));
            assert.match(result.stderr, /^entente: .+\n$/, args.join(' '));
        }
    });
});
