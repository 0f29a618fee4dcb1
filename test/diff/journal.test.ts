import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/operations');

/** The edits of the tester's report: a delivery become a miss, an assessment's trust 4 → 1, a dispute resolved later. */
const TESTER_EDITS = (journal: string) => journal
    .replace('2026-04-09 delivered ShareRoadmap', '2026-04-09 missed ShareRoadmap "No owner"')
    .replace('assessed by Acme { trust 4 commitment', 'assessed by Acme { trust 1 commitment')
    .replace('2026-05-19 resolved NordicLeads', '2026-05-30 resolved NordicLeads');
const TODAY = ['--today', '2026-11-22'];
const JOURNAL = 'acme-globex-2026.charter';
const temporaryFolders: string[] = [];

/** A new temporary folder, removed after the tests. */
function temporaryFolder(): string {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-journal-diff-')));
    temporaryFolders.push(folder);
    return folder;
}

/** The operations fixture copied twice, the new side's journal edited. */
function sides(edit: (journal: string) => string): [string, string] {
    const root = temporaryFolder();
    const [before, after] = ['before', 'after'].map(side => {
        const dir = path.join(root, side);
        fs.cpSync(FIXTURES, dir, { recursive: true });
        return dir;
    });
    const journal = path.join(after, 'acme-globex-2026.charter');
    fs.writeFileSync(journal, edit(fs.readFileSync(journal, 'utf8')));
    return [before, after];
}

