import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/** `entente init`: driven by flags (no terminal), and interactively through a pseudo-terminal (util-linux `script`). */

const KINDS = ['co-development', 'reseller', 'joint-venture', 'coalition', 'supplier'];
const TODAY = ['--today', '2026-11-22'];
const BIN = path.join(REPO_ROOT, 'packages/cli/bin/entente.js');

function scratchRepo(name: string): string {
    const repo = path.join(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-init-'))), name);
    fs.mkdirSync(repo);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
    return repo;
}

function remove(repo: string): void {
    fs.rmSync(path.dirname(repo), { recursive: true, force: true });
}

describe('entente init', function () {
    this.timeout(60_000);

    for (const kind of KINDS) {
        it(`--kind ${kind}: a charter that passes check with no finding, TODO markers where the team decides, and the repository's set-up`, () => {
            const repo = scratchRepo('acme-alliances');
            try {
                const init = runCli(['init', '--kind', kind, '--partner', 'Globex Inc.', ...TODAY], { cwd: repo });
                assert.equal(init.code, 0, init.stderr);
                const charter = fs.readFileSync(path.join(repo, 'charters/acme-globex-inc.charter'), 'utf8');
                assert.match(charter, /^charter AcmeGlobexInc "/m);
                assert.match(charter, /parties Acme, GlobexInc/);
                assert.match(charter, /term from 2026-01-01 to/);
                const todos = charter.split('\n').filter(line => /\/\/ TODO/.test(line));
                assert.ok(todos.length >= 5, `TODO markers: ${todos.length}`);
                assert.match(init.stdout, new RegExp(`charters/acme-globex-inc\\.charter:\\d+ +the shared`));
                assert.match(fs.readFileSync(path.join(repo, 'charters/parties/acme.charter'), 'utf8'), /^party Acme "Acme" \{/m);

                const check = runCli(['check', 'charters', '--format', 'json', ...TODAY], { cwd: repo });
                assert.equal(check.code, 0, check.stdout + check.stderr);
                const report = JSON.parse(check.stdout) as { summary: { files: number; errors: number; warnings: number; infos: number } };
                assert.deepEqual(report.summary, { ...report.summary, files: 2, errors: 0, warnings: 0, infos: 0 });
                assert.equal(runCli(['fmt', '--check', 'charters'], { cwd: repo }).code, 0, `${kind}: in the canonical layout`);
                const score = runCli(['score', 'charters', '--format', 'json', ...TODAY], { cwd: repo });
                const [charterScore] = (JSON.parse(score.stdout) as { charters: Array<{ score: number }> }).charters;
                assert.ok(charterScore!.score >= 90, `${kind}: health ${charterScore!.score}`);

                assert.match(fs.readFileSync(path.join(repo, '.github/workflows/charters.yml'), 'utf8'), /uses: entente-charters\/entente@v0\n\s+with:\n\s+paths: charters/);
                assert.deepEqual(JSON.parse(fs.readFileSync(path.join(repo, '.vscode/extensions.json'), 'utf8')), { recommendations: ['entente.entente'] });
                assert.deepEqual(JSON.parse(fs.readFileSync(path.join(repo, 'entente.json'), 'utf8')).rules, {});
                assert.ok(!fs.existsSync(path.join(repo, '.git/hooks/pre-commit')), 'no hook unless asked for');
            } finally {
                remove(repo);
            }
        });
    }

    it('refuses to overwrite anything without --force, and writes nothing then', () => {
        const repo = scratchRepo('charters');
        try {
            assert.equal(runCli(['init', '--org', 'Acme', ...TODAY], { cwd: repo }).code, 0);
            fs.writeFileSync(path.join(repo, 'entente.json'), '{ "rules": { "fixed-chair": "off" } }\n');
            fs.rmSync(path.join(repo, '.vscode'), { recursive: true });
            const again = runCli(['init', '--org', 'Acme', '--kind', 'supplier', ...TODAY], { cwd: repo });
            assert.equal(again.code, 2);
            assert.equal(again.stderr.trim().split('\n').length, 1, again.stderr);
            assert.match(again.stderr, /^entente: entente\.json, charters\/parties\/acme\.charter, charters\/acme-partner\.charter, \.github\/workflows\/charters\.yml exist; nothing was written \(--force overwrites\)/);
            assert.match(fs.readFileSync(path.join(repo, 'entente.json'), 'utf8'), /fixed-chair/);
            assert.ok(!fs.existsSync(path.join(repo, '.vscode')), 'nothing written, not even the missing file');
            const forced = runCli(['init', '--org', 'Acme', '--kind', 'supplier', '--force', ...TODAY], { cwd: repo });
            assert.equal(forced.code, 0, forced.stderr);
            assert.match(forced.stdout, /overwrote {2}entente\.json/);
            assert.match(forced.stdout, /created {2}\.vscode\/extensions\.json/);
            assert.match(fs.readFileSync(path.join(repo, 'charters/acme-partner.charter'), 'utf8'), /supplier partnership/);
        } finally {
            remove(repo);
        }
    });

    it('writes nothing, with one line, when a file stands where a folder goes or a folder where a file goes, --force or not', () => {
        const repo = scratchRepo('charters');
        try {
            fs.writeFileSync(path.join(repo, 'notes'), 'a file\n');
            for (const force of [[], ['--force']]) {
                const result = runCli(['init', '--org', 'Acme', '--dir', 'notes', ...force, ...TODAY], { cwd: repo });
                assert.equal(result.code, 2, result.stdout + result.stderr);
                assert.equal(result.stderr, 'entente: notes is a file, where init needs a folder (for notes/parties/acme.charter, notes/acme-partner.charter); nothing was written\n');
                assert.deepEqual(fs.readdirSync(repo).sort(), ['.git', 'notes'], 'nothing written, not even entente.json');
            }
            fs.rmSync(path.join(repo, 'notes'));
            const ownFile = runCli(['init', '--org', 'Acme', '--dir', 'entente.json', ...TODAY], { cwd: repo });
            assert.equal(ownFile.code, 2, ownFile.stdout + ownFile.stderr);
            assert.equal(ownFile.stderr, 'entente: entente.json is a file init writes, where init needs a folder (for entente.json/parties/acme.charter, entente.json/acme-partner.charter); nothing was written\n');
            assert.deepEqual(fs.readdirSync(repo).sort(), ['.git']);
            const deeper = runCli(['init', '--org', 'Acme', '--dir', '.vscode/extensions.json', ...TODAY], { cwd: repo });
            assert.equal(deeper.code, 2, deeper.stdout + deeper.stderr);
            assert.match(deeper.stderr, /^entente: \.vscode\/extensions\.json is a file init writes, where init needs a folder \(for \.vscode\/extensions\.json\/parties\/acme\.charter, .*\); nothing was written\n$/);
            assert.deepEqual(fs.readdirSync(repo).sort(), ['.git']);
            fs.mkdirSync(path.join(repo, '.vscode', 'extensions.json'), { recursive: true });
            const folder = runCli(['init', '--org', 'Acme', '--force', ...TODAY], { cwd: repo });
            assert.equal(folder.code, 2, folder.stdout + folder.stderr);
            assert.equal(folder.stderr, 'entente: .vscode/extensions.json is a folder, where init writes a file; nothing was written\n');
            assert.deepEqual(fs.readdirSync(repo).sort(), ['.git', '.vscode']);
        } finally {
            remove(repo);
        }
    });

    it('bad flags are a one-line usage error', () => {
        const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-init-nogit-')));
        try {
            for (const [args, message] of [
                [['--kind', 'franchise'], /^entente: --kind takes one of co-development, reseller, joint-venture, coalition, supplier, not 'franchise'$/],
                [['--org-id', '9lives'], /^entente: --org-id takes an identifier/],
                [['--org', 'Acme', '--partner', 'acme'], /^entente: the partner's identifier is the same as your organisation's \(Acme\)/],
                [['--dir', '../elsewhere'], /^entente: --dir takes a folder inside the current one/],
                [['--pre-commit'], /^entente: --pre-commit: not inside a git repository/],
                [['charters'], /^entente: init takes no paths/]
            ] as Array<[string[], RegExp]>) {
                const result = runCli(['init', ...args], { cwd: repo, env: { GIT_CEILING_DIRECTORIES: path.dirname(repo) } });
                assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
                assert.match(result.stderr.trim(), message);
                assert.deepEqual(fs.readdirSync(repo), [], `${args.join(' ')} wrote nothing`);
            }
        } finally {
            fs.rmSync(repo, { recursive: true, force: true });
        }
    });

    it('--pre-commit: a hook that stops a commit of a charter out of the layout', () => {
        const repo = scratchRepo('charters');
        const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
            { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, NO_COLOR: '1' } });
        try {
            const init = runCli(['init', '--org', 'Acme', '--pre-commit', ...TODAY], { cwd: repo });
            assert.equal(init.code, 0, init.stderr);
            const hook = path.join(repo, '.git/hooks/pre-commit');
            assert.ok((fs.statSync(hook).mode & 0o111) !== 0, 'the hook is executable');
            // The repository has Entente installed: its bin in node_modules/.bin, where npx finds it.
            fs.mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
            fs.symlinkSync(BIN, path.join(repo, 'node_modules/.bin/entente'));
            fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
            git('add', '.');
            const good = git('commit', '-q', '-m', 'Charters');
            assert.equal(good.status, 0, good.stdout + good.stderr);
            assert.equal(good.stdout + good.stderr, '', 'nothing said when all is well');
            // Twenty charters staged at once: still nothing, not a line each.
            for (let index = 0; index < 20; index++) {
                fs.writeFileSync(path.join(repo, `charters/deal-${index}.charter`), `charter Deal${index} {\n    parties Acme, Partner\n}\n`);
            }
            git('add', '.');
            const many = git('commit', '-q', '-m', 'Twenty deals');
            assert.deepEqual([many.status, many.stdout + many.stderr], [0, '']);
            fs.writeFileSync(path.join(repo, 'charters/messy.charter'), 'charter Messy {\nparties Acme,Partner\n     vision "Messy."\n}\n');
            git('add', '.');
            const bad = git('commit', '-q', '-m', 'Messy');
            assert.equal(bad.status, 1, bad.stdout + bad.stderr);
            assert.match(bad.stdout + bad.stderr, /charters\/messy\.charter/);
        } finally {
            remove(repo);
        }
    });

    it('--pre-commit: the layout of every staged charter in one entente run, however many are staged; a hook of an older version still works', () => {
        const repo = scratchRepo('charters');
        const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
            { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined, NO_COLOR: '1' } });
        try {
            const init = runCli(['init', '--org', 'Acme', '--pre-commit', ...TODAY], { cwd: repo });
            assert.equal(init.code, 0, init.stderr);
            // The installed entente, behind a script that records each run of it.
            const runs = path.join(path.dirname(repo), 'runs.log');
            fs.mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
            const wrapper = path.join(repo, 'node_modules/.bin/entente');
            fs.writeFileSync(wrapper, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${runs}'\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
            fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
            const ran = () => {
                const lines = fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8').split('\n').filter(Boolean) : [];
                fs.rmSync(runs, { force: true });
                return lines;
            };
            git('add', '.');
            const first = git('commit', '-q', '-m', 'Charters');
            assert.deepEqual([first.status, first.stdout + first.stderr], [0, '']);
            ran();

            // Twenty charters and one out of the layout staged: two runs of entente (layout, then check), not one a charter.
            for (let index = 0; index < 20; index++) {
                fs.writeFileSync(path.join(repo, `charters/deal-${index}.charter`), `charter Deal${index} {\n    parties Acme, Partner\n}\n`);
            }
            fs.writeFileSync(path.join(repo, 'charters/messy deal.charter'), 'charter Messy {\nparties Acme,Partner\n}\n');
            git('add', '.');
            const messy = git('commit', '-q', '-m', 'Deals');
            assert.equal(messy.status, 1, messy.stdout + messy.stderr);
            assert.equal(messy.stdout + messy.stderr, 'charters/messy deal.charter is not in the canonical layout; run entente fmt to rewrite it.\n');
            assert.deepEqual(ran(), ['fmt --check --staged charters', 'check --staged --quiet charters']);
            // A charter staged with syntax errors: its first error, as check prints it, and the check's report.
            fs.writeFileSync(path.join(repo, 'charters/messy deal.charter'), 'charter Messy {\n    parties Acme,\n}\n');
            git('add', '.');
            const broken = git('commit', '-q', '-m', 'Deals');
            assert.equal(broken.status, 1, broken.stdout + broken.stderr);
            assert.match(broken.stderr, /^charters\/messy deal\.charter:2:17 {2}error {4}.* {2}syntax\nentente: charters\/messy deal\.charter has syntax errors; not formatted\n/);
            assert.equal(ran().length, 2);
            fs.writeFileSync(path.join(repo, 'charters/messy deal.charter'), 'charter Messy {\n    parties Acme, Partner\n}\n');
            git('add', '.');
            const sound = git('commit', '-q', '-m', 'Deals');
            assert.deepEqual([sound.status, sound.stdout + sound.stderr], [0, '']);
            assert.equal(ran().length, 2);

            // The hook an earlier entente init wrote: one `fmt --stdin --check` a staged charter; it still works.
            const hook = path.join(repo, '.git/hooks/pre-commit');
            const written = fs.readFileSync(hook, 'utf8');
            fs.writeFileSync(hook, [
                '#!/bin/sh',
                'changed=$(git -c core.quotePath=false diff --cached --name-only --relative -- charters entente.json) || exit 2',
                '[ -n "$changed" ] || exit 0',
                'staged=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR --relative -- charters) || exit 2',
                'status=0',
                'while IFS= read -r file; do',
                '    case $file in',
                '        *.charter) ;;',
                '        *) continue ;;',
                '    esac',
                '    git show ":./$file" | npx --no-install entente fmt --stdin --check --stdin-filename "$file" > /dev/null || status=1',
                'done <<EOF',
                '$staged',
                'EOF',
                'if ! report=$(npx --no-install entente check --staged --quiet charters 2>&1); then',
                '    printf \'%s\\n\' "$report" >&2',
                '    status=1',
                'fi',
                'exit $status',
                ''
            ].join('\n'), { mode: 0o755 });
            fs.writeFileSync(path.join(repo, 'charters/deal-0.charter'), 'charter Deal0 {\nparties Acme, Partner\n}\n');
            fs.writeFileSync(path.join(repo, 'charters/deal-1.charter'), 'charter Deal1 {\n    parties Acme, Partner\n    vision "One."\n}\n');
            git('add', '.');
            const old = git('commit', '-q', '-m', 'Deals');
            assert.equal(old.status, 1, old.stdout + old.stderr);
            assert.equal(old.stdout + old.stderr, 'charters/deal-0.charter is not in the canonical layout; run entente fmt to rewrite it.\n');
            assert.deepEqual(ran(), ['fmt --stdin --check --stdin-filename charters/deal-0.charter', 'fmt --stdin --check --stdin-filename charters/deal-1.charter', 'check --staged --quiet charters']);

            // A commit that deletes every charter has nothing left to check: it goes through, with either hook.
            for (const text of [written, fs.readFileSync(hook, 'utf8')]) {
                fs.writeFileSync(hook, text);
                git('reset', '-q', '--hard');
                git('rm', '-q', '-r', 'charters');
                const gone = git('commit', '-q', '-m', 'No more partnerships');
                assert.deepEqual([gone.status, gone.stdout + gone.stderr], [0, '']);
                git('reset', '-q', '--hard', 'HEAD~1');
            }
        } finally {
            remove(repo);
        }
    });

    it('--pre-commit: the hook checks what the commit records, the staged text, not the working tree (init run in a subfolder of the repository)', () => {
        const top = scratchRepo('company');
        const repo = path.join(top, 'partnerships');
        fs.mkdirSync(repo);
        const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
            { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined, NO_COLOR: '1' } });
        try {
            const init = runCli(['init', '--org', 'Acme', '--pre-commit', ...TODAY], { cwd: repo });
            assert.equal(init.code, 0, init.stderr);
            assert.ok(fs.existsSync(path.join(top, '.git/hooks/pre-commit')), 'the repository\'s hook, though init ran in a subfolder');
            fs.mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
            fs.symlinkSync(BIN, path.join(repo, 'node_modules/.bin/entente'));
            fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\n');
            git('add', '.');
            const first = git('commit', '-q', '-m', 'Charters');
            assert.equal(first.status, 0, first.stdout + first.stderr);
            const deal = path.join(repo, 'charters/deal.charter');
            const charter = (partner: string) => `charter Deal {\n    parties Acme, ${partner}\n}\n`;

            // Staged broken, fixed in the working tree only: the commit would record the broken text, so it is refused.
            fs.writeFileSync(deal, charter('Nobody'));
            git('add', 'charters/deal.charter');
            fs.writeFileSync(deal, charter('Partner'));
            const broken = git('commit', '-q', '-m', 'Deal');
            assert.equal(broken.status, 1, broken.stdout + broken.stderr);
            assert.match(broken.stdout + broken.stderr, /charters\/deal\.charter:2:19 {2}error {4}No party named 'Nobody' is declared\./);

            // Staged out of the layout, in the layout in the working tree: refused too.
            fs.writeFileSync(deal, charter('Partner').replace('    parties', 'parties'));
            git('add', 'charters/deal.charter');
            fs.writeFileSync(deal, charter('Partner'));
            const messy = git('commit', '-q', '-m', 'Deal');
            assert.equal(messy.status, 1, messy.stdout + messy.stderr);
            assert.match(messy.stderr, /charters\/deal\.charter is not in the canonical layout/);

            // Staged sound, broken in the working tree only: the commit records the sound text, so it goes through.
            git('add', 'charters/deal.charter');
            fs.writeFileSync(deal, charter('Ghost'));
            const sound = git('commit', '-q', '-m', 'Deal');
            assert.equal(sound.status, 0, sound.stdout + sound.stderr);
            assert.equal(git('show', 'HEAD:partnerships/charters/deal.charter').stdout, charter('Partner'));

            // `git commit -a` stages the working tree (in a temporary index): the hook sees that, and refuses it.
            const all = git('commit', '-q', '-a', '-m', 'Ghost');
            assert.equal(all.status, 1, all.stdout + all.stderr);
            assert.match(all.stdout + all.stderr, /No party named 'Ghost' is declared\./);
            fs.writeFileSync(deal, charter('Partner'));

            // A party file staged for deletion, still in the working tree: Deal, unchanged, relies on it, so the commit is refused.
            const partyFiles = fs.readdirSync(path.join(repo, 'charters/parties'));
            assert.equal(partyFiles.length, 1, partyFiles.join());
            git('rm', '-q', '--cached', `charters/parties/${partyFiles[0]}`);
            const orphaned = git('commit', '-q', '-m', 'Drop the party file');
            assert.equal(orphaned.status, 1, orphaned.stdout + orphaned.stderr);
            assert.match(orphaned.stderr, /^charters\/deal\.charter:2:\d+ {2}error {4}No party named 'Acme' is declared\./m);
            git('add', `charters/parties/${partyFiles[0]}`);

            // An entente.json staged is read as staged too: one that makes a warning of Deal an error stops the commit,
            // though the working tree's does not.
            const configText = fs.readFileSync(path.join(repo, 'entente.json'), 'utf8');
            const config = JSON.parse(configText) as { rules?: Record<string, string> };
            fs.writeFileSync(path.join(repo, 'entente.json'), JSON.stringify({ ...config, rules: { ...config.rules, 'no-review': 'error' } }, null, 2));
            git('add', 'entente.json');
            fs.writeFileSync(path.join(repo, 'entente.json'), configText);
            const stricter = git('commit', '-q', '-m', 'Reviews required');
            assert.equal(stricter.status, 1, stricter.stdout + stricter.stderr);
            assert.match(stricter.stderr, /^charters\/deal\.charter:1:\d+ {2}error {4}.*no-review$/m);
            // A broken entente.json staged: named by its own path, not the scratch copy's.
            fs.writeFileSync(path.join(repo, 'entente.json'), '{ "rules": { "no-review": "sometimes" } }\n');
            git('add', 'entente.json');
            fs.writeFileSync(path.join(repo, 'entente.json'), configText);
            const broken2 = git('commit', '-q', '-m', 'Broken configuration');
            assert.equal(broken2.status, 1, broken2.stdout + broken2.stderr);
            assert.match(broken2.stderr, /^entente: entente\.json:1:\d+: /m);
            assert.doesNotMatch(broken2.stderr, /entente-staged/);
        } finally {
            remove(top);
        }
    });

    it('on a terminal: asks with defaults, and Enter takes them', async () => {
        const repo = scratchRepo('globex-partnerships');
        try {
            // `script` runs the CLI on a pseudo-terminal; its input is what the user types.
            const child = spawn('script', ['-q', '-e', '-c', `${process.execPath} ${BIN} init --today 2026-11-22`, '/dev/null'],
                { cwd: repo, env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' }, stdio: ['pipe', 'pipe', 'pipe'] });
            let screen = '';
            const waiters: Array<{ text: RegExp; resolve: () => void }> = [];
            child.stdout.on('data', chunk => {
                screen += String(chunk);
                for (const waiter of [...waiters]) {
                    if (waiter.text.test(screen)) {
                        waiters.splice(waiters.indexOf(waiter), 1);
                        waiter.resolve();
                    }
                }
            });
            const exited = new Promise<number | null>(resolve => child.on('close', resolve));
            const answer = async (prompt: RegExp, typed: string) => {
                await new Promise<void>((resolve, reject) => {
                    if (prompt.test(screen)) {
                        resolve();
                        return;
                    }
                    const timer = setTimeout(() => reject(new Error(`no prompt ${prompt} on the terminal:\n${screen}`)), 20_000);
                    waiters.push({ text: prompt, resolve: () => { clearTimeout(timer); resolve(); } });
                });
                child.stdin.write(`${typed}\r`);
            };
            await answer(/Your organisation \[Globex\]: /, '');
            await answer(/The partner of the first charter \[Partner\]: /, 'Initech');
            await answer(/4\. coalition: [^\n]*\n[\s\S]*Kind \(number or name\) \[co-development\]: /, '9');
            await answer(/Kind \(number or name\) \[co-development\]: [\s\S]*Kind \(number or name\) \[co-development\]: /, 'reseller');
            assert.match(screen, /one of 1-5 or co-development, reseller/);
            await answer(/Folder of the charters \[charters\]: /, 'agreements');
            await answer(/Install a git pre-commit hook\? \(y\/n\) \[n\]: /, 'y');
            const code = await exited;
            assert.equal(code, 0, screen);
            assert.match(screen, /created {2}agreements\/globex-initech\.charter/);
            const charter = fs.readFileSync(path.join(repo, 'agreements/globex-initech.charter'), 'utf8');
            assert.match(charter, /^charter GlobexInitech "Globex reseller programme: Initech" \{/m);
            assert.ok(fs.existsSync(path.join(repo, 'agreements/parties/globex.charter')));
            assert.ok(fs.existsSync(path.join(repo, '.git/hooks/pre-commit')));
            assert.match(fs.readFileSync(path.join(repo, '.github/workflows/charters.yml'), 'utf8'), /paths: agreements/);
            const check = runCli(['check', 'agreements', ...TODAY], { cwd: repo });
            assert.equal(check.code, 0, check.stdout);
        } finally {
            remove(repo);
        }
    });
});
