import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/** The rule ids each example produces on the reference date: a change here is a change users will see. */
const EXPECTED: Record<string, string[]> = {
    'examples/broken/orbit-kestrel.charter': [
        'commitment-without-beneficiary', 'deadlock-risk', 'dominated-body', 'empty-body', 'expired-term', 'fixed-chair', 'incomplete-metric',
        'missing-exit-terms', 'missing-vision', 'no-joint-forum', 'no-relationship-metric', 'no-review', 'one-sided-decision-rights',
        'one-sided-escalation', 'one-sided-metrics', 'overdue-commitment', 'unbalanced-body', 'unbalanced-commitments', 'undecided-decision',
        'uninformed-party', 'unmeasured-objective', 'unowned-commitment', 'unowned-metric', 'unresolved-escalation', 'untimed-escalation-level'
    ],
    'examples/broken/journals/orbit-kestrel-pilot-2025.charter': ['absent-party', 'late-delivery', 'off-target-metric', 'overdue-commitment', 'perception-gap'],
    'examples/co-development/helix-nimbus.charter': [],
    'examples/co-development/journals/helix-nimbus-2026.charter': ['off-target-metric'],
    'examples/coalition/journals/riverton-retrofit-2026.charter': ['off-target-metric'],
    'examples/coalition/riverton-retrofit.charter': ['fixed-chair'],
    'examples/fixed/journals/orbit-kestrel-2026.charter': [],
    'examples/fixed/orbit-kestrel.charter': [],
    'examples/parties/kestrel.charter': [],
    'examples/parties/orbit.charter': [],
    'examples/reference/acme-globex.charter': [],
    'examples/reference/journals/acme-globex-2026.charter': [],
    'examples/reference/parties/acme.charter': [],
    'examples/reseller/contoso-reseller.charter': ['one-sided-decision-rights'],
    'examples/reseller/journals/northwind-contoso-2026.charter': ['missed-commitment', 'off-target-metric', 'one-sided-delivery', 'overdue-commitment', 'unreported-metric'],
    'examples/reseller/parties.charter': []
};

describe('the examples', () => {
    it('produce exactly the findings they are written to show, with no error', () => {
        const result = runCli(['check', 'examples', '--format', 'json', '--today', '2026-11-22']);
        const output = JSON.parse(result.stdout);
        const actual = Object.fromEntries(output.files.map((file: { path: string; diagnostics: Array<{ rule: string }> }) =>
            [file.path, [...new Set(file.diagnostics.map(d => d.rule))].sort()]));
        assert.deepEqual(actual, EXPECTED);
        assert.equal(output.summary.errors, 0);
        assert.equal(result.code, 0, 'warnings only: exit 0');
    });

    it('tell their story in `npm start` on any day: read as of the day their journals stand at', function () {
        this.timeout(120_000);
        const run = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
        assert.equal(run.status, 0, run.stderr);
        const commands = run.stdout.split('\n').filter(line => line.startsWith('$ entente '));
        for (const command of ['check', 'score', 'render', 'diff']) {
            const line = commands.find(candidate => candidate.startsWith(`$ entente ${command} `));
            assert.match(line ?? '', / --today 2026-11-22$/, `${command} states the day: ${line}`);
        }
        // The reference journal is the healthy one in execution; the broken twin's pilot has stopped.
        const execution = (charter: string): number => Number(new RegExp(`^${charter} [^\n]*\n  Design \\d+ · Execution (\\d+)`, 'm').exec(run.stdout)?.[1]);
        assert.ok(execution('AcmeGlobex') >= 90, `AcmeGlobex execution ${execution('AcmeGlobex')}`);
        assert.ok(execution('OrbitKestrelDraft') < 40, `OrbitKestrelDraft execution ${execution('OrbitKestrelDraft')}`);
    });
});
