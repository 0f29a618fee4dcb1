import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';

/**
 * `entente check --staged`: the charters and entente.json as the git index
 * holds them (what the next commit records), in a scratch repository whose
 * working tree says otherwise.
 */

const TODAY = ['--today', '2026-11-22'];
const PARTIES = 'party Acme "Acme" {\n    role Lead\n}\nparty Globex "Globex" {\n    role Lead\n}\n';
const DEAL = 'charter Deal {\n    parties Acme, Globex\n}\n';

interface JsonReport {
    files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; message: string; line: number }> }>;
}

describe('entente check --staged', function () {
    this.timeout(60_000);
    let top: string;
    let repo: string;
    const git = (...args: string[]) => gitIn(repo, ...args);
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
        fs.writeFileSync(path.join(repo, name), text);
    };
    const check = (args: string[], cwd = repo) => runCli(['check', '--staged', ...args, ...TODAY], { cwd, env: { GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined } });

    before(() => {
        top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-staged-test-')));
        // The repository of charters is a folder of the git repository, as `entente init` in a subfolder makes it.
        gitIn(top, 'init', '-q', '-b', 'main');
        repo = path.join(top, 'partnerships');
        write('entente.json', '{ "rules": {} }\n');
        write('charters/parties.charter', PARTIES);
        write('charters/deal.charter', DEAL);
        git('add', '.');
        git('commit', '-q', '-m', 'Charters');
    });
    after(() => fs.rmSync(top, { recursive: true, force: true }));

    it('reads every charter and entente.json from the index: a party file staged for deletion is gone, though still on disk', () => {
        const before = check(['charters', '--format', 'json']);
        assert.equal(before.code, 0, before.stderr);
        assert.deepEqual((JSON.parse(before.stdout) as JsonReport).files.map(file => file.path), ['charters/deal.charter', 'charters/parties.charter']);
        git('rm', '-q', '--cached', 'charters/parties.charter');
        try {
            assert.equal(runCli(['check', 'charters', '--quiet', ...TODAY], { cwd: repo }).code, 0, 'the working tree still has the parties');
            const staged = check(['charters', '--format', 'json']);
            assert.equal(staged.code, 1, staged.stderr);
            const files = (JSON.parse(staged.stdout) as JsonReport).files;
            assert.deepEqual(files.map(file => file.path), ['charters/deal.charter'], 'the repository\'s paths, not the scratch copy\'s');
            assert.ok(files[0]!.diagnostics.some(d => d.rule === 'unresolved-reference' && /No party named 'Acme'/.test(d.message)), staged.stdout);
            // A path the index no longer holds.
            const gone = check(['charters/parties.charter']);
            assert.equal(gone.code, 2);
            assert.equal(gone.stderr, 'entente: --staged: charters/parties.charter: no such file or folder in the index (staged for deletion, or never added)\n');
        } finally {
            git('add', 'charters/parties.charter');
        }
    });

    it('checks the staged text and configuration, not the working tree\'s, with paths relative to the current folder', () => {
        write('charters/deal.charter', DEAL.replace('Globex', 'Initech'));
        write('entente.json', '{ "rules": { "no-review": "error" } }\n');
        git('add', '.');
        write('charters/deal.charter', DEAL);
        write('entente.json', '{ "rules": {} }\n');
        try {
            assert.equal(runCli(['check', 'charters', '--quiet', ...TODAY], { cwd: repo }).code, 0, 'the working tree is sound');
            const staged = check(['deal.charter', '--quiet'], path.join(repo, 'charters'));
            assert.equal(staged.code, 1, staged.stderr);
            assert.match(staged.stdout, /^deal\.charter:2:\d+ {2}error {4}No party named 'Initech' is declared\. {2}unresolved-reference$/m);
            assert.match(staged.stdout, /^deal\.charter:1:\d+ {2}error {4}.* {2}no-review$/m, 'the staged entente.json makes no-review an error');
            // SARIF of the staged files points at the repository's files.
            const sarif = JSON.parse(check(['charters', '--format', 'sarif', '--fail-level', 'none']).stdout) as { runs: Array<{ artifacts: Array<{ location: { uri: string } }> }> };
            assert.deepEqual(sarif.runs[0]!.artifacts.map(artifact => artifact.location.uri), ['charters/deal.charter', 'charters/parties.charter']);
        } finally {
            git('reset', '-q', '--hard');
        }
    });

    it('passes a commit that deletes every charter: nothing is left to check; an index that never held one is still refused', () => {
        git('rm', '-q', '-r', '--cached', 'charters');
        try {
            for (const args of [['charters'], []]) {
                const gone = check(args);
                assert.deepEqual([gone.code, gone.stdout], [0, ''], gone.stderr);
                assert.equal(gone.stderr, `entente: --staged: the commit deletes every charter in ${args[0] ?? '.'} (2 files); nothing left to check.\n`);
            }
            const json = check(['charters', '--format', 'json']);
            assert.equal(json.code, 0, json.stderr);
            assert.deepEqual((JSON.parse(json.stdout) as JsonReport).files, []);
            // A file named is still refused when the index does not hold it.
            assert.equal(check(['charters/deal.charter']).code, 2);
            // One folder emptied and another still holding charters: the other is checked.
            write('more/extra.charter', PARTIES.replace(/Acme|Globex/g, name => `${name}2`));
            git('add', 'more');
            const mixed = check(['more', 'charters', '--quiet']);
            assert.equal(mixed.code, 0, mixed.stderr);
            assert.equal(mixed.stderr, 'entente: --staged: the commit deletes every charter in charters (2 files); nothing left to check there.\n');
            assert.match(mixed.stdout, /No errors in 1 file/);
        } finally {
            git('reset', '-q', '--hard');
            git('clean', '-q', '-fd');
        }
        // Nothing staged at all, in a repository that never held a charter: refused, as before.
        const empty = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-staged-empty-')));
        try {
            gitIn(empty, 'init', '-q', '-b', 'main');
            const none = check([], empty);
            assert.deepEqual([none.code, none.stderr], [2, 'entente: --staged: no staged .charter files in .\n']);
        } finally {
            fs.rmSync(empty, { recursive: true, force: true });
        }
    });

    it('is refused outside a git repository, with --stdin, and on a path outside the repository', () => {
        const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-staged-none-')));
        try {
            const none = check([], outside);
            assert.equal(none.code, 2);
            assert.match(none.stderr, /^entente: --staged: not inside a git repository/);
            const far = check([outside]);
            assert.equal(far.code, 2);
            assert.match(far.stderr, /^entente: --staged: .* is outside the repository$/m);
        } finally {
            fs.rmSync(outside, { recursive: true, force: true });
        }
        const both = runCli(['check', '--staged', '--stdin'], { cwd: repo, input: DEAL });
        assert.equal(both.code, 2);
        assert.equal(both.stderr, 'entente: use either --stdin or --staged, not both (see --help)\n');
    });
});

