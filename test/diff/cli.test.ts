import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const PAIRS = 'examples/changes';
const pair = (name: string) => [`${PAIRS}/${name}/before.charter`, `${PAIRS}/${name}/after.charter`];
const TODAY = ['--today', '2026-11-22'];

/** A bad invocation: exit 2 and exactly one line on standard error, no stack trace. */
function assertUsageError(args: string[], pattern: RegExp, cwd?: string): void {
    const result = runCli(['diff', ...args], { cwd });
    assert.equal(result.code, 2, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^entente: [^\n]+\n$/);
    assert.match(result.stderr, pattern);
    assert.doesNotMatch(result.stderr, /\bat .+:\d+:\d+/);
}

describe('entente diff (the CLI process)', function () {
    this.timeout(60_000);

    it('prints the changes for a terminal, control shifts phrased as "joint → Acme alone"', () => {
        const result = runCli(['diff', ...pair('01-decision-control'), ...TODAY]);
        assert.equal(result.code, 0, result.stderr);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], `Governance diff: ${pair('01-decision-control').join(' → ')}`);
        assert.equal(lines[1], 'Charters: 1 changed; 1 change; 0 findings introduced, 0 resolved.');
        assert.ok(lines.includes('  ~ changed decision PriceList'), result.stdout);
        assert.ok(lines.includes('      control: joint → Acme alone'), result.stdout);
        assert.ok(lines.includes('  health: overall 99 → 98 (-1); equality 96 → 92 (-4) [Balance of say between parties 0.67 → 1.00, Decision weight shared by two or more parties (mutuality) 1.00 → 0.67]'), result.stdout);
    });

    it('says a pure reformat changes nothing', () => {
        const result = runCli(['diff', ...pair('13-reformat'), ...TODAY]);
        assert.equal(result.code, 0);
        assert.match(result.stdout, /Charters: 1 unchanged; 0 changes; 0 findings introduced, 0 resolved\./);
        assert.match(result.stdout, /Unchanged: AcmeGlobex \(health 98\)\./);
        assert.doesNotMatch(result.stdout, /\b(changed|renamed|added|removed)\b/);
    });

    it('writes a pull-request comment in markdown: heading, summary, score table, a section a charter', () => {
        const result = runCli(['diff', ...pair('03-body-seats'), '--format', 'markdown', ...TODAY]);
        assert.equal(result.code, 0);
        const lines = result.stdout.split('\n');
        assert.equal(lines[0], '### Entente governance diff');
        assert.equal(lines[2], 'Charters: 1 changed; 1 change; 1 finding introduced, 0 resolved.');
        assert.equal(lines[4], `Compared \`${pair('03-body-seats')[0]}\` → \`${pair('03-body-seats')[1]}\`.`, 'what was compared, as the pretty heading says it');
        assert.ok(lines.includes('| Charter | overall | equality | openness | conflict | accountability | outcomes |'));
        assert.ok(lines.includes('| AcmeGlobex | 98 → 79 (-19) 🔻 | 92 → 79 (-13) 🔻 | 100 | 100 | 100 | 100 |'), result.stdout);
        assert.ok(lines.includes('#### AcmeGlobex (changed)'));
        assert.ok(lines.includes('  - seats: Acme 2, Globex 2 → Acme 3, Globex 2'), result.stdout);
        assert.ok(lines.some(line => line.startsWith('- 🟠 new warning [unbalanced-body](https://github.com/entente-charters/entente/blob/main/docs/rules/unbalanced-body.md): ')), result.stdout);
    });

    it('prints stable json with paths, 1-based lines and score deltas', () => {
        const result = runCli(['diff', ...pair('14-findings-resolved'), '--format', 'json', ...TODAY]);
        assert.equal(result.code, 0);
        const output = JSON.parse(result.stdout);
        assert.equal(output.version, 1);
        assert.deepEqual(Object.keys(output), ['version', 'old', 'new', 'summary', 'parties', 'charters', 'findings', 'journalsWithoutCharter']);
        assert.equal(output.summary.findingsResolved, 3);
        const [charter] = output.charters;
        assert.equal(charter.change, 'changed');
        assert.equal(charter.oldPath, `${PAIRS}/14-findings-resolved/before.charter`);
        assert.deepEqual(charter.health.overall, { before: 79, after: 98, delta: 19 });
        assert.deepEqual(charter.findings.resolved.map((finding: { rule: string }) => finding.rule), ['unowned-commitment', 'unresolved-escalation', 'untimed-escalation-level']);
        const owner = charter.findings.resolved[0];
        assert.equal(owner.path, `${PAIRS}/14-findings-resolved/before.charter`);
        assert.equal(fs.readFileSync(path.join(REPO_ROOT, owner.path), 'utf8').split('\n')[owner.line - 1].trim(), 'commitment ShareRoadmap "Share the product roadmap" {');
        assert.deepEqual(charter.changes.find((change: { name: string }) => change.name === 'ShareRoadmap'),
            { change: 'changed', element: 'commitment', name: 'ShareRoadmap', attributes: [{ attribute: 'owner', after: 'Globex.PartnerManager' }] });
        assert.equal(runCli(['diff', ...pair('14-findings-resolved'), '--format', 'json', ...TODAY]).stdout, result.stdout, 'the same run prints the same bytes');
    });

    it('compares two folders, each its own workspace', () => {
        const result = runCli(['diff', `${PAIRS}/17-folders/before`, `${PAIRS}/17-folders/after`, '--format', 'json', ...TODAY]);
        assert.equal(result.code, 0, result.stderr);
        const output = JSON.parse(result.stdout);
        assert.deepEqual(output.charters.map((charter: { name: string; change: string }) => `${charter.name} ${charter.change}`), ['AcmeGlobex unchanged', 'AcmeGlobexSupport added']);
        assert.equal(output.charters[0].newPath, `${PAIRS}/17-folders/after/acme-globex.charter`);
    });

    it('gives the markdown score table the charters the change touched, and names the unchanged ones on one line', () => {
        const lines = runCli(['diff', `${PAIRS}/17-folders/before`, `${PAIRS}/17-folders/after`, '--format', 'markdown', ...TODAY]).stdout.split('\n');
        assert.deepEqual(lines.filter(line => /^\| [A-Z]/.test(line) && !line.startsWith('| Charter |')), ['| AcmeGlobexSupport | – → 97 | – → 100 | – → 100 | – → 100 | – → 100 | – → 87 |'], lines.join('\n'));
        assert.ok(lines.includes('Unchanged: AcmeGlobex \\(health 98\\).'), lines.join('\n'));
    });

    it('keeps charter text inert in markdown and a huge diff within a pull-request comment', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-md-'));
        try {
            const parties = 'party Acme { role Lead }\nparty Globex { role Lead }\n';
            const decisions = (title: string) => Array.from({ length: 600 }, (_, index) => `    decision D${index} "${title} ${index}" { decided by Acme informs Globex }`).join('\n');
            const charter = (title: string) => `${parties}charter Deal "Deal" {\n    parties Acme, Globex\n${decisions(title)}\n}\n`;
            fs.writeFileSync(path.join(folder, 'before.charter'), charter('Plain'));
            fs.writeFileSync(path.join(folder, 'after.charter'), charter('<img src=x onerror=alert(1)> | [link](http://evil.example) **'));
            const result = runCli(['diff', 'before.charter', 'after.charter', '--format', 'markdown', ...TODAY], { cwd: folder });
            assert.equal(result.code, 0, result.stderr);
            assert.ok(result.stdout.length <= 60_200, `${result.stdout.length} characters`);
            assert.match(result.stdout, /\n…and \d+ more lines: run `entente diff` for the whole report\.\n$/);
            assert.ok(result.stdout.includes('\\<img src=x onerror=alert\\(1\\)\\> \\| \\[link\\]\\(http://evil.example\\) \\*\\*'), result.stdout.slice(0, 2000));
            assert.doesNotMatch(result.stdout, /(^|[^\\])<img|\]\(http/, 'only escaped markup is left');
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('uses one --config on both sides, and stops on a broken one', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-config-'));
        try {
            const quiet = path.join(folder, 'entente.json');
            fs.writeFileSync(quiet, JSON.stringify({ rules: { 'unbalanced-body': 'off' } }));
            const result = runCli(['diff', ...pair('03-body-seats'), '--config', quiet, '--format', 'json', ...TODAY]);
            assert.equal(result.code, 0, result.stderr);
            assert.equal(JSON.parse(result.stdout).summary.findingsIntroduced, 0);
            const broken = path.join(folder, 'broken.json');
            fs.writeFileSync(broken, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
            assertUsageError([...pair('03-body-seats'), '--config', broken], /no-such-rule/);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('fails the gates only when asked and only when they trip', () => {
        const worse = runCli(['diff', ...pair('03-body-seats'), '--fail-on-new-findings', '--fail-on-score-drop', ...TODAY]);
        assert.equal(worse.code, 1);
        assert.equal(worse.stderr, 'entente: 1 new finding, 1 charter scores lower (AcmeGlobex: design 98 → 79)\n');
        for (const format of ['json', 'markdown']) {
            const asData = runCli(['diff', ...pair('03-body-seats'), '--fail-on-new-findings', '--fail-on-score-drop', '--format', format, ...TODAY]);
            assert.deepEqual([asData.code, asData.stderr], [1, worse.stderr], `--format ${format} says which gate tripped as pretty does`);
        }
        assert.equal(runCli(['diff', ...pair('03-body-seats'), ...TODAY]).code, 0);
        assert.equal(runCli(['diff', ...pair('14-findings-resolved'), '--fail-on-new-findings', '--fail-on-score-drop', ...TODAY]).code, 0);
    });

    it('names the charters a score gate failed on, with their scores, the first ten of many', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-drops-'));
        try {
            // Twelve charters (their parties in a file of their own), each given the third seat of 03-body-seats.
            for (const side of ['before', 'after']) {
                const text = fs.readFileSync(path.join(REPO_ROOT, PAIRS, '03-body-seats', `${side}.charter`), 'utf8');
                const parties = text.match(/^party [\s\S]*?^}\n/gm)!.join('\n');
                fs.mkdirSync(path.join(folder, side));
                fs.writeFileSync(path.join(folder, side, 'parties.charter'), parties);
                for (let i = 1; i <= 12; i++) {
                    fs.writeFileSync(path.join(folder, side, `deal-${i}.charter`), text.replace(/^party [\s\S]*?^}\n/gm, '').replace('charter AcmeGlobex', `charter Deal${String(i).padStart(2, '0')}`));
                }
            }
            const result = runCli(['diff', 'before', 'after', '--fail-on-score-drop=design', ...TODAY], { cwd: folder });
            assert.equal(result.code, 1, result.stderr);
            const named = Array.from({ length: 10 }, (_, i) => `Deal${String(i + 1).padStart(2, '0')}: design 98 → 79`).join('; ');
            assert.equal(result.stderr, `entente: 12 charters score lower (${named}; and 2 more)\n`);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('never lets a removed charter pass a score gate unsaid: named on standard error, failed with --fail-on-removed', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-removed-'));
        try {
            for (const side of ['old', 'new']) {
                fs.mkdirSync(path.join(folder, side));
                fs.copyFileSync(path.join(REPO_ROOT, PAIRS, '13-reformat', 'before.charter'), path.join(folder, side, 'acme-globex.charter'));
            }
            fs.writeFileSync(path.join(folder, 'old', 'old-deal.charter'), 'charter OldDeal {\n    parties Acme, Globex\n}\n');
            const sides = [path.join(folder, 'old'), path.join(folder, 'new')];
            const plain = runCli(['diff', ...sides, '--fail-on-score-drop', ...TODAY]);
            assert.equal(plain.code, 0, 'a removed charter is no score drop');
            assert.match(plain.stdout, /^Charter OldDeal removed \(/m);
            assert.equal(plain.stderr, 'entente: 1 charter removed (OldDeal): no score on the new side, so no drop for --fail-on-score-drop; add --fail-on-removed to fail on it\n');
            const gated = runCli(['diff', ...sides, '--fail-on-score-drop', '--fail-on-removed', ...TODAY]);
            assert.equal(gated.code, 1);
            assert.equal(gated.stderr, 'entente: 1 charter removed (OldDeal)\n');
            const json = runCli(['diff', ...sides, '--fail-on-score-drop', '--fail-on-removed', '--format', 'json', ...TODAY]);
            assert.deepEqual([json.code, json.stderr], [1, gated.stderr], 'the same line on standard error with --format json');
            const jsonPlain = runCli(['diff', ...sides, '--fail-on-score-drop', '--format', 'json', ...TODAY]);
            assert.deepEqual([jsonPlain.code, jsonPlain.stderr], [0, plain.stderr]);
            const ungated = runCli(['diff', ...sides, ...TODAY]);
            assert.deepEqual([ungated.code, ungated.stderr], [0, '']);
            // Nothing removed: nothing said.
            const none = runCli(['diff', sides[1], sides[1], '--fail-on-score-drop', '--fail-on-removed', ...TODAY]);
            assert.deepEqual([none.code, none.stderr], [0, '']);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('rejects bad input with one line and exit code 2', () => {
        assertUsageError([pair('01-decision-control')[0]], /takes two paths, OLD and NEW/);
        assertUsageError([pair('01-decision-control')[0], 'no/such/file.charter'], /no\/such\/file\.charter: no such file or folder/);
        assertUsageError([...pair('01-decision-control'), '--format', 'sarif'], /--format takes one of pretty, markdown, json/);
        assertUsageError([...pair('01-decision-control'), '--colour'], /Unknown option '--colour'/);
        assertUsageError([...pair('01-decision-control'), '--today', '2026-02-30'], /--today: 2026-02-30 is not a date of the calendar/);
    });

    it('has help, and is listed in the CLI help', () => {
        const help = runCli(['diff', '--help']);
        assert.equal(help.code, 0);
        assert.match(help.stdout, /^Usage: entente diff OLD NEW \[options\]/);
        // The gate's help says what the reports and docs/diff.md say: a layer no longer measured is a drop.
        assert.match(help.stdout.replace(/\s+/g, ' '), /A layer measured before and no longer measured after \(a journal unlinked from its charter, or deleted\) is a drop: 59 → not measured\./);
        assert.match(runCli(['--help']).stdout, /\n {2}diff +Show what a change does to the governance/);
    });

    describe('--git BASE', () => {
        let repo: string;
        const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
        const read = (name: string) => fs.readFileSync(path.join(REPO_ROOT, PAIRS, name), 'utf8');

        before(() => {
            repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-git-')));
            git('init', '-q', '-b', 'main');
            git('config', 'user.name', 'Entente Test');
            git('config', 'user.email', 'test@example.invalid');
            git('config', 'commit.gpgsign', 'false');
            fs.mkdirSync(path.join(repo, 'charters'));
            fs.writeFileSync(path.join(repo, 'charters', 'acme-globex.charter'), read('01-decision-control/before.charter'));
            fs.writeFileSync(path.join(repo, 'charters', 'old-deal.charter'), 'charter OldDeal {\n    parties Acme, Globex\n}\n');
            fs.writeFileSync(path.join(repo, 'README.md'), 'not a charter\n');
            // Tracked but ignored by check: neither side may see it.
            fs.mkdirSync(path.join(repo, 'charters', 'pairs'));
            fs.writeFileSync(path.join(repo, 'charters', 'pairs', 'ignored.charter'), 'charter Ignored {\n    parties Acme, Globex\n}\n');
            fs.writeFileSync(path.join(repo, 'charters', '.ententeignore'), 'pairs/\n');
            git('add', '.');
            git('commit', '-q', '-m', 'base');
            git('tag', 'base');
            fs.writeFileSync(path.join(repo, 'charters', 'acme-globex.charter'), read('01-decision-control/after.charter'));
            fs.rmSync(path.join(repo, 'charters', 'old-deal.charter'));
            fs.writeFileSync(path.join(repo, 'charters', 'new-deal.charter'), 'charter NewDeal {\n    parties Acme, Globex\n    vision "New."\n}\n');
        });
        after(() => fs.rmSync(repo, { recursive: true, force: true }));

        it('compares the working tree with the files committed at BASE: changed, added and removed charters', () => {
            const result = runCli(['diff', '--git', 'base', '--format', 'json', ...TODAY], { cwd: repo });
            assert.equal(result.code, 0, result.stderr);
            const output = JSON.parse(result.stdout);
            assert.equal(output.old, '. at base');
            assert.deepEqual(output.charters.map((charter: { name: string; change: string; oldPath: string | null; newPath: string | null }) =>
                [charter.name, charter.change, charter.oldPath, charter.newPath]), [
                ['AcmeGlobex', 'changed', 'charters/acme-globex.charter', 'charters/acme-globex.charter'],
                ['NewDeal', 'added', null, 'charters/new-deal.charter'],
                ['OldDeal', 'removed', 'charters/old-deal.charter', null]
            ]);
            const control = output.charters[0].changes[0].attributes.find((attribute: { attribute: string }) => attribute.attribute === 'control');
            assert.deepEqual(control, { attribute: 'control', before: 'joint', after: 'Acme alone' });
        });

        it('takes paths relative to the current folder, also a subfolder of the repository', () => {
            const fromRoot = runCli(['diff', '--git', 'HEAD', 'charters/acme-globex.charter', ...TODAY], { cwd: repo });
            assert.equal(fromRoot.code, 0, fromRoot.stderr);
            assert.match(fromRoot.stdout, /Charters: 1 changed; 1 change;/);
            const fromInside = runCli(['diff', '--git', 'HEAD', '--format', 'json', ...TODAY], { cwd: path.join(repo, 'charters') });
            assert.equal(fromInside.code, 0, fromInside.stderr);
            assert.deepEqual(JSON.parse(fromInside.stdout).summary.chartersAdded, 1);
            assert.equal(JSON.parse(fromInside.stdout).charters[0].oldPath, 'acme-globex.charter');
        });

        it('runs the diff steps docs/ci.md gives for GitHub Actions and GitLab CI', () => {
            git('update-ref', 'refs/remotes/origin/main', 'base');
            const ci = fs.readFileSync(path.join(REPO_ROOT, 'docs/ci.md'), 'utf8');
            const steps = [...ci.matchAll(/npx entente (diff [^\n>]+?)\s*>/g)].map(match => match[1]
                .replace('${{ github.base_ref }}', 'main').replace('$CI_MERGE_REQUEST_TARGET_BRANCH_NAME', 'main').replace(/"/g, '').split(/\s+/));
            assert.ok(steps.length >= 2, `diff steps in docs/ci.md: ${steps.length}`);
            for (const step of steps) {
                const result = runCli([...step, ...TODAY], { cwd: repo });
                assert.equal(result.code, 0, `${step.join(' ')}: ${result.stderr}`);
                assert.match(result.stdout, /^### Entente governance diff\n/);
            }
        });

        it('rejects an unknown BASE, a folder outside any repository and a path on neither side', () => {
            assertUsageError(['--git', 'no-such-branch'], /no-such-branch: no such commit, branch or tag/, repo);
            assertUsageError(['--git', 'base', 'nowhere'], /nowhere: no such file or folder/, repo);
            assertUsageError(['--git', 'base', '..'], /\.\.: outside the git repository at /, repo);
            assertUsageError(['--git=--output=/tmp/x'], /--git takes a commit, not '--output=\/tmp\/x'/, repo);
            const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-nogit-'));
            try {
                assertUsageError(['--git', 'HEAD'], /not inside a git repository/, outside);
            } finally {
                fs.rmSync(outside, { recursive: true, force: true });
            }
        });
    });

    describe('--git A..B and --git A...B: two commits, neither the working tree', () => {
        let repo: string;
        const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined } });
        const read = (name: string) => fs.readFileSync(path.join(REPO_ROOT, PAIRS, name), 'utf8');
        const write = (name: string, text: string) => fs.writeFileSync(path.join(repo, 'charters', name), text);
        type Output = { old: string; new: string; charters: Array<{ name: string; change: string }> };
        const diff = (range: string) => {
            const result = runCli(['diff', '--git', range, 'charters', '--format', 'json', ...TODAY], { cwd: repo });
            assert.equal(result.code, 0, result.stderr);
            const output = JSON.parse(result.stdout) as Output;
            return { labels: [output.old, output.new], charters: output.charters.map(charter => `${charter.name} ${charter.change}`) };
        };

        before(() => {
            // main: the charter; feature: its decision moves to Acme; main then adds a charter of its own.
            repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-diff-range-')));
            git('init', '-q', '-b', 'main');
            git('config', 'user.name', 'Entente Test');
            git('config', 'user.email', 'test@example.invalid');
            git('config', 'commit.gpgsign', 'false');
            fs.mkdirSync(path.join(repo, 'charters'));
            write('acme-globex.charter', read('01-decision-control/before.charter'));
            git('add', '.');
            git('commit', '-q', '-m', 'base');
            git('checkout', '-q', '-b', 'feature');
            write('acme-globex.charter', read('01-decision-control/after.charter'));
            git('commit', '-q', '-am', 'PriceList to Acme');
            git('checkout', '-q', 'main');
            write('on-main.charter', 'charter OnMain {\n    parties Acme, Globex\n}\n');
            git('add', '.');
            git('commit', '-q', '-m', 'A charter on main');
            git('checkout', '-q', 'feature');
            // The working tree is no side of a range: a broken edit in it changes nothing.
            write('acme-globex.charter', 'charter {\n');
        });
        after(() => fs.rmSync(repo, { recursive: true, force: true }));

        it('A..B compares the files as committed at A and at B', () => {
            assert.deepEqual(diff('main..feature'), {
                labels: ['charters at main', 'charters at feature'],
                charters: ['AcmeGlobex changed', 'OnMain removed']
            });
            assert.deepEqual(diff('feature..main').charters, ['AcmeGlobex changed', 'OnMain added']);
            // An end left out is HEAD, as in git.
            assert.deepEqual(diff('main..').labels, ['charters at main', 'charters at HEAD']);
        });

        it('A...B compares the merge base of A and B with B: what a pull request of B into A changes, not what A did since', () => {
            assert.deepEqual(diff('main...feature'), {
                labels: ['charters at the merge base of main and feature', 'charters at feature'],
                charters: ['AcmeGlobex changed']
            });
            const pretty = runCli(['diff', '--git', 'main...feature', 'charters', '--fail-on-score-drop', ...TODAY], { cwd: repo });
            assert.equal(pretty.code, 1, 'the gates work on a range');
            assert.match(pretty.stdout, /^ {6}control: joint → Acme alone$/m);
        });

        it('rejects a malformed range, an unknown end and a path on neither side in one line', () => {
            assertUsageError(['--git', 'main..feature..x'], /--git takes BASE, A\.\.B or A\.\.\.B, not 'main\.\.feature\.\.x'/, repo);
            assertUsageError(['--git', '..'], /--git takes BASE, A\.\.B or A\.\.\.B, not '\.\.'/, repo);
            assertUsageError(['--git', 'main..nope'], /nope: no such commit, branch or tag/, repo);
            assertUsageError(['--git', 'main..feature', 'nowhere'], /nowhere: no such file or folder \(neither at main nor at feature\)/, repo);
        });
    });
});
