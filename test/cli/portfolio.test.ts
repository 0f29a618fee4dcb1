import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

interface Layer { score: number | null; band?: string; note?: string }
interface PortfolioJson {
    today: string;
    until: string;
    charters: Array<{ name: string; path: string; parties: string[]; layers: { design: Layer; execution: Layer; perceived: Layer & { gap?: { points: number; pillar: string } } }; termEnd?: string; nextReview?: string; findings: Record<string, number> }>;
    people: Array<{ role: string; total: number; meetings: number; seats: number; decisions: number; commitments: number; metrics: number; escalationLevels: number; overloaded: boolean; charters: Array<{ charter: string; total: number }> }>;
    due: Array<{ key: string; date: string; kind: string; charter: string; title: string; owner?: string; overdue: boolean }>;
}

function portfolio(args: string[], cwd?: string): PortfolioJson {
    const result = runCli(['portfolio', ...args, '--format', 'json'], { cwd });
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as PortfolioJson;
}

describe('entente portfolio', () => {
    it('lists every example charter with its three layers, the people view and the due list', () => {
        const output = portfolio(['examples', '--today', '2026-11-22']);
        assert.deepEqual(output.charters.map(charter => charter.name), ['AcmeGlobex', 'HelixNimbus', 'NorthwindContoso', 'OrbitKestrel', 'OrbitKestrelDraft', 'RivertonRetrofit']);
        const draft = output.charters.find(charter => charter.name === 'OrbitKestrelDraft')!;
        assert.deepEqual(draft.layers.design, { score: 39, band: 'critical' }, 'the design layer is the health score');
        assert.deepEqual(draft.parties, ['Orbit', 'Kestrel']);
        assert.equal(draft.termEnd, '2025-12-31');
        assert.deepEqual(draft.findings, { error: 0, warning: 22, info: 7, hint: 0 });
        assert.deepEqual(draft.layers.execution, { score: 1, band: 'critical' }, 'execution from the example\'s journal');
        assert.deepEqual(draft.layers.perceived, { score: 44, band: 'critical', gap: { points: 2, pillar: 'trust' } }, 'perceived with the largest gap beside it');
        assert.ok(output.people.some(person => person.meetings > 0), 'meetings attended, from the journals');
        const totals = output.people.map(person => person.total);
        assert.deepEqual(totals, [...totals].sort((a, b) => b - a), 'people sorted by load');
        const lead = output.people.find(person => person.role === 'Acme.AllianceLead')!;
        assert.deepEqual([lead.seats, lead.decisions, lead.commitments, lead.metrics, lead.escalationLevels, lead.total], [1, 0, 1, 2, 1, 5]);
        assert.ok(output.due.length > 0);
        assert.ok(output.due.every(item => item.overdue ? item.date < output.today : item.date >= output.today && item.date <= output.until));
        // The journals deliver the draft's two dated commitments (late), and leave a week, a month and a report without their entry.
        assert.deepEqual(output.due.filter(item => item.overdue).map(item => [item.charter, item.kind, item.date]), [
            ['OrbitKestrelDraft', 'commitment', '2025-12-29'], ['OrbitKestrelDraft', 'term-end', '2025-12-31'],
            ['NorthwindContoso', 'metric', '2026-11-01'], ['NorthwindContoso', 'commitment', '2026-11-19']
        ]);
        const dates = output.due.map(item => item.date);
        assert.deepEqual(dates, [...dates].sort(), 'the due list is in date order');
        const acme = output.charters.find(charter => charter.name === 'AcmeGlobex')!;
        assert.equal(acme.nextReview, '2027-01-01', 'review every 6 months from the term start, 2026-01-01');
        assert.ok(output.due.some(item => item.key === 'review.AcmeGlobex' && item.date === '2027-01-01'));
        assert.ok(!output.due.some(item => item.key === 'meeting.AcmeGlobex.SteeringCommittee'), 'the committee met on 2026-10-20 for the quarter ending 2027-01-01');
        assert.ok(output.due.some(item => item.key === 'meeting.HelixNimbus.JDC' && item.date === '2027-01-01' && item.owner === 'JDC'));
    });

    it('finds the role named everywhere, adds up its load across charters and flags it overloaded', () => {
        const output = portfolio(['test/fixtures/portfolio', '--today', '2026-11-22']);
        for (const charter of output.charters) {
            assert.deepEqual(charter.layers.execution, { score: null, note: 'no journal' }, 'no journal: execution not measured, never 100');
            assert.deepEqual(charter.layers.perceived, { score: null, note: 'no journal' });
        }
        const [first, second] = output.people;
        assert.equal(first.role, 'Acme.AllianceLead');
        assert.equal(first.total, 16);
        assert.equal(first.overloaded, true);
        assert.deepEqual(first.charters.map(load => [load.charter, load.total]), [['AcmeGlobex', 8], ['AcmeInitech', 5], ['AcmeUmbrella', 3]]);
        assert.equal(second.overloaded, false);
        const overdue = output.due.filter(item => item.overdue);
        assert.deepEqual(overdue.map(item => [item.title, item.owner]), [['Open the partner portal', 'Acme.AllianceLead']]);
        assert.ok(output.due.some(item => item.kind === 'term-end' && item.charter === 'AcmeInitech' && item.date === '2027-01-31'));
        assert.ok(!output.due.some(item => item.kind === 'term-end' && item.charter === 'AcmeGlobex'), 'a term end beyond the horizon is not due');
    });

    it('takes the thresholds of overloaded-role from entente.json, like the rule', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-'));
        for (const name of fs.readdirSync('test/fixtures/portfolio')) {
            fs.copyFileSync(path.join('test/fixtures/portfolio', name), path.join(root, name));
        }
        fs.writeFileSync(path.join(root, 'entente.json'), JSON.stringify({ rules: { 'overloaded-role': { options: { maxPerCharter: 8, maxInWorkspace: 16 } } } }));
        assert.equal(portfolio(['.', '--today', '2026-11-22'], root).people[0].overloaded, false);
        const check = JSON.parse(runCli(['check', '.', '--format', 'json', '--today', '2026-11-22'], { cwd: root }).stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> } | Array<{ ruleId: string }>;
        assert.ok(!JSON.stringify(check).includes('overloaded-role'));
        fs.writeFileSync(path.join(root, 'entente.json'), JSON.stringify({ rules: { 'overloaded-role': { options: { maxPerCharter: 8, maxInWorkspace: 15 } } } }));
        assert.equal(portfolio(['.', '--today', '2026-11-22'], root).people[0].overloaded, true);
        assert.ok(runCli(['check', '.', '--format', 'json', '--today', '2026-11-22'], { cwd: root }).stdout.includes('overloaded-role'));
    });

    it('looks as far ahead as --horizon says', () => {
        const near = portfolio(['test/fixtures/portfolio', '--today', '2026-11-22', '--horizon', '10']);
        assert.equal(near.until, '2026-12-02');
        assert.ok(near.due.every(item => item.overdue || item.date <= '2026-12-02'));
        const far = portfolio(['test/fixtures/portfolio', '--today', '2026-11-22', '--horizon', '800']);
        assert.ok(far.due.some(item => item.kind === 'term-end' && item.charter === 'AcmeGlobex' && item.date === '2028-12-31'));
        assert.ok(!far.due.some(item => item.charter === 'AcmeInitech' && item.date > '2027-01-31'), 'nothing recurs after the term ends');
    });

    it('looks at most ten years ahead: a longer or negative --horizon is refused with one line and exit code 2', () => {
        assert.equal(portfolio(['test/fixtures/portfolio', '--today', '2026-11-22', '--horizon', '3660']).until, '2036-11-29');
        for (const command of ['portfolio', 'calendar']) {
            for (const [horizon, shown] of [['3661', '3661'], ['2912500', '2912500'], ['100000000', '100000000'], ['99999999999999999999999', '99999999999999999999999'], ['-5', "'-5'"], ['-0', "'-0'"]]) {
                for (const args of [['--horizon', horizon], [`--horizon=${horizon}`]]) {
                    const result = runCli([command, 'test/fixtures/portfolio', '--today', '2026-11-22', ...args]);
                    assert.equal(result.code, 2, `${command} ${args.join(' ')}: ${result.stdout}`);
                    assert.equal(result.stderr, `entente: --horizon takes a whole number from 0 to 3660, not ${shown}\n`);
                    assert.equal(result.stdout, '');
                }
            }
        }
    });

    it('prints tables and Markdown, and rejects bad flags with one line and exit code 2', () => {
        const table = runCli(['portfolio', 'test/fixtures/portfolio', '--today', '2026-11-22']);
        assert.equal(table.code, 0, table.stderr);
        assert.match(table.stdout, /^Portfolio: 3 charters, 9 roles \(1 overloaded\)/);
        assert.match(table.stdout, /AcmeGlobex +Acme, Globex +79 at-risk +not measured +not measured +2028-12-31/);
        assert.match(table.stdout, /Acme\.AllianceLead \(overloaded\) +16 +4 seats, 2 decisions, 4 commitments, 3 metrics, 3 escalation levels/);
        assert.match(table.stdout, /2026-10-31 +overdue +commitment +Open the partner portal +AcmeGlobex +Acme\.AllianceLead/);
        const markdown = runCli(['portfolio', 'test/fixtures/portfolio', '--today', '2026-11-22', '--format', 'markdown']).stdout;
        assert.match(markdown, /^## Partnership portfolio/);
        assert.match(markdown, /\| AcmeGlobex \| Acme, Globex \| 79 at-risk \|/);
        for (const [args, message] of [[['--horizon', 'soon'], /--horizon takes a whole number/], [['--format', 'pdf'], /--format takes one of/], [['--today', '2026-02-30'], /--today: 2026-02-30 is not a date of the calendar/], [['--today', 'tomorrow'], /--today takes a date as YYYY-MM-DD, not 'tomorrow'/]] as const) {
            const result = runCli(['portfolio', 'test/fixtures/portfolio', ...args]);
            assert.equal(result.code, 2);
            assert.match(result.stderr, message);
            assert.equal(result.stderr.trim().split('\n').length, 1);
        }
    });

    it('says in words how many charters and reports it wrote as HTML: "1 charter", not "1 charters"', () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-one-'));
        try {
            const result = runCli(['portfolio', 'examples/reference', '--format', 'html', '--out', out, '--today', '2026-11-22']);
            assert.equal(result.code, 0, result.stderr);
            assert.match(result.stdout, /^Wrote the portfolio of 1 charter to .*index\.html, with 1 charter report beside it\n$/);
        } finally {
            fs.rmSync(out, { recursive: true, force: true });
        }
    });

    it('escapes hostile names and titles in Markdown', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-'));
        fs.writeFileSync(path.join(root, 'c.charter'), 'party A { role Lead "x" } party B { role Lead "y" }\ncharter Deal { parties A, B commitment Evil "<img src=x onerror=alert(1)> | `x`" { owner A.Lead to B due 2026-12-01 } }\n');
        const markdown = runCli(['portfolio', '.', '--today', '2026-11-22', '--format', 'markdown'], { cwd: root }).stdout;
        assert.ok(!/[^\\]<img/.test(markdown), 'every < is escaped');
        assert.match(markdown, /\\<img src=x onerror=alert\(1\)\\> \\\| \\`x\\`/);
    });

    it('counts for each charter of a file the findings its report shows: another charter\'s syntax error is not its own', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-'));
        fs.writeFileSync(path.join(root, 'two.charter'), `party Acme { role Lead "Lead" }
party Globex { role Lead "Lead" }
charter A {
    parties Acme, Globex
    vision "Shared"
}
charter B {
    parties Acme, Globex
    vision "not closed
    decision D { decided by Acme }
}
`);
        const counts = Object.fromEntries(portfolio(['.', '--today', '2026-11-22'], root).charters.map(charter => [charter.name, charter.findings.error]));
        assert.deepEqual(counts, { A: 0, B: 1 }, 'the syntax error on line 9 is charter B\'s');
        const report = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-reports-'));
        runCli(['render', '.', '--out', report, '--today', '2026-11-22'], { cwd: root });
        assert.doesNotMatch(fs.readFileSync(path.join(report, 'A.html'), 'utf8'), /not closed on its line/, 'nor does A\'s report show it');
        assert.match(fs.readFileSync(path.join(report, 'B.html'), 'utf8'), /not closed on its line/);
    });
});
