import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

describe('entente score', () => {
    it('prints a table per charter: the three layers, overall and the five dimensions with bands', () => {
        const result = runCli(['score', 'examples/broken', 'examples/parties', '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, [
            'OrbitKestrelDraft  (examples/broken/orbit-kestrel.charter)',
            '  Design 39 · Execution 1 · Perceived 44 (gap 2 on trust)',
            '  overall          39 critical',
            '  equality         33 critical',
            '  openness         23 critical',
            '  conflict         50 critical',
            '  accountability   45 critical',
            '  outcomes         43 critical',
            '  execution         1 critical',
            '  perceived        44 critical  (gap 2 on trust: Orbit 4, Kestrel 2)',
            ''
        ].join('\n'));
    });

    it('writes JSON with every charter, dimension and check', () => {
        const result = runCli(['score', 'examples', '--format', 'json', '--today', '2026-11-22']);
        const output = JSON.parse(result.stdout);
        const names = output.charters.map((charter: { name: string }) => charter.name).sort();
        assert.deepEqual(names, ['AcmeGlobex', 'HelixNimbus', 'NorthwindContoso', 'OrbitKestrel', 'OrbitKestrelDraft', 'RivertonRetrofit']);
        const draft = output.charters.find((charter: { name: string }) => charter.name === 'OrbitKestrelDraft');
        assert.deepEqual(Object.keys(draft).sort(), ['band', 'cap', 'dimensions', 'layers', 'name', 'path', 'score']);
        assert.equal(draft.path, 'examples/broken/orbit-kestrel.charter');
        assert.deepEqual(Object.keys(draft.dimensions), ['equality', 'openness', 'conflict', 'accountability', 'outcomes']);
        const check = draft.dimensions.equality.checks.find((c: { id: string }) => c.id === 'equality.say-balance');
        // Orbit has all the say in 3 decisions, Kestrel none; SiteAccess has no decider and counts against the balance.
        assert.deepEqual([check.numerator, check.denominator, check.ratio], [1, 5, 0.2]);
        assert.equal(check.findings[0].ruleId, 'one-sided-decision-rights');
        assert.deepEqual(check.elements, ['RobotConfig', 'Software', 'PilotBudget', 'SiteAccess']);
        assert.equal(check.caps, true);
        const fixed = output.charters.find((charter: { name: string }) => charter.name === 'OrbitKestrel');
        assert.equal(fixed.cap, null);
    });

    it('says "not measured" for a dimension with nothing to measure, and null in JSON, never 100', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-score-'));
        fs.writeFileSync(path.join(root, 'c.charter'), 'party A {} party B {}\ncharter Bare { parties A, B vision "v" }\n');
        const table = runCli(['score', 'c.charter'], { cwd: root }).stdout;
        assert.match(table, /equality +not measured/);
        assert.match(table, /accountability +not measured/);
        assert.doesNotMatch(table, /100/);
        const json = JSON.parse(runCli(['score', 'c.charter', '--format', 'json'], { cwd: root }).stdout);
        assert.equal(json.charters[0].dimensions.equality.score, null);
        assert.equal(json.charters[0].dimensions.equality.band, null);
    });

    it('explains every check below 1 with the findings behind it', () => {
        const result = runCli(['score', 'examples/reseller', '--explain', '--today', '2026-11-22']);
        assert.match(result.stdout, /checks below 1:\n {4}equality: Balance of say between parties 0\.25 \(caps the score at 79\) — Share of say over 4 decision weights \(a reserved matter counts twice\): Northwind 88% and Contoso 13%\.\n {6}elements: PriceList, ProgrammeRules, DealRegistration\n {6}one-sided-decision-rights: Northwind alone controls 3 of 4 decisions; Contoso controls 0\./);
        assert.match(result.stdout, /overall capped at 79: equality: Balance of say between parties 0\.25/);
        const healthy = runCli(['score', 'test/fixtures/calibration/reseller-programme.signoff.charter', '--explain', '--today', '2026-11-22']);
        assert.match(healthy.stdout, /every check scores 1\./);
    });

    it('exits 1 with --min-score when a charter scores below it, and 0 otherwise', () => {
        const failing = runCli(['score', 'examples/broken', 'examples/parties', '--min-score', '60', '--today', '2026-11-22']);
        assert.equal(failing.code, 1);
        assert.equal(failing.stderr, 'entente: OrbitKestrelDraft scores 39, below --min-score 60\n');
        assert.equal(runCli(['score', 'examples/fixed', 'examples/parties', '--min-score', '60', '--today', '2026-11-22']).code, 0);
        const json = runCli(['score', 'examples/broken', 'examples/parties', '--format', 'json', '--min-score', '60', '--today', '2026-11-22']);
        assert.equal(json.code, 1);
        assert.equal(json.stderr, 'entente: OrbitKestrelDraft scores 39, below --min-score 60\n', 'says why beside the JSON');
        assert.equal(JSON.parse(json.stdout).charters[0].score, 39);
    });

    it('rejects bad flags with one line and exit code 2', () => {
        const result = runCli(['score', 'examples', '--min-score', 'high']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, "entente: --min-score takes a whole number from 0 to 100, not 'high'\n");
        for (const gate of ['101', 'execution=250']) {
            const beyond = runCli(['score', 'examples/fixed', 'examples/parties', '--min-score', gate]);
            assert.equal(beyond.code, 2, beyond.stdout);
            assert.equal(beyond.stderr, `entente: --min-score takes a whole number from 0 to 100, not ${gate.replace(/^.*=/, '')}\n`);
        }
    });
});
