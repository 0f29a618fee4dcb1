import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const OPERATIONS = 'test/fixtures/operations';

describe('entente score: the three layers', () => {
    it('shows design, execution and perceived side by side in the table, with the gap', () => {
        const result = runCli(['score', OPERATIONS, '--today', '2026-07-02']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^ {2}Design 98 · Execution \d+ · Perceived 53 \(gap 2 on trust\)$/m);
        assert.match(result.stdout, /^ {2}execution +\d+ (healthy|at-risk|critical)$/m);
        assert.match(result.stdout, /^ {2}perceived +53 critical {2}\(gap 2 on trust: Acme 4, Globex 2\)$/m);
    });

    it('explains each layer check below 1 with its numbers and the entries that pulled it down', () => {
        const result = runCli(['score', OPERATIONS, '--today', '2026-07-02', '--explain']);
        assert.match(result.stdout, /execution: Metrics on target 0\.00 — 0 of 2 metrics read in the last 12 months are on target at their latest reading\./);
        assert.match(result.stdout, /AcmeGlobex2026:9 2026-06-30 measured: JointRevenue off target/);
        assert.match(result.stdout, /perceived: Globex's view of the partnership 0\.38 — Globex assessed on 2026-06-30: trust 2, commitment 3, coordination 3, communication 2 \(of 5\)\./);
    });

    it('writes layers: {design, execution, perceived, gap} in JSON, never blended into the design score', () => {
        const output = JSON.parse(runCli(['score', OPERATIONS, '--format', 'json', '--today', '2026-07-02']).stdout);
        const [charter] = output.charters;
        assert.deepEqual(Object.keys(charter.layers), ['design', 'execution', 'perceived', 'gap']);
        assert.equal(charter.layers.design.score, charter.score);
        assert.equal(charter.score, 98, 'the journal does not move the design score');
        assert.equal(charter.layers.perceived.score, 53);
        assert.deepEqual(charter.layers.perceived.byParty.Globex.pillars, { trust: 25, commitment: 50, coordination: 50, communication: 25 });
        assert.deepEqual(charter.layers.gap, { pillar: 'trust', points: 2, percent: 50, high: { party: 'Acme', score: 4 }, low: { party: 'Globex', score: 2 } });
        const check = charter.layers.execution.checks.find((c: { id: string }) => c.id === 'execution.delivered-on-time');
        assert.ok(check && check.denominator > 0 && check.ratio >= 0 && check.ratio <= 1);
    });

    it('says "not measured" for both layers of a charter without a journal, null in JSON, never 100', () => {
        const output = JSON.parse(runCli(['score', 'examples/reference/acme-globex.charter', 'examples/reference/parties', '--format', 'json', '--today', '2026-07-02']).stdout);
        const charter = output.charters.find((c: { name: string }) => c.name === 'AcmeGlobex');
        assert.equal(charter.layers.execution.score, null);
        assert.equal(charter.layers.perceived.score, null);
        assert.equal(charter.layers.gap, null);
    });

    it('gates per layer: --min-score execution=N fails on execution alone, and bad layer names are a clear usage error', () => {
        const design = runCli(['score', OPERATIONS, '--today', '2026-07-02', '--min-score', '90']);
        assert.equal(design.code, 0, design.stderr);
        const execution = runCli(['score', OPERATIONS, '--today', '2026-07-02', '--min-score', 'design=90,perceived=60']);
        assert.equal(execution.code, 1);
        assert.match(execution.stderr, /AcmeGlobex scores 53 on perceived, below --min-score perceived=60/);
        const bad = runCli(['score', OPERATIONS, '--min-score', 'vibes=3']);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /--min-score names a layer: design, execution or perceived, not 'vibes'/);
    });

    it('fails a --min-score gate on execution or perceived when a journal is for a charter the files scored do not declare', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-score-unlinked-'));
        try {
            fs.cpSync(path.join(REPO_ROOT, OPERATIONS), folder, { recursive: true });
            // The charter renamed, its journal left `for` the old name: scored alone, the charter has no journal.
            const charter = path.join(folder, 'acme-globex.charter');
            fs.writeFileSync(charter, fs.readFileSync(charter, 'utf8').replace('charter AcmeGlobex ', 'charter AcmeGlobexCo '));
            const gated = runCli(['score', '.', '--today', '2026-07-02', '--min-score', 'execution=50'], { cwd: folder });
            assert.equal(gated.code, 1, gated.stdout);
            assert.equal(gated.stderr, 'entente: journal AcmeGlobex2026 (acme-globex-2026.charter) is for AcmeGlobex, a charter none of the files scored declares, so its execution is measured for no charter\n');
            const both = runCli(['score', '.', '--today', '2026-07-02', '--min-score', 'design=90,execution=50,perceived=40'], { cwd: folder });
            assert.match(both.stderr, /so its execution and perceived are measured for no charter\n$/);
            // The design gate measures the charter itself: the journal is no part of it.
            assert.equal(runCli(['score', '.', '--today', '2026-07-02', '--min-score', '90'], { cwd: folder }).code, 0);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('says when the files hold no charter to score, which charter their journals are for and where, and refuses a --min-score gate that would measure nothing', () => {
        const journalOnly = 'test/fixtures/operations/acme-globex-2026.charter';
        const plain = runCli(['score', journalOnly, '--today', '2026-07-02']);
        assert.equal(plain.code, 0, plain.stderr);
        const why = 'journal AcmeGlobex2026 is for the charter AcmeGlobex, in test/fixtures/operations/acme-globex.charter); score a journal with its charter: entente score test/fixtures/operations';
        assert.equal(plain.stdout, `No charter to score in 1 file (${why}.\n`);
        const gated = runCli(['score', journalOnly, '--today', '2026-07-02', '--min-score', 'execution=60']);
        assert.equal(gated.code, 2);
        assert.equal(gated.stderr, `entente: --min-score: no charter to score in 1 file (${why}\n`);
        // A folder of journals beside the charter's file: found though the journal's `for` resolves to nothing read.
        const folder = runCli(['score', 'examples/co-development/journals', '--today', '2026-07-02']);
        assert.equal(folder.stdout, 'No charter to score in 1 file (journal HelixNimbus2026 is for the charter HelixNimbus, in examples/co-development/helix-nimbus.charter); score a journal with its charter: entente score examples/co-development.\n');
        // What it suggests scores the charter with its journal.
        const suggested = runCli(['score', 'examples/co-development', '--today', '2026-07-02', '--format', 'json']);
        const charters = (JSON.parse(suggested.stdout) as { charters: Array<{ name: string; layers: { execution: unknown } }> }).charters;
        assert.ok(charters.some(charter => charter.name === 'HelixNimbus' && charter.layers.execution !== null), suggested.stdout);
    });
});
