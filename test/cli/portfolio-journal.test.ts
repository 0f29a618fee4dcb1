import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ICAL from 'ical.js';
import { runCli } from '../helpers/cli.js';

const FIXTURE = 'test/fixtures/portfolio-journal';
const TODAY = '2026-11-22';

interface DueJson { key: string; date: string; kind: string; element: string; overdue: boolean; series?: { except?: string[] } }
interface PortfolioJson { charters: Array<{ name: string; nextReview?: string }>; due: DueJson[] }

function run(args: string[], cwd?: string): string {
    const result = runCli(args, { cwd });
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
}

const portfolio = (paths: string[], cwd?: string) => JSON.parse(run(['portfolio', ...paths, '--format', 'json', '--today', TODAY], cwd)) as PortfolioJson;
const rows = (output: PortfolioJson) => output.due.map(item => `${item.date} ${item.kind} ${item.element}${item.overdue ? ' overdue' : ''}`);

/** The fixture's charter alone, without its journal. */
function charterOnly(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-journal-'));
    fs.copyFileSync(path.join(FIXTURE, 'launch.charter'), path.join(root, 'launch.charter'));
    return root;
}

describe('entente portfolio and calendar, with a journal', () => {
    it('lists what is still to do: nothing the journal shows delivered, held, reported or reviewed, and the last period that passed without it as overdue', () => {
        const withJournal = portfolio([FIXTURE]);
        assert.deepEqual(rows(withJournal), [
            '2026-11-01 commitment Pricing overdue', // October's price list was never delivered
            '2026-11-01 commitment Training overdue', // dated, not delivered
            '2027-01-01 commitment Pricing',
            '2027-01-01 metric Revenue',
            '2027-02-01 commitment Pricing',
            '2027-02-01 metric Revenue'
        ]);
        assert.equal(withJournal.due.find(item => item.overdue && item.element === 'Pricing')?.key, 'commitment.Launch.Pricing.overdue');
        assert.equal(withJournal.charters[0].nextReview, '2027-07-01', 'the review of the half-year to 2027-01-01 was held on 2026-11-20');

        const without = portfolio(['.'], charterOnly());
        assert.deepEqual(rows(without), [
            '2026-10-15 commitment Portal overdue',
            '2026-11-01 commitment Training overdue',
            '2026-12-01 commitment Pricing',
            '2026-12-01 metric Revenue',
            '2026-12-15 commitment Kit',
            '2027-01-01 meeting Board',
            '2027-01-01 review Launch',
            '2027-01-01 commitment Pricing',
            '2027-01-01 commitment Roadmap',
            '2027-01-01 metric Revenue',
            '2027-02-01 commitment Pricing',
            '2027-02-01 metric Revenue'
        ].sort((a, b) => a.slice(0, 10).localeCompare(b.slice(0, 10)) || a.split(' ')[1].localeCompare(b.split(' ')[1]) || a.localeCompare(b)));
        assert.equal(without.charters[0].nextReview, '2027-01-01');
    });

    it('says the same in the table, markdown and html dashboard', () => {
        const table = run(['portfolio', FIXTURE, '--today', TODAY]);
        const markdown = run(['portfolio', FIXTURE, '--today', TODAY, '--format', 'markdown']);
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-journal-html-'));
        run(['portfolio', FIXTURE, '--today', TODAY, '--format', 'html', '--out', out]);
        const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
        for (const [format, text] of [['table', table], ['markdown', markdown], ['html', html]] as const) {
            for (const done of ['Open the partner portal', 'Ship the launch kit', 'Launch board meets', 'Share the roadmap', 'Review of Launch']) {
                assert.ok(!text.includes(done), `${format}: ${done} is done according to the journal`);
            }
            assert.match(text, /2026-11-01.{0,80}overdue.{0,200}Train the sales teams/s, `${format}: the undelivered training is overdue`);
            assert.match(text, /2026-11-01.{0,80}overdue.{0,200}Publish the price list/s, `${format}: October's price list is overdue`);
        }
        assert.match(table, /2 overdue/);
    });

    it('leaves the done instances out of the calendar\'s series (EXDATE), as ical.js expands them, and gives the overdue one its own event', () => {
        const calendar = new ICAL.Component(ICAL.parse(run(['calendar', FIXTURE, '--today', TODAY])));
        const events = new Map(calendar.getAllSubcomponents('vevent').map(component => {
            const event = new ICAL.Event(component);
            return [event.uid.replace(/@entente$/, ''), event] as const;
        }));
        const pricing = events.get('commitment.Launch.Pricing.recurring')!;
        const dates: string[] = [];
        const iterator = pricing.iterator();
        for (let next = iterator.next(); next && next.toString() <= '2027-02-20'; next = iterator.next()) {
            dates.push(next.toString());
        }
        // Delivered 2026-09-30 and 2026-11-05: the instances of 2026-10-01 and 2026-12-01 are done; August went without, so 2026-09-01 stays.
        assert.ok(dates.includes('2026-09-01') && !dates.includes('2026-10-01') && !dates.includes('2026-11-01') && !dates.includes('2026-12-01') && dates.includes('2027-01-01'), dates.join(' '));
        const overdue = events.get('commitment.Launch.Pricing.overdue')!;
        assert.equal(overdue.startDate.toString(), '2026-11-01');
        assert.equal(overdue.summary, 'Overdue: Publish the price list (Launch)');
        assert.ok(!events.has('commitment.Launch.Portal') && !events.has('commitment.Launch.Kit'), 'delivered dated commitments have no event');
        // Every instance of these in the horizon is done, and the series stay, each with its done instances excluded.
        for (const [uid, exdates] of [
            ['meeting.Launch.Board.recurring', ['2026-10-01', '2027-01-01']],
            ['commitment.Launch.Roadmap.recurring', ['2026-10-01', '2027-01-01']],
            ['review.Launch.recurring', ['2026-07-01', '2027-01-01']]
        ] as const) {
            const event = events.get(uid);
            assert.ok(event && event.isRecurring(), uid);
            assert.deepEqual(event.component.getAllProperties('exdate').flatMap(property => property.getValues().map(String)), exdates, uid);
        }
    });
});
