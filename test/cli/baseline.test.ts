import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const PARTIES = 'party Acme { role Lead }\nparty Globex { role Lead }\n';
const CHARTER = `charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme }
    decision Pricing { }
    commitment Training { to Globex }
}
`;

function project(charter: string): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-baseline-'));
    fs.writeFileSync(path.join(folder, 'parties.charter'), PARTIES);
    fs.writeFileSync(path.join(folder, 'deal.charter'), charter);
    return folder;
}

function rulesOf(stdout: string): string[] {
    const json = JSON.parse(stdout) as { files: Array<{ diagnostics: Array<{ rule: string; element?: string }> }> };
    return json.files.flatMap(file => file.diagnostics.map(d => `${d.rule} ${d.element ?? ''}`.trim())).sort();
}

describe('entente check --baseline / --write-baseline', function () {
    this.timeout(60_000);

    it('records today\'s findings and then reports none of them', () => {
        const folder = project(CHARTER);
        const before = runCli(['check', '.', '--format', 'json'], { cwd: folder });
        const known = rulesOf(before.stdout);
        assert.ok(known.includes('undecided-decision Deal.Pricing') && known.includes('unowned-commitment Deal.Training'), known.join(', '));
        const written = runCli(['check', '.', '--write-baseline', 'entente-baseline.json'], { cwd: folder });
        assert.equal(written.code, 0);
        assert.equal(written.stderr, `Wrote ${known.length} findings to the baseline entente-baseline.json.\n`);
        const file = JSON.parse(fs.readFileSync(path.join(folder, 'entente-baseline.json'), 'utf8')) as { version: number; findings: Array<{ rule: string; file: string; fingerprint: string }> };
        assert.equal(file.version, 1);
        assert.equal(file.findings.length, known.length);
        assert.ok(file.findings.every(entry => entry.file === 'deal.charter' && /^[0-9a-f]{32}$/.test(entry.fingerprint)));
        const after = runCli(['check', '.', '--baseline', 'entente-baseline.json', '--format', 'json'], { cwd: folder });
        assert.equal(after.code, 0);
        assert.deepEqual(rulesOf(after.stdout), []);
        assert.equal(after.stderr, `Baseline: ${known.length} known findings not reported.\n`);
    });

    it('matches by rule, element and fingerprint, so moved lines stay known and only new findings are reported', () => {
        const folder = project(CHARTER);
        runCli(['check', '.', '--write-baseline', 'baseline.json'], { cwd: folder });
        const moved = `// Reviewed in the Q3 alliance meeting.

charter Deal {
    parties Acme, Globex
    commitment Training { to Globex }

    decision Pricing { }
    decision Budget { decided by Acme }
    decision Roadmap { }
}
`;
        fs.writeFileSync(path.join(folder, 'deal.charter'), moved);
        const result = runCli(['check', '.', '--baseline', 'baseline.json', '--format', 'json'], { cwd: folder });
        assert.deepEqual(rulesOf(result.stdout), ['undecided-decision Deal.Roadmap']);
        assert.match(result.stderr, /^Baseline: \d+ known findings not reported\.\n$/);
        const pretty = runCli(['check', '.', '--baseline', 'baseline.json'], { cwd: folder });
        assert.match(pretty.stdout, /deal\.charter:9:14 +warning +Decision Roadmap/);
    });

    it('fails on a new error that is not in the baseline, and says which recorded findings are gone', () => {
        const folder = project(CHARTER);
        runCli(['check', '.', '--write-baseline', 'baseline.json'], { cwd: folder });
        fs.writeFileSync(path.join(folder, 'deal.charter'), CHARTER.replace('decision Pricing { }', 'decision Pricing { decided by Acme, Globex }').replace('to Globex', 'to Initech'));
        const result = runCli(['check', '.', '--baseline', 'baseline.json', '--format', 'json'], { cwd: folder });
        assert.equal(result.code, 1);
        // Joint Pricing settles who decides it and gives Globex a say, but each side can now block it.
        assert.deepEqual(rulesOf(result.stdout), ['deadlock-risk Deal.Pricing', 'unresolved-reference']);
        assert.match(result.stderr, /; 2 recorded findings no longer found \(update it with --write-baseline\)\.\n$/);
    });

    it('rejects a missing or malformed baseline and conflicting flags with one line and exit 2', () => {
        const folder = project(CHARTER);
        fs.writeFileSync(path.join(folder, 'bad.json'), '{ "findings": ');
        fs.writeFileSync(path.join(folder, 'other.json'), '{ "version": 7, "findings": [] }');
        for (const [args, message] of [
            [['--baseline', 'missing.json'], 'entente: missing.json: no such file or folder\n'],
            [['--baseline', 'bad.json'], /^entente: bad\.json: not a baseline file \(invalid JSON: .*\)\n$/],
            [['--baseline', 'other.json'], 'entente: other.json: not an Entente baseline file (version 1); write one with --write-baseline\n'],
            [['--baseline', 'a.json', '--write-baseline', 'b.json'], 'entente: use either --baseline or --write-baseline, not both (see --help)\n'],
            [['--write-baseline', 'deal.charter/b.json'], /^entente: cannot write deal\.charter(\/b\.json)?: not a folder\n$/]
        ] as const) {
            const result = runCli(['check', '.', ...args], { cwd: folder });
            assert.equal(result.code, 2, args.join(' '));
            if (typeof message === 'string') {
                assert.equal(result.stderr, message);
            } else {
                assert.match(result.stderr, message);
            }
            assert.equal(result.stderr.split('\n').length, 2);
        }
    });
});
