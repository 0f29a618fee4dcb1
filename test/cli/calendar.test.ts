import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ICAL from 'ical.js';
import { runCli } from '../helpers/cli.js';

interface DueJson { key: string; date: string; overdue: boolean; series?: unknown; title: string; charter: string }

function dueList(paths: string[], today: string, horizon: string): { until: string; due: DueJson[] } {
    const result = runCli(['portfolio', ...paths, '--format', 'json', '--today', today, '--horizon', horizon]);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as { until: string; due: DueJson[] };
}

function calendarText(paths: string[], today: string, horizon: string): string {
    const result = runCli(['calendar', ...paths, '--today', today, '--horizon', horizon]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
}

/** Every (UID, date) the calendar holds in [from, to], RRULEs expanded by ical.js, plus its dated events wherever they fall. */
function expand(text: string, from: string, to: string): string[] {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const out: string[] = [];
    const end = ICAL.Time.fromDateString(to);
    const start = ICAL.Time.fromDateString(from);
    for (const component of calendar.getAllSubcomponents('vevent')) {
        const event = new ICAL.Event(component);
        const uid = event.uid.replace(/@entente$/, '');
        if (!event.isRecurring()) {
            out.push(`${uid}|${event.startDate.toString()}`);
            continue;
        }
        const iterator = event.iterator();
        for (let next = iterator.next(); next && next.compare(end) <= 0; next = iterator.next()) {
            if (next.compare(start) >= 0) {
                out.push(`${uid}|${next.toString()}`);
            }
        }
    }
    return out.sort();
}

describe('entente calendar', () => {
    for (const [paths, today, horizon] of [
        [['test/fixtures/portfolio'], '2026-11-22', '90'],
        [['test/fixtures/portfolio-journal'], '2026-11-22', '90'],
        [['examples'], '2026-11-22', '400'],
        [['examples/reference', 'examples/co-development', 'examples/reseller'], '2027-06-01', '45']
    ] as const) {
        it(`holds exactly the due list's dates once ical.js expands its RRULEs (${paths.join(' ')}, ${today}, ${horizon} days)`, () => {
            const text = calendarText([...paths], today, horizon);
            const { until, due } = dueList([...paths], today, horizon);
            const expected = due.map(item => `${item.series ? `${item.key}.recurring` : item.key}|${item.date}`).sort();
            assert.ok(due.some(item => item.series) && due.some(item => !item.series), 'both series and dated items are compared');
            assert.deepEqual(expand(text, today, until), expected);
        });
    }

    it('is RFC 5545 text: CRLF lines of at most 75 octets, one UID per event, the same UIDs on another day', () => {
        const text = calendarText(['test/fixtures/portfolio'], '2026-11-22', '90');
        assert.ok(text.endsWith('\r\n'));
        assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
        for (const line of text.split('\r\n')) {
            assert.ok(Buffer.byteLength(line) <= 75, line);
        }
        const uids = (source: string) => [...source.matchAll(/^UID:(.*)$/gm)].map(match => match[1].trim());
        const today = uids(text);
        assert.equal(new Set(today).size, today.length, 'no UID twice');
        const later = uids(calendarText(['test/fixtures/portfolio'], '2026-12-20', '90'));
        const common = today.filter(uid => later.includes(uid));
        assert.ok(common.length >= today.length - 5, 're-exporting later keeps the UIDs (an import updates the events)');
        assert.ok(today.includes('meeting.AcmeInitech.PartnerBoard.recurring@entente'));
    });

    it('keeps every series when the journal shows its instances in the horizon done: the same RRULEs as without the journal, every done instance an EXDATE', () => {
        // examples/reference on 2026-11-22: the committee met and the roadmap was shared in the quarter to 2027-01-01, the only instance in the horizon.
        const withoutJournal = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-calendar-reference-'));
        fs.cpSync('examples/reference', withoutJournal, { recursive: true });
        fs.rmSync(path.join(withoutJournal, 'journals'), { recursive: true });
        const series = (text: string) => new Map(new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
            .map(component => new ICAL.Event(component))
            .filter(event => event.isRecurring())
            .map(event => [event.uid, event] as const));
        const done = series(calendarText(['examples/reference'], '2026-11-22', '90'));
        const plain = series(runCli(['calendar', '.', '--today', '2026-11-22'], { cwd: withoutJournal }).stdout);
        assert.deepEqual([...done.keys()].sort(), [...plain.keys()].sort(), 'the same series, with the journal or without');
        for (const uid of ['meeting.AcmeGlobex.SteeringCommittee.recurring@entente', 'commitment.AcmeGlobex.ShareRoadmap.recurring@entente']) {
            assert.ok(done.has(uid), uid);
        }
        const exdates = (event: ICAL.Event) => event.component.getAllProperties('exdate').flatMap(property => property.getValues() as ICAL.Time[]);
        for (const [uid, event] of done) {
            const before = plain.get(uid)!;
            assert.equal(event.startDate.toString(), before.startDate.toString(), uid);
            assert.ok(event.startDate.isDate, `${uid}: DTSTART is a DATE`);
            assert.equal(event.component.getFirstPropertyValue('rrule')?.toString(), before.component.getFirstPropertyValue('rrule')?.toString(), uid);
            const until = (event.component.getFirstPropertyValue('rrule') as ICAL.Recur).until;
            assert.ok(until?.isDate && until.toString() === '2028-12-31', `${uid}: UNTIL the term end, a DATE`);
            assert.ok(exdates(event).every(exdate => exdate.isDate), `${uid}: every EXDATE is a DATE, as DTSTART is`);
            assert.equal(exdates(before).length, 0, `${uid}: nothing is done without a journal`);
        }
        const instances = (event: ICAL.Event, to: string) => {
            const dates: string[] = [];
            const iterator = event.iterator();
            for (let next = iterator.next(); next && next.toString() <= to; next = iterator.next()) {
                dates.push(next.toString());
            }
            return dates;
        };
        const committee = done.get('meeting.AcmeGlobex.SteeringCommittee.recurring@entente')!;
        assert.deepEqual(exdates(committee).map(String), ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01'], 'the four quarters with a meeting, past and in the horizon');
        assert.deepEqual(instances(committee, '2027-12-31'), ['2027-04-01', '2027-07-01', '2027-10-01'], 'the quarters to come stay in the series');
        assert.deepEqual(instances(plain.get('meeting.AcmeGlobex.SteeringCommittee.recurring@entente')!, '2027-12-31'),
            ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01']);
        const deals = done.get('metric.AcmeGlobex.DealRegistrationTime.recurring@entente')!;
        assert.deepEqual(instances(deals, '2027-02-01'), ['2026-12-01', '2027-01-01', '2027-02-01'], 'every month reported so far is done');
    });

    it('is RFC 5545 text with a journal too: long EXDATE lines folded, a series whose instances in the horizon are all done, no series beyond its term', () => {
        const text = calendarText(['examples/reference'], '2026-11-22', '90');
        assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'every line ends in CRLF');
        for (const line of text.split('\r\n')) {
            assert.ok(Buffer.byteLength(line) <= 75, line);
        }
        const unfolded = text.replace(/\r\n /g, '');
        assert.match(unfolded, /\r\nEXDATE;VALUE=DATE:20260201,20260301,20260401,20260501,20260601,20260701,20260801,20260901,20261001,20261101\r\n/);
        assert.match(unfolded, /\r\nUID:metric\.AcmeGlobex\.PartnerSatisfaction\.recurring@entente\r\n(?:[^\r]*\r\n)*?EXDATE;VALUE=DATE:20270101\r\n/);
        for (const line of unfolded.split('\r\n').filter(content => /^(DTSTART|DTEND|EXDATE)/.test(content))) {
            assert.match(line, /^(DTSTART|DTEND|EXDATE);VALUE=DATE:\d{8}(,\d{8})*$/, line);
        }
        const uids = [...unfolded.matchAll(/^UID:(.*)$/gm)].map(match => match[1]);
        assert.equal(new Set(uids).size, uids.length, 'no UID twice');
        // After the term, the series are history: still the same events, every instance in the past.
        const after = calendarText(['examples/reference'], '2029-03-01', '90').replace(/\r\n /g, '');
        assert.deepEqual([...after.matchAll(/^UID:(.*\.recurring@entente)$/gm)].map(match => match[1]).sort(), uids.filter(uid => uid.endsWith('.recurring@entente')).sort());
    });

    it('keeps commas, semicolons, backslashes and line breaks in titles through a parser', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-calendar-'));
        const title = 'Ship v2; docs, API \\ SDK — ünïcødé, and a long title that has to be folded over several lines of the file';
        fs.writeFileSync(path.join(root, 'c.charter'), `party A { role Lead "x" } party B { role Lead "y" }\ncharter Deal { parties A, B commitment Ship ${JSON.stringify(title)} { owner A.Lead to B due 2026-12-01 } }\n`);
        const result = runCli(['calendar', '.', '--today', '2026-11-22', '--out', 'out/portfolio.ics'], { cwd: root });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^Wrote 1 events \(1 dates by 2027-02-20\) to /);
        const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(path.join(root, 'out/portfolio.ics'), 'utf8')));
        const [event] = calendar.getAllSubcomponents('vevent').map(component => new ICAL.Event(component));
        assert.equal(event.summary, `${title} (Deal)`);
        assert.equal(event.startDate.toString(), '2026-12-01');
        assert.equal(event.description, 'Owner: A.Lead\nCharter: Deal (c.charter)');
    });
});
