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
