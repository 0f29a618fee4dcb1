import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const PARTIES = 'party Acme { role Lead "Alliance manager" role Sponsor "VP" }\nparty Globex { role Lead "Partner manager" role Sponsor "CRO" }\n';
const BARE = 'charter Alpha {\n    parties Acme, Globex\n    decision Price { decided by Acme }\n}\n';
const BETTER = `charter Alpha {
    parties Acme, Globex
    vision "A joint offer."
    review every 6 months
    body Board { members Acme.Lead, Globex.Lead meets quarterly }
    decision Price { decided by Board escalates to Disputes }
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally mediation }
}
`;
const BETA = 'charter Beta {\n    parties Acme, Globex\n    vision "Another."\n    body Board { members Acme.Sponsor, Globex.Sponsor meets monthly }\n}\n';

interface History { commits: Array<{ commit: string; date: string; subject: string }>; complete: boolean; shallow: boolean; note: string; scores: Record<string, Array<number | null>> }

function git(cwd: string, args: string[], date?: string): string {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
        ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}) };
    return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commit(cwd: string, files: Record<string, string>, message: string, date: string): void {
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
        fs.writeFileSync(path.join(cwd, name), text);
    }
    git(cwd, ['add', '-A']);
    git(cwd, ['commit', '-q', '-m', message], date);
}

function history(cwd: string, args: string[], env?: NodeJS.ProcessEnv): History {
    const result = runCli(['portfolio', 'charters', '--format', 'json', '--today', '2026-11-22', ...args], { cwd, env });
    assert.equal(result.code, 0, result.stderr);
    return (JSON.parse(result.stdout) as { history: History }).history;
}

describe('entente portfolio --history', function () {
    this.timeout(120_000);
    let repo: string;

    before(() => {
        repo = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-history-'));
        git(repo, ['init', '-q', '-b', 'main']);
        commit(repo, { 'charters/parties.charter': PARTIES, 'charters/alpha.charter': BARE }, 'First draft', '2026-01-10');
        commit(repo, { 'charters/alpha.charter': BETTER }, 'Alpha gets a board and an escalation', '2026-03-02');
        commit(repo, { 'README.md': 'Not a charter.\n' }, 'Unrelated', '2026-04-01');
        commit(repo, { 'charters/beta.charter': BETA }, 'Beta', '2026-05-05');
    });
    after(() => fs.rmSync(repo, { recursive: true, force: true }));

    it('scores each charter at each of the last N commits that touched the charters, oldest first, as of each commit\'s date', () => {
        const found = history(repo, ['--history', '3']);
        assert.deepEqual(found.commits.map(c => [c.date, c.subject]), [['2026-01-10', 'First draft'], ['2026-03-02', 'Alpha gets a board and an escalation'], ['2026-05-05', 'Beta']]);
        assert.equal(found.complete, true);
        assert.equal(found.shallow, false);
        const [first, second, third] = found.scores.Alpha;
        assert.ok(first !== null && second !== null && first < second, `Alpha improved: ${found.scores.Alpha.join(', ')}`);
        assert.equal(third, second, 'a commit that did not change Alpha leaves its score');
        assert.deepEqual(found.scores.Beta.slice(0, 2), [null, null], 'Beta did not exist yet');
        assert.equal(typeof found.scores.Beta[2], 'number');
        const scored = runCli(['score', 'charters', '--format', 'json', '--today', '2026-05-05'], { cwd: repo });
        const now = (JSON.parse(scored.stdout) as { charters: Array<{ name: string; score: number }> }).charters;
        assert.deepEqual([found.scores.Alpha[2], found.scores.Beta[2]], [now.find(c => c.name === 'Alpha')!.score, now.find(c => c.name === 'Beta')!.score], 'the last commit scores as the working tree does on that day');
    });

    it('reads each commit with git plumbing once, not once per file', () => {
        const trace = path.join(repo, '..', `${path.basename(repo)}-trace.log`);
        history(repo, ['--history', '3'], { GIT_TRACE: trace });
        const commands = fs.readFileSync(trace, 'utf8').split('\n').filter(line => /trace: (built-in|exec): git /.test(line));
        fs.rmSync(trace, { force: true });
        const count = (name: string) => commands.filter(line => line.includes(`git ${name}`)).length;
        assert.equal(count('cat-file'), 3, commands.join('\n'));
        assert.equal(count('ls-tree'), 3);
        assert.equal(count('show'), 0);
    });

    it('says so when fewer commits touched the charters, and when a shallow clone cannot see further back', () => {
        const all = history(repo, ['--history', '10']);
        assert.equal(all.commits.length, 3);
        assert.equal(all.complete, false);
        assert.match(all.note, /^Only 3 commits touched the charters \(since 2026-01-10\)\.$/);
        const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-history-shallow-'));
        git(clone, ['clone', '-q', '--depth', '2', `file://${repo}`, '.']);
        const shallow = history(clone, ['--history', '10']);
        assert.equal(shallow.shallow, true);
        assert.ok(shallow.commits.length < 3);
        assert.match(shallow.note, /shallow clone, whose history stops at [0-9a-f]{12} \(\d{4}-\d{2}-\d{2}\)/);
        const table = runCli(['portfolio', 'charters', '--today', '2026-11-22', '--history', '10'], { cwd: clone });
        assert.match(table.stdout, /Design score over the last \d commits\n {2}Only \d of 10 commits could be read: this is a shallow clone/);
        fs.rmSync(clone, { recursive: true, force: true });
    });

    it('puts the trend in the dashboard and rejects a non-repository with one line', () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-history-html-'));
        const result = runCli(['portfolio', 'charters', '--today', '2026-11-22', '--history', '3', '--out', out], { cwd: repo });
        assert.equal(result.code, 0, result.stderr);
        const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
        assert.match(html, /<th>trend<\/th>/);
        assert.match(html, /data-scores="\d+,\d+,\d+"/);
        const lonely = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-history-none-'));
        fs.writeFileSync(path.join(lonely, 'p.charter'), PARTIES + BARE);
        const outside = runCli(['portfolio', '.', '--history', '2'], { cwd: lonely, env: { GIT_CEILING_DIRECTORIES: path.dirname(lonely) } });
        assert.equal(outside.code, 2);
        assert.match(outside.stderr, /^entente: .*--history needs a git repository\n$/);
    });
});
