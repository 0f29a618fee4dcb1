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
        assert.equal(result.stderr, '1 of 2 files is not in the canonical layout; run entente fmt to rewrite it.\n');
        assert.equal(fs.readFileSync(path.join(root, 'messy.charter'), 'utf8'), MESSY);
        const tidy = runCli(['fmt', '--check', 'tidy'], { cwd: root });
        assert.deepEqual([tidy.code, tidy.stdout, tidy.stderr], [0, '', '1 file is in the canonical layout.\n']);
    });

    it('ends with a summary that reads naturally for none, one or many files of each kind', () => {
        const broken = 'charter C { parties A,, B\n';
        const root = folderWith({
            'one/messy.charter': MESSY, 'one/tidy.charter': CANONICAL, 'one/broken.charter': broken,
            'two/a.charter': MESSY, 'two/b.charter': MESSY, 'three/a.charter': CANONICAL, 'three/b.charter': CANONICAL,
            'four/a.charter': broken, 'four/b.charter': broken
        });
        const lastLine = (args: string[]) => runCli(args, { cwd: root }).stderr.trimEnd().split('\n').pop();
        const cases: Array<[string[], string]> = [
            [['one/messy.charter'], '1 file is not in the canonical layout; run entente fmt to rewrite it.'],
            [['one/tidy.charter'], '1 file is in the canonical layout.'],
            [['one/broken.charter'], 'The file cannot be formatted (see above).'],
            [['two'], 'None of the 2 files is in the canonical layout; run entente fmt to rewrite them.'],
            [['three'], 'All 2 files are in the canonical layout.'],
            [['four'], 'None of the 2 files can be formatted (see above).'],
            [['one'], '1 of 2 files is not in the canonical layout; 1 file cannot be formatted (see above); run entente fmt to rewrite it.'],
            [['two', 'three'], '2 of 4 files are not in the canonical layout; run entente fmt to rewrite them.'],
            [['three', 'one/broken.charter'], '2 files are in the canonical layout; 1 file cannot be formatted (see above).']
        ];
        for (const [paths, summary] of cases) {
            assert.equal(lastLine(['fmt', '--check', ...paths]), summary, paths.join(' '));
        }
        // Rewriting: the same counts, in the past tense of what was done.
        assert.equal(lastLine(['fmt', 'three']), 'All 2 files are already in the canonical layout.');
        assert.equal(lastLine(['fmt', 'four']), 'None of the 2 files can be formatted (see above).');
        assert.equal(lastLine(['fmt', 'three/a.charter', 'four/a.charter']), '1 file is already in the canonical layout; 1 file cannot be formatted (see above).');
        assert.equal(lastLine(['fmt', 'two']), 'Formatted 2 files.');
        assert.equal(lastLine(['fmt', 'one']), 'Formatted 1 file; 1 file already in the canonical layout; 1 file cannot be formatted (see above).');
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
