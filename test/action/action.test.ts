import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import yaml from 'js-yaml';
import { REPO_ROOT } from '../helpers/cli.js';

/**
 * The GitHub Action (action.yml → action/index.cjs, built by scripts/build.mjs)
 * run as the runner runs it: `node action/index.cjs` with the inputs as
 * INPUT_* and the files and variables GitHub provides, in a scratch
 * repository with two commits and a pull-request payload. The GitHub API the
 * comment goes to is a local server that records what it is sent.
 */

const ENTRY = path.join(REPO_ROOT, 'action/index.cjs');
const example = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

interface Recorded {
    method: string;
    url: string;
    authorization?: string;
    body: string;
}

function runEntry(env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise(resolve => {
        const child = spawn(process.execPath, [ENTRY], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += String(chunk); });
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        child.on('close', code => resolve({ code, stdout, stderr }));
    });
}

describe('the GitHub Action', function () {
    this.timeout(90_000);
    let root: string;
    let repo: string;
    let server: http.Server;
    let api: string;
    const requests: Recorded[] = [];
    const comments: Array<{ id: number; body: string }> = [];
    let others = 0;

    before(async () => {
        root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-action-')));
        repo = path.join(root, 'charters-repo');
        fs.mkdirSync(repo);
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
            { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } }).trim();
        const write = (name: string, text: string) => {
            fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
            fs.writeFileSync(path.join(repo, name), text);
        };
        git('init', '-q', '-b', 'main');
        write('charters/acme-globex.charter', example('changes/01-decision-control/before.charter'));
        write('charters/orbit-kestrel.charter', example('broken/orbit-kestrel.charter'));
        write('charters/parties/orbit.charter', example('parties/orbit.charter'));
        write('charters/parties/kestrel.charter', example('parties/kestrel.charter'));
        git('add', '.');
        git('commit', '-q', '-m', 'Charters');
        git('checkout', '-q', '-b', 'price-list');
        write('charters/acme-globex.charter', example('changes/01-decision-control/after.charter'));
        git('commit', '-q', '-am', 'Acme sets the price list alone');

        server = http.createServer((request, response) => {
            let body = '';
            request.on('data', chunk => { body += String(chunk); });
            request.on('end', () => {
                requests.push({ method: request.method!, url: request.url!, authorization: request.headers.authorization, body });
                response.setHeader('content-type', 'application/json');
                if (request.method === 'GET') {
                    // 100 a page, as GitHub gives them; `others` comments of the reviewers come before the action's.
                    const page = Number(new URL(request.url!, 'http://api').searchParams.get('page') ?? '1');
                    const all = [{ id: 1, body: 'Looks good to me' }, ...Array.from({ length: others }, (_, index) => ({ id: 100 + index, body: `Reply ${index}` })), ...comments];
                    response.end(JSON.stringify(all.slice((page - 1) * 100, page * 100)));
                } else if (request.method === 'POST') {
                    comments.push({ id: 42, body: (JSON.parse(body) as { body: string }).body });
                    response.statusCode = 201;
                    response.end(JSON.stringify(comments.at(-1)));
                } else {
                    response.end(JSON.stringify({ id: 42 }));
                }
            });
        });
        await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
        api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
        await new Promise(resolve => server.close(resolve));
        fs.rmSync(root, { recursive: true, force: true });
    });

    /** The environment of a pull_request run: a fresh output, summary and event file each time. */
    function pullRequestEnv(name: string, inputs: Record<string, string>): NodeJS.ProcessEnv & { GITHUB_OUTPUT: string; GITHUB_STEP_SUMMARY: string } {
        const runner = path.join(root, name);
        fs.mkdirSync(runner);
        const event = path.join(runner, 'event.json');
        const base = execFileSync('git', ['rev-parse', 'main'], { cwd: repo, encoding: 'utf8' }).trim();
        fs.writeFileSync(event, JSON.stringify({
            action: 'synchronize', number: 7,
            pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'price-list' } },
            repository: { full_name: 'acme/charters' }
        }));
        const files = { GITHUB_OUTPUT: path.join(runner, 'output'), GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md') };
        for (const file of Object.values(files)) {
            fs.writeFileSync(file, '');
        }
        return {
            ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, NODE_OPTIONS: undefined,
            ...files,
            GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event,
            GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'price-list', GITHUB_REPOSITORY: 'acme/charters', GITHUB_API_URL: api, RUNNER_TEMP: runner,
            ...Object.fromEntries(Object.entries(inputs).map(([key, value]) => [`INPUT_${key.toUpperCase()}`, value]))
        };
    }

    function outputsOf(file: string): Record<string, string> {
        const text = fs.readFileSync(file, 'utf8');
        return Object.fromEntries([...text.matchAll(/^([\w-]+)=(.*)$/gm)].map(match => [match[1], match[2]]));
    }

    it('action.yml: a node20 action whose entry point is built, declaring every input the entry point reads', () => {
        const action = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, unknown>; outputs: Record<string, unknown> };
        assert.equal(action.runs.using, 'node20');
        assert.equal(path.join(REPO_ROOT, action.runs.main), ENTRY);
        assert.ok(fs.existsSync(ENTRY), 'scripts/build.mjs builds action/index.cjs');
        const source = fs.readFileSync(path.join(REPO_ROOT, 'packages/cli/src/action/main.ts'), 'utf8');
        const read = new Set([...source.matchAll(/\binput\('([\w-]+)'/g)].map(match => match[1]!));
        assert.deepEqual([...read].sort(), Object.keys(action.inputs).sort());
        const written = new Set([...source.matchAll(/setOutput\('([\w-]+)'/g)].map(match => match[1]!));
        for (const key of ['errors', 'warnings', 'infos']) {
            written.add(key);
        }
        assert.deepEqual([...written].sort(), Object.keys(action.outputs).sort());
    });

    it('on a pull request: annotations, SARIF file, job summary, outputs, and the governance diff posted as a comment', async () => {
        const env = pullRequestEnv('run-1', { paths: 'charters', 'fail-level': 'warning', 'sarif-file': 'entente.sarif', 'github-token': 't0ken', today: '2026-11-22' });
        const run = await runEntry(env, root);
        assert.equal(run.code, 1, `fail-level warning fails on the broken charter's warnings: ${run.stdout}${run.stderr}`);
        assert.match(run.stdout, /^::warning file=charters\/orbit-kestrel\.charter,line=\d+,.*one-sided-decision-rights/m);
        assert.match(run.stdout, /^::error title=Entente::0 errors and \d+ warnings in the charters \(fail-level: warning\)$/m);

        const outputs = outputsOf(env.GITHUB_OUTPUT);
        assert.equal(outputs.errors, '0');
        assert.ok(Number(outputs.warnings) > 5, JSON.stringify(outputs));
        assert.equal(outputs['sarif-file'], 'entente.sarif');
        const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'entente.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
        assert.equal(sarif.version, '2.1.0');
        assert.equal(sarif.runs[0]!.results.length, Number(outputs.warnings) + Number(outputs.infos));
        assert.ok(sarif.runs[0]!.results.every(result => result.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('charters/')));

        const summary = fs.readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
        assert.match(summary, /### Entente check/);
        assert.match(summary, /\| OrbitKestrelDraft \| `charters\/orbit-kestrel\.charter` \| \d+ \w+ \|/);
        assert.match(summary, /PriceList/);

        const commentFile = outputs['comment-file']!;
        assert.equal(path.dirname(commentFile), path.dirname(env.GITHUB_OUTPUT), 'the comment file is in RUNNER_TEMP');
        const body = fs.readFileSync(commentFile, 'utf8');
        assert.match(body, /^<!-- entente-governance-diff -->\n/);
        assert.match(body, /PriceList/);
        assert.match(body, /joint.*Acme alone/);

        const posted = requests.filter(request => request.method === 'POST');
        assert.equal(posted.length, 1, JSON.stringify(requests));
        assert.equal(posted[0]!.url, '/repos/acme/charters/issues/7/comments');
        assert.equal(posted[0]!.authorization, 'Bearer t0ken');
        assert.equal((JSON.parse(posted[0]!.body) as { body: string }).body, body);
    });

    it('a second push updates its comment instead of adding one; fail-level error passes on warnings', async () => {
        requests.length = 0;
        const env = pullRequestEnv('run-2', { paths: 'charters', 'github-token': 't0ken', today: '2026-11-22' });
        const run = await runEntry(env, root);
        assert.equal(run.code, 0, run.stdout + run.stderr);
        assert.deepEqual(requests.map(request => `${request.method} ${request.url}`), [
            'GET /repos/acme/charters/issues/7/comments?per_page=100',
            'PATCH /repos/acme/charters/issues/comments/42'
        ]);
        assert.ok(!fs.readFileSync(env.GITHUB_OUTPUT, 'utf8').includes('sarif-file'), 'no SARIF unless asked for');
    });

    it('finds its comment on a later page of a busy pull request\'s comments, and updates it instead of adding a second', async () => {
        requests.length = 0;
        others = 150;
        try {
            const run = await runEntry(pullRequestEnv('run-busy', { paths: 'charters', 'github-token': 't0ken', today: '2026-11-22' }), root);
            assert.equal(run.code, 0, run.stdout + run.stderr);
            assert.deepEqual(requests.map(request => `${request.method} ${request.url}`), [
                'GET /repos/acme/charters/issues/7/comments?per_page=100',
                'GET /repos/acme/charters/issues/7/comments?per_page=100&page=2',
                'PATCH /repos/acme/charters/issues/comments/42'
            ]);
        } finally {
            others = 0;
        }
    });

    it('without a token, or with comment: false, nothing is sent; a bad input is one annotated error', async () => {
        requests.length = 0;
        const noToken = pullRequestEnv('run-3', { paths: 'charters', today: '2026-11-22' });
        const first = await runEntry(noToken, root);
        assert.equal(first.code, 0, first.stdout);
        assert.ok(outputsOf(noToken.GITHUB_OUTPUT)['comment-file'], 'the comment is still written to a file');
        const noComment = pullRequestEnv('run-4', { paths: 'charters', comment: 'false', 'github-token': 't0ken', today: '2026-11-22' });
        assert.equal((await runEntry(noComment, root)).code, 0);
        assert.equal(outputsOf(noComment.GITHUB_OUTPUT)['comment-file'], undefined);
        assert.deepEqual(requests, []);
        const badPath = await runEntry(pullRequestEnv('run-5', { paths: 'nowhere' }), root);
        assert.equal(badPath.code, 2);
        assert.match(badPath.stdout, /^::error title=Entente::nowhere: no such file or folder$/m);
        const badLevel = await runEntry(pullRequestEnv('run-6', { 'fail-level': 'sometimes' }), root);
        assert.equal(badLevel.code, 2);
        assert.match(badLevel.stdout, /fail-level takes one of error, warning, none, not 'sometimes'/);
    });

    it('a pull request behind its base: the diff is from the merge base, so what the base did since is not shown as the pull request\'s', async () => {
        // main moves on after price-list branched off: it drops the Orbit–Kestrel draft. Compared with
        // main itself, the pull request would seem to add it back; from the merge base it does not.
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
            { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } }).trim();
        git('checkout', '-q', 'main');
        git('rm', '-q', 'charters/orbit-kestrel.charter');
        git('commit', '-q', '-m', 'Drop the Orbit-Kestrel draft');
        git('checkout', '-q', 'price-list');
        try {
            const env = pullRequestEnv('run-7', { paths: 'charters', today: '2026-11-22' });
            const run = await runEntry(env, root);
            assert.equal(run.code, 0, run.stdout + run.stderr);
            const body = fs.readFileSync(outputsOf(env.GITHUB_OUTPUT)['comment-file']!, 'utf8');
            assert.match(body, /joint.*Acme alone/, 'the pull request\'s own change is there');
            assert.match(body, /Charters: 1 changed, 1 unchanged;/, `main's removal is not the pull request's addition:\n${body}`);
            assert.doesNotMatch(body, /added|new warning/, body);
        } finally {
            git('checkout', '-q', 'main');
            git('reset', '-q', '--hard', 'HEAD~1');
            git('checkout', '-q', 'price-list');
        }
    });
});

