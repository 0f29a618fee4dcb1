import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/operations');

/** The operations fixture copied twice, the new side's journal edited. */
function sides(edit: (journal: string) => string): [string, string] {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-journal-diff-'));
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
    });
});
