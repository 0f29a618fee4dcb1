import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { charterOfLines, journalOfEntries, partyFile } from '../../bench/generate.js';
import { runCli } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';

const TODAY = ['--today', '2026-11-22'];
const CHARTERS = 40;

/** The git commands a run started, by name (`show`, `cat-file`, …), read from git's own trace. */
function gitRuns(trace: string): Map<string, number> {
    const runs = new Map<string, number>();
    for (const match of fs.readFileSync(trace, 'utf8').matchAll(/trace: built-in: git ([a-z-]+)/g)) {
        runs.set(match[1], (runs.get(match[1]) ?? 0) + 1);
    }
    return runs;
}

describe('entente diff --git: reading the files of a revision', function () {
    this.timeout(120_000);
    let repo: string;
    const git = (...args: string[]) => gitIn(repo, ...args);

    before(() => {
        repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-blobs-')));
        fs.mkdirSync(path.join(repo, 'charters', 'more dé'), { recursive: true });
        fs.mkdirSync(path.join(repo, 'journals'));
        fs.writeFileSync(path.join(repo, 'charters', 'parties.charter'), partyFile(3));
        for (let i = 0; i < CHARTERS; i++) {
            // Names with a space and a non-ASCII letter, one file with a byte order mark: read from the batch as `git show` read them.
            const file = i % 2 ? path.join('more dé', `c ${i}.charter`) : `c${i}.charter`;
            fs.writeFileSync(path.join(repo, 'charters', file), (i === 3 ? '\uFEFF' : '') + charterOfLines(`C${i}`, 30));
        }
        fs.writeFileSync(path.join(repo, 'charters', '.ententeignore'), 'ignored.charter\n');
        fs.writeFileSync(path.join(repo, 'charters', 'ignored.charter'), 'not a charter {');
        fs.writeFileSync(path.join(repo, 'journals', 'log.charter'), journalOfEntries('Log', 'C7', 9, 1));
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-q', '-m', 'base');
        fs.writeFileSync(path.join(repo, 'journals', 'log.charter'), journalOfEntries('Log', 'C7', 10, 1));
        fs.appendFileSync(path.join(repo, 'charters', 'more dé', 'c 5.charter'), '// reviewed\n');
        git('commit', '-q', '-am', 'journal');
    });
    after(() => fs.rmSync(repo, { recursive: true, force: true }));

    it('reads the charters of a side with one git process, not one a file, the diff unchanged by it', () => {
        const trace = path.join(repo, '..', `${path.basename(repo)}.trace`);
        try {
            const result = runCli(['diff', '--git', 'main~..main', 'charters', '--format', 'json', ...TODAY], { cwd: repo, env: { GIT_TRACE: trace } });
            assert.equal(result.code, 0, result.stderr);
            const { summary, charters } = JSON.parse(result.stdout);
            assert.equal(summary.chartersUnchanged, CHARTERS, 'every charter read alike on both sides, the byte order mark and the names with a space included');
            assert.equal(summary.findingsIntroduced + summary.findingsResolved, 0);
            assert.ok(charters.some((charter: { newPath: string }) => charter.newPath === 'charters/more dé/c 5.charter'), JSON.stringify(charters.map((charter: { newPath: string }) => charter.newPath)));
            const runs = gitRuns(trace);
            assert.equal(runs.get('show') ?? 0, 0, JSON.stringify([...runs]));
            // Per side: one batch for the ignore files, one for the charters.
            assert.ok((runs.get('cat-file') ?? 0) <= 4, JSON.stringify([...runs]));
        } finally {
            fs.rmSync(trace, { force: true });
        }
    });

    it('reads the charter of a journal compared alone, at each end, in one batch a side', () => {
        const trace = path.join(repo, '..', `${path.basename(repo)}.journal.trace`);
        try {
            const result = runCli(['diff', '--git', 'main~..main', 'journals', ...TODAY], { cwd: repo, env: { GIT_TRACE: trace } });
            assert.equal(result.code, 0, result.stderr);
            assert.match(result.stdout, /^Charter C7 changed \(charters\/more dé\/c 7\.charter\)$/m);
            assert.match(result.stdout, /^Charters: 1 changed; 1 change \(1 journal entry\);/m);
            const runs = gitRuns(trace);
            assert.equal(runs.get('show') ?? 0, 0, JSON.stringify([...runs]));
            // Per side: the journals, then the folder above them that holds the charter.
            assert.ok((runs.get('cat-file') ?? 0) <= 6, JSON.stringify([...runs]));
        } finally {
            fs.rmSync(trace, { force: true });
        }
    });

    it('still names the revision that is unknown', () => {
        const result = runCli(['diff', '--git', 'main..nope', 'charters', ...TODAY], { cwd: repo });
        assert.equal(result.code, 2);
        assert.equal(result.stderr, 'entente: nope: no such commit, branch or tag in this repository\n');
    });
});