describe('the pre-commit framework hooks (.pre-commit-hooks.yaml)', function () {
    this.timeout(60_000);

    it('run as pre-commit runs them: the entry with the staged charters (or none), in a repository with Entente installed', () => {
        const hooks = yaml.load(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string; pass_filenames?: boolean }>;
        assert.deepEqual(hooks.map(hook => hook.id), ['entente-fmt', 'entente-check']);
        const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-pre-commit-')));
        try {
            fs.mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
            fs.symlinkSync(path.join(REPO_ROOT, 'packages/cli/bin/entente.js'), path.join(repo, 'node_modules/.bin/entente'));
            fs.mkdirSync(path.join(repo, 'charters'));
            fs.writeFileSync(path.join(repo, 'charters/acme-globex.charter'), example('reference/acme-globex.charter'));
            fs.cpSync(path.join(REPO_ROOT, 'examples/reference/parties'), path.join(repo, 'charters/parties'), { recursive: true });
            const run = (hook: typeof hooks[number], files: string[]) => {
                const matching = files.filter(file => new RegExp(hook.files).test(file));
                const args = hook.pass_filenames === false ? [] : matching;
                const result = execFileSync('sh', ['-c', `${hook.entry} "$@"; echo "exit=$?"`, 'hook', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
                return Number(/exit=(\d+)\s*$/.exec(result)![1]);
            };
            const [fmt, check] = hooks as [typeof hooks[number], typeof hooks[number]];
            assert.equal(fmt.language, 'system');
            assert.equal(run(fmt, ['charters/acme-globex.charter', 'README.md']), 0);
            assert.equal(run(check, ['charters/acme-globex.charter']), 0);
            fs.writeFileSync(path.join(repo, 'charters/messy.charter'), 'charter Messy {\nparties Acme,Globex\n  vision "x"\n}\n');
            assert.equal(run(fmt, ['charters/messy.charter']), 1);
            fs.writeFileSync(path.join(repo, 'charters/messy.charter'), 'charter Messy {\n    parties Acme, Nobody\n}\n');
            assert.equal(run(check, ['charters/messy.charter']), 1, 'an unresolved party is an error');
        } finally {
            fs.rmSync(repo, { recursive: true, force: true });
        }
    });
});