describe('entente fmt --check --staged', function () {
    this.timeout(60_000);
    let repo: string;
    const git = (...args: string[]) => gitIn(repo, ...args);
    const write = (name: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
        fs.writeFileSync(path.join(repo, name), text);
    };
    const fmt = (args: string[], cwd = repo) => runCli(['fmt', '--check', '--staged', ...args], { cwd, env: { GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined } });

    beforeEach(() => {
        repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-fmt-staged-test-')));
        gitIn(repo, 'init', '-q', '-b', 'main');
    });
    afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

    it('checks the staged text of the charters the commit adds or changes, in one run, and says nothing when they are in the layout', () => {
        write('charters/parties.charter', PARTIES.replace('}\nparty', '}\n\nparty'));
        write('charters/deal.charter', DEAL);
        git('add', '.');
        // Before the first commit: every staged charter.
        assert.deepEqual(fmt(['charters']), { code: 0, stdout: '', stderr: '' });
        write('charters/deal.charter', DEAL.replace('    parties', 'parties'));
        git('add', '.');
        const messy = fmt(['charters']);
        assert.deepEqual(messy, { code: 1, stdout: 'charters/deal.charter\n', stderr: 'charters/deal.charter is not in the canonical layout; run entente fmt to rewrite it.\n' });
        // Named from the current folder; the working tree's text does not count.
        write('charters/deal.charter', DEAL);
        assert.deepEqual(fmt(['deal.charter'], path.join(repo, 'charters')), { code: 1, stdout: 'deal.charter\n', stderr: 'deal.charter is not in the canonical layout; run entente fmt to rewrite it.\n' });
        assert.equal(runCli(['fmt', '--check', 'charters'], { cwd: repo }).code, 0, 'the working tree is in the layout');
        git('add', '.');
        git('commit', '-q', '-m', 'Charters');
        assert.deepEqual(fmt([]), { code: 0, stdout: '', stderr: '' }, 'nothing staged: nothing to say');
        // A charter committed out of the layout that the commit does not touch is not the commit's doing: only the staged change is read.
        write('charters/old.charter', 'charter Old {\nparties Acme, Globex\n}\n');
        git('add', '.');
        git('commit', '-q', '--no-verify', '-m', 'Old');
        write('charters/other.charter', 'charter Other {\n    parties Acme, Globex\n}\n');
        git('add', '.');
        assert.deepEqual(fmt(['charters']), { code: 0, stdout: '', stderr: '' });
        // Deleted: nothing to check, even with the file and its folder gone.
        git('rm', '-q', '--cached', 'charters/old.charter');
        assert.deepEqual(fmt(['charters']), { code: 0, stdout: '', stderr: '' });
        git('rm', '-q', '-r', '-f', 'charters');
        fs.rmSync(path.join(repo, 'charters'), { recursive: true, force: true });
        assert.deepEqual(fmt(['charters']), { code: 0, stdout: '', stderr: '' });
        // A path that is nowhere, in the working tree or among the changes: a mistake (a hook's typo), not a pass.
        assert.deepEqual(fmt(['chraters']), { code: 2, stdout: '', stderr: 'entente: --staged: chraters: no such file or folder\n' });
    });

    it('skips what the staged .ententeignore skips in a folder, as fmt --check does on the working tree, but not a file named outright', () => {
        const messy = 'charter Before {\nparties Acme, Globex\n}\n';
        write('charters/parties.charter', PARTIES.replace('}\nparty', '}\n\nparty'));
        write('charters/pairs/before.charter', messy);
        write('charters/.ententeignore', '# before/after copies, kept as written\npairs/\n');
        git('add', '.');
        assert.equal(runCli(['fmt', '--check', 'charters'], { cwd: repo }).code, 0, 'the working tree\'s check skips the copies');
        assert.deepEqual(fmt(['charters']), { code: 0, stdout: '', stderr: '' });
        assert.deepEqual(fmt(['charters/pairs/before.charter']).code, 1);
        // The .ententeignore as staged: unstaged from the index, the copies count again.
        git('rm', '-q', '--cached', 'charters/.ententeignore');
        assert.deepEqual(fmt(['charters']).stdout, 'charters/pairs/before.charter\n');
    });

    it('is refused without --check, with --stdin, and outside a git repository', () => {
        const write = runCli(['fmt', '--staged'], { cwd: repo });
        assert.equal(write.code, 2);
        assert.match(write.stderr, /^entente: --staged checks the staged charters' layout: use it with --check/);
        const both = runCli(['fmt', '--check', '--staged', '--stdin'], { cwd: repo, input: DEAL });
        assert.deepEqual([both.code, both.stderr], [2, 'entente: use either --stdin or --staged, not both (see --help)\n']);
        const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-fmt-staged-none-')));
        try {
            const none = fmt([], outside);
            assert.equal(none.code, 2);
            assert.match(none.stderr, /^entente: --staged: not inside a git repository/);
        } finally {
            fs.rmSync(outside, { recursive: true, force: true });
        }
    });
});