describe('entente diff of a journal change', function () {
    this.timeout(60_000);
    after(() => temporaryFolders.forEach(folder => fs.rmSync(folder, { recursive: true, force: true })));

    it('shows the execution and perceived deltas and the new execution findings, the design score untouched', () => {
        const [before, after] = sides(journal => journal
            .replace('    2026-04-22 met SteeringCommittee with Acme.AllianceLead, Globex.PartnerManager\n', '')
            .replace('    2026-07-01 note', '    2026-06-25 missed ShareRoadmap "Nobody owned it"\n    2026-07-01 note')
            .replace('assessed by Globex { trust 2 commitment 3 coordination 3 communication 2 }', 'assessed by Globex { trust 1 commitment 2 coordination 2 communication 1 }'));
        const result = runCli(['diff', before, after, '--today', '2026-07-02', '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        const diff = JSON.parse(result.stdout);
        const charter = diff.charters.find((c: { name: string }) => c.name === 'AcmeGlobex');
        assert.equal(charter.health.overall.delta, 0, 'the design score does not move');
        assert.ok(charter.health.perceived.delta < 0, `perceived goes down: ${JSON.stringify(charter.health.perceived)}`);
        assert.ok(charter.health.execution.delta < 0, `execution goes down: ${JSON.stringify(charter.health.execution)}`);
        assert.ok(charter.findings.introduced.some((f: { rule: string }) => f.rule === 'missed-commitment'), 'the missed entry is a new finding');

        const pretty = runCli(['diff', before, after, '--today', '2026-07-02']);
        assert.match(pretty.stdout, /health: overall 98 \(no change\)|health: overall 98; execution \d+ → \d+ \(-\d+\); perceived 53 → \d+ \(-\d+\)/);
        assert.match(pretty.stdout, /execution \d+ → \d+ \(-\d+\)/);
        const markdown = runCli(['diff', before, after, '--today', '2026-07-02', '--format', 'markdown']);
        assert.match(markdown.stdout, /\| Charter \| overall \| equality \| openness \| conflict \| accountability \| outcomes \| execution \| perceived \|/);
    });

    it('reports a journal-only change as a change (not an empty diff)', () => {
        const [before, after] = sides(journal => journal.replace('    2026-07-01 note', '    2026-06-30 met SteeringCommittee with Acme.AllianceLead, Globex.PartnerManager\n    2026-07-01 note'));
        const result = runCli(['diff', before, after, '--today', '2026-07-02']);
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stdout, /^No governance changes/m);
        assert.match(result.stdout, /^Charters: 1 changed; 1 change \(1 journal entry\);/m);
        assert.match(result.stdout, /^ {2}\+ entry 2026-06-30 met SteeringCommittee with Acme\.AllianceLead, Globex\.PartnerManager \(.*acme-globex-2026\.charter:18\)$/m);
    });

    it('lists the charter whose journal changed as changed, with its entries, counts and layer deltas (the tester\'s case)', () => {
        const [before] = sides(TESTER_EDITS);
        const root = path.dirname(before);
        const pretty = runCli(['diff', 'before', 'after', ...TODAY], { cwd: root });
        assert.equal(pretty.code, 0, pretty.stderr);
        assert.deepEqual(pretty.stdout.split('\n').slice(1), [
            'Charters: 1 changed; 3 changes (3 journal entries); 1 finding introduced, 0 resolved.',
            '',
            'Charter AcmeGlobex changed (before/acme-globex.charter → after/acme-globex.charter)',
            '  ~ entry 2026-04-09 missed ShareRoadmap: kind: delivered → missed, reason: none → "No owner" (after/acme-globex-2026.charter:6)',
            '  ~ entry 2026-05-30 resolved NordicLeads: date: 2026-05-19 → 2026-05-30 (after/acme-globex-2026.charter:14)',
            '  ~ entry 2026-06-30 assessed by Acme: trust: 4 → 1 (after/acme-globex-2026.charter:16)',
            '  + new warning dispute-over-time: Dispute NordicLeads took 26 days to resolve; the 2 levels of Disputes it reached allow 15 days. (after/acme-globex-2026.charter:12)',
            '  health: overall 98; execution 59 → 37 (-22); perceived 53 → 44 (-9)',
            ''
        ]);

        const json = JSON.parse(runCli(['diff', 'before', 'after', '--format', 'json', ...TODAY], { cwd: root }).stdout);
        assert.deepEqual(json.summary, {
            chartersAdded: 0, chartersRemoved: 0, chartersRenamed: 0, chartersChanged: 1, chartersUnchanged: 0, changes: 3,
            findingsIntroduced: 1, findingsResolved: 0, scoreDrops: 1, journalChanges: 3, designDrops: 0, executionDrops: 1, perceivedDrops: 1, noLongerMeasured: 0
        });
        const [charter] = json.charters;
        assert.equal(charter.change, 'changed');
        assert.deepEqual(charter.journal[2], {
            change: 'changed', journal: 'AcmeGlobex2026', kind: 'assessed', date: '2026-06-30',
            entry: '2026-06-30 assessed by Acme { trust 1 commitment 4 coordination 3 communication 4 }', headline: '2026-06-30 assessed by Acme',
            attributes: [{ attribute: 'trust', before: '4', after: '1' }], path: `after/${JOURNAL}`, line: 16
        });
        assert.deepEqual([charter.health.execution, charter.health.perceived], [{ before: 59, after: 37, delta: -22 }, { before: 53, after: 44, delta: -9 }]);

        const markdown = runCli(['diff', 'before', 'after', '--format', 'markdown', ...TODAY], { cwd: root }).stdout.split('\n');
        assert.ok(markdown.includes('#### AcmeGlobex (changed)'), markdown.join('\n'));
        assert.ok(markdown.includes('- 🔄 changed entry **2026\\-06\\-30 assessed by Acme**: trust: 4 → 1 (`after/acme-globex-2026.charter:16`)'), markdown.join('\n'));
        // The section gives the layers' moves as the terminal's `health:` line does, not only the table.
        const section = markdown.slice(markdown.indexOf('#### AcmeGlobex (changed)'));
        assert.deepEqual(section.filter(line => line.startsWith('- 📓 ')), ['- 📓 execution 59 → 37 (-22) 🔻', '- 📓 perceived 53 → 44 (-9) 🔻']);
    });

    it('marks a new error in the markdown comment as an error, not with a warning\'s sign, each rule linked to its page', () => {
        const [, after] = sides(journal => TESTER_EDITS(journal).replace('    2026-07-01 note', '    2026-07-01 delivered ShareRoadmapp\n    2026-07-01 note'));
        const lines = runCli(['diff', 'before', 'after', '--format', 'markdown', ...TODAY], { cwd: path.dirname(after) }).stdout.split('\n');
        const rule = (id: string) => `[${id}](https://github.com/entente-charters/entente/blob/main/docs/rules/${id}.md)`;
        assert.ok(lines.includes(`- 🔴 new error ${rule('unresolved-reference')}: No commitment named 'ShareRoadmapp' is declared \\(did you mean 'ShareRoadmap'?\\). (\`after/${JOURNAL}:18\`)`), lines.join('\n'));
        assert.ok(lines.some(line => line.startsWith(`- 🟠 new warning ${rule('dispute-over-time')}: `)), lines.join('\n'));
    });

    it('fails --fail-on-score-drop on an execution or perceived drop, and on the layers named only when they are', () => {
        const [before, after] = sides(TESTER_EDITS);
        const all = runCli(['diff', before, after, '--fail-on-score-drop', ...TODAY]);
        assert.equal(all.code, 1, all.stdout);
        assert.equal(all.stderr, 'entente: 1 charter scores lower (AcmeGlobex: execution 59 → 37, perceived 53 → 44)\n');
        assert.equal(runCli(['diff', before, after, '--fail-on-score-drop=design', ...TODAY]).code, 0);
        const perceived = runCli(['diff', before, after, '--fail-on-score-drop=design,perceived', ...TODAY]);
        assert.equal(perceived.code, 1);
        assert.equal(perceived.stderr, 'entente: 1 charter scores lower (AcmeGlobex: perceived 53 → 44)\n');
        const bad = runCli(['diff', before, after, '--fail-on-score-drop=overall', ...TODAY]);
        assert.equal(bad.code, 2);
        assert.equal(bad.stderr, "entente: --fail-on-score-drop names layers: design, execution or perceived, not 'overall'\n");
    });

    it('fails --fail-on-score-drop when a change leaves the execution and perceived layers no longer measured, saying so in every format', () => {
        const unlinks: Array<[string, (after: string) => void]> = [
            ['the charter renamed', after => {
                const charter = path.join(after, 'acme-globex.charter');
                fs.writeFileSync(charter, fs.readFileSync(charter, 'utf8').replace('charter AcmeGlobex ', 'charter AcmeGlobexCo '));
            }],
            ['the journal\'s for broken', after => {
                const journal = path.join(after, JOURNAL);
                fs.writeFileSync(journal, fs.readFileSync(journal, 'utf8').replace('for AcmeGlobex {', 'for AcmeGlobexx {'));
            }],
            ['the journal deleted', after => fs.rmSync(path.join(after, JOURNAL))]
        ];
        for (const [what, unlink] of unlinks) {
            const [before, after] = sides(journal => journal);
            unlink(after);
            const name = what === 'the charter renamed' ? 'AcmeGlobexCo' : 'AcmeGlobex';
            const gated = runCli(['diff', before, after, '--fail-on-score-drop', ...TODAY]);
            assert.equal(gated.code, 1, `${what}: ${gated.stdout}`);
            assert.equal(gated.stderr, `entente: 1 charter scores lower (${name}: execution 59 → not measured, perceived 53 → not measured)\n`, what);
            assert.match(gated.stdout, /^ {2}health: overall 98; execution 59 → not measured; perceived 53 → not measured$/m, what);
            const execution = runCli(['diff', before, after, '--fail-on-score-drop=execution', ...TODAY]);
            assert.equal(execution.stderr, `entente: 1 charter scores lower (${name}: execution 59 → not measured)\n`, what);
            assert.equal(runCli(['diff', before, after, '--fail-on-score-drop=design', ...TODAY]).code, 0, `${what}: the design score is still measured`);

            const json = runCli(['diff', before, after, '--fail-on-score-drop', '--format', 'json', ...TODAY]);
            assert.equal(json.code, 1, what);
            const { summary, charters } = JSON.parse(json.stdout);
            assert.deepEqual([summary.scoreDrops, summary.designDrops, summary.executionDrops, summary.perceivedDrops, summary.noLongerMeasured], [1, 0, 1, 1, 1], what);
            assert.deepEqual(charters[0].health.execution, { before: 59, after: null, delta: null }, what);

            const markdown = runCli(['diff', before, after, '--fail-on-score-drop', '--format', 'markdown', ...TODAY]);
            assert.equal(markdown.code, 1, what);
            assert.ok(markdown.stdout.split('\n').some(line => line.startsWith(`| ${name} | 98 | `) && line.endsWith(' | 59 → not measured 🔻 | 53 → not measured 🔻 |')), `${what}:\n${markdown.stdout}`);
            assert.ok(markdown.stdout.includes('\n- 📓 execution 59 → not measured 🔻\n- 📓 perceived 53 → not measured 🔻\n'), `${what}:\n${markdown.stdout}`);
        }
    });

    it('counts a layer measured on the new side only, and a charter removed with its journal, as no drop', () => {
        const [before, after] = sides(journal => journal);
        fs.rmSync(path.join(before, JOURNAL));
        const added = runCli(['diff', before, after, '--fail-on-score-drop', ...TODAY]);
        assert.equal(added.code, 0, added.stderr);
        assert.match(added.stdout, /^ {2}health: overall 98; execution not measured → 59; perceived not measured → 53$/m);
        const removed = runCli(['diff', after, path.join(before, 'parties'), '--fail-on-score-drop', '--format', 'json', ...TODAY]);
        assert.equal(removed.code, 0, removed.stderr);
        assert.equal(JSON.parse(removed.stdout).summary.noLongerMeasured, 0);
    });

    it('reports a journal file added whole as its entries added', () => {
        const [before, after] = sides(journal => journal);
        fs.rmSync(path.join(before, JOURNAL));
        const entries = fs.readFileSync(path.join(after, JOURNAL), 'utf8').split('\n').filter(line => /^ {4}\d{4}-\d{2}-\d{2} /.test(line)).length;
        const result = runCli(['diff', before, after, '--format', 'json', ...TODAY]);
        const [charter] = JSON.parse(result.stdout).charters;
        assert.equal(charter.change, 'changed');
        assert.equal(charter.journal.length, entries);
        assert.ok(charter.journal.every((change: { change: string }) => change.change === 'added'));
        assert.match(runCli(['diff', before, after, ...TODAY]).stdout, new RegExp(`^Charters: 1 changed; ${entries} changes \\(${entries} journal entries\\);`, 'm'));
    });

    it('finds the charter of two journal files compared alone in the folders above them', () => {
        const root = temporaryFolder();
        fs.cpSync(FIXTURES, root, { recursive: true });
        const journal = fs.readFileSync(path.join(root, JOURNAL), 'utf8');
        fs.rmSync(path.join(root, JOURNAL));
        for (const [version, text] of [['v1', journal], ['v2', TESTER_EDITS(journal)]]) {
            fs.mkdirSync(path.join(root, 'journals', version), { recursive: true });
            fs.writeFileSync(path.join(root, 'journals', version, JOURNAL), text);
        }
        const result = runCli(['diff', `journals/v1/${JOURNAL}`, `journals/v2/${JOURNAL}`, '--format', 'json', ...TODAY], { cwd: root });
        assert.equal(result.code, 0, result.stderr);
        const output = JSON.parse(result.stdout);
        assert.deepEqual(output.charters.map((charter: { name: string; change: string; newPath: string }) => [charter.name, charter.change, charter.newPath]), [['AcmeGlobex', 'changed', 'acme-globex.charter']]);
        assert.equal(output.summary.journalChanges, 3);
        assert.deepEqual(output.parties, [], 'the parties loaded to resolve the charter are not compared');
        assert.deepEqual(output.journalsWithoutCharter, []);
    });

    it('says in one line when a journal\'s charter is nowhere to be found', () => {
        const root = temporaryFolder();
        for (const [side, entries] of [['a', ''], ['b', '    2026-05-02 missed TrainSellers\n']]) {
            fs.mkdirSync(path.join(root, side));
            fs.writeFileSync(path.join(root, side, 'log.charter'), `journal Log for Nowhere {\n${entries}}\n`);
        }
        const result = runCli(['diff', 'a/log.charter', 'b/log.charter', ...TODAY], { cwd: root });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout.split('\n')[2],
            'Journal Log (a/log.charter → b/log.charter) is for charter Nowhere, found neither in the files compared nor in a folder above them: its entries are not compared.');
        assert.deepEqual(JSON.parse(runCli(['diff', 'a', 'b', '--format', 'json', ...TODAY], { cwd: root }).stdout).journalsWithoutCharter,
            [{ journal: 'Log', charter: 'Nowhere', oldPath: 'a/log.charter', newPath: 'b/log.charter' }]);
    });

    it('shows a change to the journals folder alone with --git, the charter read at BASE and in the working tree', () => {
        const repo = temporaryFolder();
        const git = (...args: string[]) => gitIn(repo, ...args);
        fs.cpSync(FIXTURES, repo, { recursive: true });
        fs.mkdirSync(path.join(repo, 'journals'));
        fs.renameSync(path.join(repo, JOURNAL), path.join(repo, 'journals', JOURNAL));
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-q', '-m', 'base');
        const journal = path.join(repo, 'journals', JOURNAL);
        fs.writeFileSync(journal, TESTER_EDITS(fs.readFileSync(journal, 'utf8')));
        const result = runCli(['diff', '--git', 'HEAD', 'journals', ...TODAY], { cwd: repo });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^Charters: 1 changed; 3 changes \(3 journal entries\); 1 finding introduced, 0 resolved\.$/m);
        assert.match(result.stdout, /^ {2}~ entry 2026-06-30 assessed by Acme: trust: 4 → 1 \(journals\/acme-globex-2026\.charter:16\)$/m);
        assert.match(result.stdout, /^ {2}health: overall 98; execution 59 → 37 \(-22\); perceived 53 → 44 \(-9\)$/m);
        assert.equal(runCli(['diff', '--git', 'HEAD', 'journals', '--fail-on-score-drop', ...TODAY], { cwd: repo }).code, 1);
    });

    it('reads the charter of a journal compared with --git A..B at each end, not in the working tree: moved, its body renamed, and gone from the working tree', () => {
        const repo = temporaryFolder();
        const git = (...args: string[]) => gitIn(repo, ...args);
        // main: the charter and its parties at the top, the journal in partnership/journals.
        fs.cpSync(FIXTURES, repo, { recursive: true });
        fs.mkdirSync(path.join(repo, 'partnership', 'journals'), { recursive: true });
        fs.renameSync(path.join(repo, JOURNAL), path.join(repo, 'partnership', 'journals', JOURNAL));
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-q', '-m', 'base');
        // feature: the charter and parties moved into partnership, SteeringCommittee renamed JointBoard there and in the journal.
        git('checkout', '-q', '-b', 'feature');
        git('mv', 'acme-globex.charter', 'partnership/acme-globex.charter');
        git('mv', 'parties', 'partnership/parties');
        const renamed = (file: string, edit: (text: string) => string = text => text) =>
            fs.writeFileSync(path.join(repo, file), edit(fs.readFileSync(path.join(repo, file), 'utf8')).replaceAll('SteeringCommittee', 'JointBoard'));
        renamed('partnership/acme-globex.charter');
        renamed(`partnership/journals/${JOURNAL}`, TESTER_EDITS);
        git('commit', '-q', '-am', 'The charter beside its journal; JointBoard');
        // The working tree: another branch, where the charter is gone.
        git('checkout', '-q', '-b', 'other', 'main');
        git('rm', '-q', 'acme-globex.charter');
        git('commit', '-q', '-m', 'No charter here');

        for (const range of ['main..feature', 'main...feature']) {
            const result = runCli(['diff', '--git', range, 'partnership/journals', '--format', 'json', ...TODAY], { cwd: repo });
            assert.equal(result.code, 0, result.stderr);
            const output = JSON.parse(result.stdout);
            assert.deepEqual(output.journalsWithoutCharter, [], range);
            assert.deepEqual(output.charters.map((charter: { name: string; change: string; oldPath: string; newPath: string }) => [charter.name, charter.change, charter.oldPath, charter.newPath]),
                [['AcmeGlobex', 'changed', 'acme-globex.charter', 'partnership/acme-globex.charter']], range);
            const [charter] = output.charters;
            assert.deepEqual(charter.changes.map((change: { change: string; element: string; oldName?: string; name: string }) => `${change.change} ${change.element} ${change.oldName} → ${change.name}`),
                ['renamed body SteeringCommittee → JointBoard'], range);
            assert.deepEqual(charter.journal.map((change: { change: string; headline: string }) => `${change.change} ${change.headline}`), [
                'changed 2026-04-09 missed ShareRoadmap', 'changed 2026-05-30 resolved NordicLeads', 'changed 2026-06-30 assessed by Acme'
            ], `${range}: the entries that name the body renamed with it are no change`);
            assert.deepEqual([charter.health.execution, charter.health.perceived], [{ before: 59, after: 37, delta: -22 }, { before: 53, after: 44, delta: -9 }], range);
        }
        // --git BASE with the working tree on feature: the old side finds the charter where it was at main, not in partnership.
        git('checkout', '-q', 'feature');
        const base = JSON.parse(runCli(['diff', '--git', 'main', 'partnership/journals', '--format', 'json', ...TODAY], { cwd: repo }).stdout);
        assert.deepEqual(base.charters.map((charter: { name: string; change: string; oldPath: string }) => [charter.name, charter.change, charter.oldPath]), [['AcmeGlobex', 'changed', 'acme-globex.charter']]);
        assert.equal(base.summary.journalChanges, 3);
    });
});
