import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { charterOfLines, partyFile } from '../../bench/generate.js';

/**
 * A workspace made to trip a check split across threads: the examples three
 * times over (the same parties and charters declared in several files, so
 * which declaration a reference resolves to depends on the workspace's order),
 * a configuration that changes rule levels, charters whose parties are declared
 * only in a file at the other end of the list, and a broken file.
 */
function trickyWorkspace(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-parallel-'));
    for (const copy of ['a', 'b', 'c']) {
        fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(root, copy), {
            recursive: true,
            filter: source => !source.includes(`${path.sep}changes`)
        });
    }
    fs.writeFileSync(path.join(root, 'entente.json'), JSON.stringify({ rules: { 'unmeasured-objective': 'error', 'no-review': 'off' } }));
    for (let i = 0; i < 12; i++) {
        fs.writeFileSync(path.join(root, `a/gen-${String(i).padStart(2, '0')}.charter`), charterOfLines(`Gen${i}`, 120).replace(/\bP(\d)\b/g, 'Far$1'));
    }
    fs.writeFileSync(path.join(root, 'z-far-parties.charter'), partyFile(3).replace(/\bP(\d)\b/g, 'Far$1'));
    // A dated commitment overdue in its charter, delivered (late) in a journal at the other end of the list.
    fs.writeFileSync(path.join(root, 'a/audit.charter'), `party Auditor "Auditor Ltd" { role Lead "Lead auditor" }
party Client "Client plc" { role Lead "Finance director" }
charter Audit {
    parties Auditor, Client
    term from 2026-01-01 to 2027-12-31
    commitment Report { owner Auditor.Lead to Client due 2026-03-31 }
    commitment Letter { owner Client.Lead to Auditor due 2026-04-30 }
}
`);
    fs.writeFileSync(path.join(root, 'z-audit-2026.charter'), 'journal Audit2026 for Audit {\n    2026-04-15 delivered Report\n}\n');
    fs.writeFileSync(path.join(root, 'c/broken-too.charter'), 'charter Half { parties Far0, Nobody\n decision D { decided by Far0.R0');
    return root;
}

describe('entente check on several threads', () => {
    let root: string;
    before(() => {
        root = trickyWorkspace();
    });
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    for (const [format, threads] of [['json', ['2', '3', '5']], ['sarif', ['3']], ['pretty', ['2']]] as const) {
        it(`reports exactly what a check on one thread reports (${format})`, () => {
            const one = runCli(['check', '.', '--jobs', '1', '--format', format, '--today', '2026-11-22'], { cwd: root });
            assert.ok(one.stdout.length > 1000, one.stderr);
            for (const jobs of threads) {
                const many = runCli(['check', '.', '--jobs', jobs, '--format', format, '--today', '2026-11-22'], { cwd: root });
                assert.equal(many.stderr, one.stderr, `--jobs ${jobs}: no thread failed`);
                assert.equal(many.code, one.code);
                assert.equal(many.stdout, one.stdout, `--jobs ${jobs}`);
            }
        });
    }

    it('finds what the workspace was made to contain', () => {
        const report = JSON.parse(runCli(['check', '.', '--jobs', '3', '--format', 'json', '--today', '2026-11-22'], { cwd: root }).stdout);
        const rules = new Set(report.files.flatMap((file: { diagnostics: Array<{ rule: string }> }) => file.diagnostics.map(d => d.rule)));
        for (const rule of ['duplicate-name', 'syntax', 'unresolved-reference', 'overloaded-role']) {
            assert.ok(rules.has(rule), `${rule} among ${[...rules].join(', ')}`);
        }
        const audit = report.files.filter((file: { path: string }) => file.path.includes('audit')).flatMap((file: { diagnostics: Array<{ rule: string; message: string }> }) => file.diagnostics);
        assert.deepEqual(audit.filter((d: { rule: string }) => d.rule === 'overdue-commitment' || d.rule === 'late-delivery').map((d: { rule: string; message: string }) => `${d.rule}: ${d.message.split(/, (?=though|\d)/)[0]}`).sort(), [
            'late-delivery: Commitment Report was delivered on 2026-04-15',
            'overdue-commitment: Commitment Letter, owed by Client.Lead, was due on 2026-04-30 and is not done (today is 2026-11-22).',
            'overdue-commitment: Commitment Report, owed by Auditor.Lead, was due on 2026-03-31 and is not marked done'
        ], 'the thread checking the charter reads its journal: Report was delivered, Letter was not');
        const generated = report.files.filter((file: { path: string }) => file.path.includes('gen-'));
        assert.equal(generated.length, 12);
        for (const file of generated) {
            assert.ok(!file.diagnostics.some((d: { rule: string }) => d.rule === 'unresolved-reference'), `${file.path} resolves the far parties`);
        }
    });

    it('takes a whole number of threads, at least one', () => {
        for (const jobs of ['0', 'two', '-1']) {
            const result = runCli(['check', 'examples/reference', '--jobs', jobs]);
            assert.equal(result.code, 2, jobs);
            assert.match(result.stderr, /^entente: .*--jobs.*\n$/);
        }
    });
});
