import * as assert from 'node:assert/strict';
import {
    climbClass, compactNumber, JOURNAL_VIEW_IDS, largestGap, latestAssessments, meetsTarget, niceTicks, renderJournalView, renderJournalViews,
    targetText, textWidth, type JournalViewInput
} from '@entente/diagrams';
import { HOSTILE } from '../helpers/hostile.js';
import { acmeGlobexInput } from './journal-fixture.js';
import { assertWellFormed, elementIds } from './render-helpers.js';

/** The attribute values of one data attribute, in order. */
function attributeValues(svg: string, name: string): string[] {
    return [...svg.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map(match => match[1]);
}

/** The `<g …>` start tag whose data-element is `id`. */
function groupTag(svg: string, id: string): string {
    const match = new RegExp(`<g data-element="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(svg);
    assert.ok(match, `a group for ${id}`);
    return match[0];
}

/** The timeline's axis labels and today's, each with its box as the renderer measures text (generously). */
function axisLabels(svg: string): Array<{ text: string; x0: number; x1: number; y0: number; y1: number }> {
    const axis = /<g data-axis="time"[^>]*>([^]*?)<\/g>/.exec(svg)![1];
    const today = /<g data-today="[^"]*">([^]*?)<\/g>/.exec(svg)?.[1] ?? '';
    return [...`${axis}${today}`.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" font-size="(\d+)"( font-weight="bold")?( text-anchor="end")?[^>]*>([^<]*)<\/text>/g)].map(match => {
        const size = Number(match[3]);
        const width = textWidth(match[6], match[4] ? size * 1.1 : size);
        const x0 = match[5] ? Number(match[1]) - width : Number(match[1]);
        return { text: match[6], x0, x1: x0 + width, y0: Number(match[2]) - size, y1: Number(match[2]) };
    });
}

/** Pairs of axis labels that overlap, and labels that run past the drawing's right edge or the end of the drawn span (its last tick). */
function axisProblems(svg: string): string[] {
    const labels = axisLabels(svg);
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
    const axis = /<g data-axis="time"[^>]*>([^]*?)<\/g>/.exec(svg)![1];
    const end = Math.max(...[...axis.matchAll(/<line class="axis" x1="([\d.]+)"/g)].map(match => Number(match[1])));
    const problems = labels.filter(label => label.x1 > width).map(label => `"${label.text}" runs past the right edge (${Math.round(label.x1)} > ${width})`);
    problems.push(...labels.filter(label => label.text !== 'today' && label.x1 > end + 0.5).map(label => `"${label.text}" runs past the end of the span (${Math.round(label.x1)} > ${Math.round(end)})`));
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
            const [a, b] = [labels[i], labels[j]];
            if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) {
                problems.push(`"${a.text}" at ${Math.round(a.x0)} overlaps "${b.text}" at ${Math.round(b.x0)}`);
            }
        }
    }
    return problems;
}

describe('the journal views', () => {
    describe('timeline', () => {
        const svg = renderJournalView('timeline', acmeGlobexInput());

        it('is well-formed SVG with a title and a description that counts the entries', () => {
            assertWellFormed(svg);
            assert.match(svg, /<title id="timeline-title">Timeline of AcmeGlobex<\/title>/);
            assert.match(svg, /<desc id="timeline-desc">What the journals of AcmeGlobex record from 1 Jan 2026 to 1 Dec 2026: 2 meetings, 2 deliveries, 1 miss, 1 decision, 2 disputes, 1 review, 2 assessments, 1 note; today is 22 Nov 2026.<\/desc>/);
        });

        it('has a lane for the partnership, each party, each body and the disputes, in that order', () => {
            assert.deepEqual(attributeValues(svg, 'data-lane'), ['partnership', 'party:Acme', 'party:Globex', 'body:SteeringCommittee', 'body:WorkingGroup', 'disputes']);
        });

        it('puts each entry in its lane, with its journal line as data-element', () => {
            const lane = (id: string) => {
                const start = svg.indexOf(`data-lane="${id}"`);
                const next = svg.indexOf('data-lane="', start + 1);
                return svg.slice(start, next < 0 ? undefined : next);
            };
            assert.deepEqual(attributeValues(lane('partnership'), 'data-kind'), ['review', 'note']);
            assert.deepEqual(attributeValues(lane('party:Acme'), 'data-kind'), ['decision', 'assessment']);
            assert.deepEqual(attributeValues(lane('party:Globex'), 'data-kind'), ['delivery', 'delivery', 'assessment', 'miss']);
            assert.deepEqual(attributeValues(lane('body:SteeringCommittee'), 'data-kind'), ['meeting', 'meeting']);
            assert.deepEqual(attributeValues(lane('disputes'), 'data-kind'), ['dispute', 'escalated', 'resolved', 'dispute', 'escalated', 'escalated']);
            const ids = elementIds(svg);
            for (const line of [3, 4, 5, 6, 7, 11, 12, 13, 14, 15, 16, 17, 18]) {
                assert.ok(ids.includes(`AcmeGlobex2026:${line}`), `line ${line} is drawn`);
            }
            assert.ok(ids.includes('Acme') && ids.includes('AcmeGlobex.SteeringCommittee'), 'lane labels name their party or body');
        });

        it('shows who attended a meeting: a dot per seated party, filled when it came', () => {
            assert.match(groupTag(svg, 'AcmeGlobex2026:3'), /data-attended="Acme Globex"/);
            assert.match(groupTag(svg, 'AcmeGlobex2026:4'), /data-attended="Acme"/);
            const second = svg.slice(svg.indexOf('data-element="AcmeGlobex2026:4"'));
            assert.match(second, /data-party="Globex" data-present="no"/);
            assert.match(second, /absent: Globex/);
        });

        it('draws disputes as bars coloured by how far they climbed, open ones to today', () => {
            const nordic = groupTag(svg, 'AcmeGlobex2026:12');
            assert.match(nordic, /data-issue="NordicLeads" data-reached="2" data-state="resolved"/);
            const support = groupTag(svg, 'AcmeGlobex2026:19');
            assert.match(support, /data-state="open"/);
            assert.match(svg, /NordicLeads · level 2 of 2</);
            assert.match(svg, /SupportCosts · final step · open</);
            assert.equal(climbClass({ reachedLevel: 1, levels: 2 }), 'climb-1');
            assert.equal(climbClass({ reachedLevel: 2, levels: 2 }), 'climb-2');
            assert.equal(climbClass({ reachedLevel: 3, levels: 2 }), 'climb-final');
            assert.equal(climbClass({ reachedLevel: 4, levels: 5 }), 'climb-3');
            assert.equal(climbClass({ reachedLevel: 2, levels: 0 }), 'climb-2', 'an unknown escalation: by level alone');
            // The open bar ends at today's x, like today's line.
            const todayX = /data-today="2026-11-22"><title>[^<]*<\/title><line class="today" x1="([\d.]+)"/.exec(svg)![1];
            const bar = /data-issue="SupportCosts"[^>]*><title>[^<]*<\/title><rect class="climb-final" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
            const plotX0 = Number(/translate\(([\d.]+) 0\)/.exec(svg)![1]);
            assert.ok(Math.abs(plotX0 + Number(bar[1]) + Number(bar[2]) - Number(todayX)) < 0.02, 'the open dispute runs to today');
        });

        it('marks stretches where a body with a cadence did not meet for more than 1.5 periods, up to today', () => {
            assert.deepEqual(attributeValues(svg, 'data-gap'), ['SteeringCommittee:2026-04-22', 'WorkingGroup:2026-01-01']);
            assert.deepEqual(attributeValues(svg, 'data-days'), ['214', '325']);
            const onTime = acmeGlobexInput();
            onTime.today = '2026-06-01';
            onTime.bodies = onTime.bodies.slice(0, 1);
            assert.deepEqual(attributeValues(renderJournalView('timeline', onTime), 'data-gap'), [], '40 days after a quarterly meeting is no gap');
        });

        it('marks today, the term start, entries with findings, late deliveries and misses', () => {
            assert.match(svg, /data-today="2026-11-22"/);
            assert.match(svg, />today</);
            assert.match(svg, /data-term="term start"/);
            assert.doesNotMatch(svg, /data-term="term end"/, 'the term ends two years after what is drawn');
            assert.match(svg.slice(svg.indexOf('data-element="AcmeGlobex2026:17"')), /^[^]*?<circle class="flagged"/);
            const late = acmeGlobexInput();
            late.events.push({ kind: 'delivery', date: '2026-10-02', source: { journal: 'AcmeGlobex2026', line: 30 }, commitment: 'Pilot', parties: ['Acme'], due: '2026-09-30', late: true, findings: ['late-delivery'] });
            const drawn = renderJournalView('timeline', late);
            assert.match(groupTag(drawn, 'AcmeGlobex2026:30'), /data-late="yes"/);
            assert.match(drawn, /class="mark-late"/);
            assert.match(drawn, /due 30 Sep 2026 \(late\)/);
            assert.match(svg, /class="mark-miss"/);
            assert.match(svg, /Roadmap frozen during the reorganisation/, 'the reason is in the tooltip');
        });

        it('is the same whatever order the entries come in (sorted by date, then line)', () => {
            const shuffled = acmeGlobexInput();
            shuffled.events.reverse();
            shuffled.disputes.reverse();
            shuffled.metrics.forEach(metric => metric.readings.reverse());
            shuffled.assessments.reverse();
            const again = renderJournalViews(shuffled);
            const first = renderJournalViews(acmeGlobexInput());
            for (const view of JOURNAL_VIEW_IDS) {
                assert.equal(again[view], first[view], view);
            }
        });

        it('says so when the charter has no journal, and draws an empty journal with today', () => {
            const none = renderJournalView('timeline', { ...acmeGlobexInput(), journals: [], events: [], disputes: [] });
            assertWellFormed(none);
            assert.match(none, /No journal for AcmeGlobex/);
            const empty = renderJournalView('timeline', { ...acmeGlobexInput(), events: [], disputes: [], assessments: [] });
            assertWellFormed(empty);
            assert.match(empty, /data-today="2026-11-22"/);
        });

        it('dims what does not concern the party it is viewed as', () => {
            const asGlobex = renderJournalView('timeline', acmeGlobexInput(), { viewAsParty: 'Globex' });
            assert.match(asGlobex, /data-lane="party:Acme" class="dim"/);
            assert.doesNotMatch(asGlobex, /data-lane="party:Globex" class="dim"/);
            assert.match(groupTag(asGlobex, 'AcmeGlobex2026:11'), /class="dim"/, 'Acme\'s decision');
            assert.doesNotMatch(groupTag(asGlobex, 'AcmeGlobex2026:5'), /class="dim"/, 'Globex\'s delivery');
        });

        it('leaves out what is dated after today, as the score does: a later resolution does not settle a dispute', () => {
            const input = acmeGlobexInput();
            input.today = '2026-11-15';
            input.events.push({ kind: 'delivery', date: '2027-01-10', source: { journal: 'AcmeGlobex2026', line: 40 }, commitment: 'TrainSellers', parties: ['Acme'] });
            input.disputes.push({
                issue: 'Leads', escalation: 'Disputes', raised: { date: '2026-05-04', source: { journal: 'AcmeGlobex2026', line: 41 } },
                escalated: [{ date: '2026-12-01', source: { journal: 'AcmeGlobex2026', line: 42 } }],
                resolved: { date: '2027-02-10', source: { journal: 'AcmeGlobex2026', line: 43 }, how: 'Split' },
                reachedLevel: 2, levels: 3, timeBoxDays: 15, overTime: true
            });
            const svg = renderJournalView('timeline', input);
            assertWellFormed(svg);
            assert.match(groupTag(svg, 'AcmeGlobex2026:41'), /data-reached="1" data-state="open"/, 'open at today, at the level it had then');
            assert.match(svg, /Leads · level 1 of 3 · open</);
            assert.match(svg, /open for 195 days/);
            for (const line of [40, 42, 43]) {
                assert.doesNotMatch(svg, new RegExp(`data-element="AcmeGlobex2026:${line}"`), `line ${line} is after today`);
            }
            assert.match(svg, />Not drawn: 3 entries dated after today \(15 Nov 2026\), the last on 10 Feb 2027\.</);
            assert.match(svg, /record from 1 Jan 2026 to 1 Dec 2026/, 'the span ends with today\'s month');
            const none = renderJournalView('timeline', acmeGlobexInput());
            assert.doesNotMatch(none, /Not drawn/);
        });

        it('marks no meeting gap before the term started: the count starts at the term\'s start or a later meeting', () => {
            const input = acmeGlobexInput();
            input.today = '2026-03-15';
            input.bodies = input.bodies.slice(0, 1);
            input.events = [
                { kind: 'meeting', date: '2025-09-01', source: { journal: 'AcmeGlobex2026', line: 3 }, body: 'SteeringCommittee', attendanceRecorded: false, attendees: [], attendingParties: [] },
                { kind: 'meeting', date: '2026-02-01', source: { journal: 'AcmeGlobex2026', line: 4 }, body: 'SteeringCommittee', attendanceRecorded: false, attendees: [], attendingParties: [] }
            ];
            input.disputes = [];
            assert.deepEqual(attributeValues(renderJournalView('timeline', input), 'data-gap'), []);
            input.today = '2026-08-01';
            assert.deepEqual(attributeValues(renderJournalView('timeline', input), 'data-gap'), ['SteeringCommittee:2026-02-01'], 'after the last meeting, as before');
            input.events.pop();
            input.today = '2026-06-01';
            const svg = renderJournalView('timeline', input);
            assert.deepEqual([attributeValues(svg, 'data-gap'), attributeValues(svg, 'data-days')], [['SteeringCommittee:2026-01-01'], ['151']], 'from the term\'s start, not the meeting before it');
        });

        describe('its time axis thins its ticks and labels to what fits, at any span', () => {
            const cases: Array<[string, (input: JournalViewInput) => void]> = [
                ['the fixture', () => undefined],
                ['a span ending in December', input => { input.today = '2026-12-10'; }],
                ['today in January', input => { input.today = '2027-01-20'; }],
                ['today on the 1st of January', input => { input.today = '2027-01-01'; }],
                ['a span starting in December', input => { input.events.push({ kind: 'note', date: '2025-12-20', source: { journal: 'J', line: 50 }, text: 'x' }); }],
                ...[2, 3, 5, 8, 12, 20, 45, 60, 100, 250, 1000].map((years): [string, (input: JournalViewInput) => void] => [`a ${years}-year span`, input => {
                    input.events.push({ kind: 'delivery', date: `${2026 - years}-01-15`, source: { journal: 'J', line: 50 }, commitment: 'ShareRoadmap', parties: ['Globex'] });
                }]),
                ['a mistyped year among 2026 entries (1926)', input => {
                    input.events.push({ kind: 'delivery', date: '1926-01-15', source: { journal: 'J', line: 50 }, commitment: 'ShareRoadmap', parties: ['Globex'] });
                }]
            ];
            for (const [name, change] of cases) {
                it(`no label overlaps another or runs past the edge: ${name}`, () => {
                    const input = acmeGlobexInput();
                    change(input);
                    const svg = renderJournalView('timeline', input);
                    assertWellFormed(svg);
                    assert.deepEqual(axisProblems(svg), []);
                    const labels = axisLabels(svg);
                    assert.ok(labels.filter(label => /^\d{4}$/.test(label.text)).length >= 1, 'a year is named');
                    const ticks = (/<g data-axis="time"[^>]*>([^]*?)<\/g>/.exec(svg)![1].match(/class="axis"/g) ?? []).length;
                    assert.ok(ticks <= 520, `${ticks} ticks`);
                });
            }

            it('at 100 years: a label every few years, not every January', () => {
                const input = acmeGlobexInput();
                input.events.push({ kind: 'delivery', date: '1926-01-15', source: { journal: 'J', line: 50 }, commitment: 'ShareRoadmap', parties: ['Globex'] });
                const years = axisLabels(renderJournalView('timeline', input)).filter(label => /^\d{4}$/.test(label.text)).map(label => Number(label.text));
                assert.ok(years.length >= 10 && years.length <= 40, `${years.length} year labels`);
                assert.ok(years.includes(1926), 'the start');
                assert.ok(years.slice(1).every(year => year % 5 === 0), `round years: ${years.join(' ')}`);
            });
        });

        it('keeps a busy lane readable: past four rows the labels go (the tooltips keep them), and rows stop at ten', () => {
            const busy = acmeGlobexInput();
            busy.events = Array.from({ length: 2000 }, (_, i) => ({
                kind: 'note' as const, date: `2026-${String(1 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
                source: { journal: 'AcmeGlobex2026', line: 100 + i }, text: `Note number ${i}`
            }));
            const started = performance.now();
            const drawn = renderJournalView('timeline', busy);
            assert.ok(performance.now() - started < 5000, 'quick');
            assertWellFormed(drawn);
            assert.doesNotMatch(drawn, />Note number 5<\/text>/, 'no labels in a crowded lane');
            assert.match(drawn, /<title>[^<]*Note number 5<\/title>/);
            const height = Number(/height="(\d+)"/.exec(drawn)![1]);
            assert.ok(height < 600, `the lane stops growing at ten rows (${height})`);
        });
    });

    describe('metric trends', () => {
        const svg = renderJournalView('trends', acmeGlobexInput());

        it('draws a panel per metric, its readings in date order with on- and off-target points distinct', () => {
            assertWellFormed(svg);
            assert.deepEqual(attributeValues(svg, 'data-metric'), ['JointRevenue', 'DealRegistrationTime', 'PartnerSatisfaction']);
            assert.ok(elementIds(svg).includes('AcmeGlobex.JointRevenue'), 'a panel reveals its metric');
            const revenue = svg.slice(svg.indexOf('data-metric="JointRevenue"'), svg.indexOf('data-metric="DealRegistrationTime"'));
            assert.deepEqual(attributeValues(revenue, 'data-date'), ['2026-03-31', '2026-06-30', '2026-09-30']);
            assert.deepEqual(attributeValues(revenue, 'data-state'), ['off-target', 'on-target', 'on-target']);
            assert.match(revenue, /<path class="off-target"/, 'off target is a triangle');
            assert.match(revenue, /<circle class="on-target"/, 'on target is a dot');
            assert.match(revenue, /<polyline class="reading-line"/);
            assert.match(revenue, /latest 2\.1M USD \(30 Sep 2026\) · on target/);
            assert.match(revenue, /target ≥ 2M USD · reported quarterly/);
        });

        it('draws the target as a band on its good side', () => {
            const band = (metric: string) => {
                const panel = svg.slice(svg.indexOf(`data-metric="${metric}"`));
                const rect = /class="target-band" x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/.exec(panel)!;
                const line = /class="target-line" x1="[\d.]+" y1="([\d.]+)"/.exec(panel)!;
                return { top: Number(rect[1]), bottom: Number(rect[1]) + Number(rect[2]), target: Number(line[1]) };
            };
            const above = band('JointRevenue');
            assert.ok(Math.abs(above.bottom - above.target) < 0.02 && above.top < above.target, '≥: the band runs up from the target');
            const below = band('DealRegistrationTime');
            assert.ok(Math.abs(below.top - below.target) < 0.02 && below.bottom > below.target + 10, '≤: the band runs down from the target');
        });

        it('says when a metric has no readings, and when the charter has no metrics', () => {
            assert.match(svg.slice(svg.indexOf('data-metric="PartnerSatisfaction"')), /no readings yet/);
            const none = renderJournalView('trends', { ...acmeGlobexInput(), metrics: [] });
            assertWellFormed(none);
            assert.match(none, /declares no metrics/);
        });

        it('judges readings by the target unless the rules said otherwise', () => {
            assert.equal(meetsTarget(5, { comparator: '<=', value: 3 }), false);
            assert.equal(meetsTarget(3, { comparator: '<=', value: 3 }), true);
            assert.equal(meetsTarget(3, { comparator: '<', value: 3 }), false);
            assert.equal(meetsTarget(2, { comparator: '=', value: 2 }), true);
            const judged = acmeGlobexInput();
            judged.metrics[0].readings.find(reading => reading.date === '2026-03-31')!.onTarget = true;
            assert.match(renderJournalView('trends', judged), /data-date="2026-03-31" data-value="1800000" data-state="on-target"/);
            judged.metrics[0].readings.find(reading => reading.date === '2026-06-30')!.unjudged = true;
            assert.match(renderJournalView('trends', judged), /data-date="2026-06-30" data-value="2600000" data-state="other-unit"/, 'a reading in another unit is not judged');
        });

        it('labels a reading in its own unit, and keeps readings in another unit off the axis, off the line and out of "latest"', () => {
            const at = (line: number) => ({ journal: 'J', line });
            const input = acmeGlobexInput();
            input.metrics = [
                {
                    metric: 'JointRevenue', target: { comparator: '>=', value: 10_000_000, unit: 'USD' }, parties: ['Acme'], readings: [
                        { date: '2026-03-31', value: 2_600_000, unit: 'USD', onTarget: false, source: at(1) },
                        { date: '2026-06-30', value: 11_000_000, unit: 'USD', onTarget: true, source: at(2) },
                        { date: '2026-08-31', value: 4, scale: 5, unjudged: true, source: at(3) },
                        { date: '2026-09-30', value: 9_500_000, unit: 'EUR', unjudged: true, source: at(4) }
                    ]
                },
                {
                    metric: 'PartnerSatisfaction', target: { comparator: '>=', value: 4, scale: 5 }, parties: ['Globex'], readings: [
                        { date: '2026-06-30', value: 4, scale: 5, onTarget: true, source: at(5) },
                        { date: '2026-09-30', value: 62, unit: '%', unjudged: true, source: at(6) }
                    ]
                },
                {
                    metric: 'DealRegistrationTime', target: { comparator: '<=', value: 3, unit: 'days' }, parties: ['Acme'], readings: [
                        { date: '2026-01-31', value: 2, unit: 'days', onTarget: true, source: at(7) },
                        { date: '2026-03-31', value: 96, unit: 'hours', unjudged: true, source: at(8) },
                        { date: '2026-04-30', value: 2, onTarget: true, source: at(9) }
                    ]
                }
            ];
            const svg = renderJournalView('trends', input);
            assertWellFormed(svg);
            const panel = (metric: string) => {
                const start = svg.indexOf(`data-metric="${metric}"`);
                const next = svg.indexOf('data-metric="', start + 1);
                return svg.slice(start, next < 0 ? undefined : next);
            };
            const revenue = panel('JointRevenue');
            assert.match(revenue, /latest 11M USD \(30 Jun 2026\) · on target/, 'the latest reading the check judges, not the EUR one');
            assert.match(revenue, /30 Sep 2026: JointRevenue 9\.5M EUR/);
            assert.match(revenue, /31 Aug 2026: JointRevenue 4 of 5/, 'its own scale, not the target\'s unit');
            assert.doesNotMatch(revenue, /4 USD/);
            assert.match(revenue, />2 readings in another unit</);
            assert.equal(/<polyline class="reading-line" points="([^"]*)"/.exec(revenue)![1].split(' ').length, 2, 'the line joins the USD readings only');
            assert.deepEqual(attributeValues(revenue, 'data-state'), ['other-unit', 'other-unit', 'off-target', 'on-target']);
            const satisfaction = panel('PartnerSatisfaction');
            assert.match(satisfaction, /latest 4 of 5 \(30 Jun 2026\) · on target/);
            assert.match(satisfaction, /30 Sep 2026: PartnerSatisfaction 62%/);
            assert.doesNotMatch(satisfaction, /62 of 5/);
            assert.doesNotMatch(satisfaction, />(20|40|60)</, 'the % reading does not stretch the 1–5 axis');
            const days = panel('DealRegistrationTime');
            assert.match(days, /latest 2 days \(30 Apr 2026\) · on target/, 'a reading without a unit is in the target\'s');
            assert.match(days, /31 Mar 2026: DealRegistrationTime 96 hours/);
            assert.doesNotMatch(days, />(25|50|75|100)</, 'the hours reading does not stretch the days axis');
            // Apart from the line: on the time axis, at the plot's bottom.
            const other = /data-state="other-unit"><title>[^<]*<\/title><path class="other-unit" d="M [\d.]+ ([\d.]+)/.exec(days)!;
            const axisY = /<line class="axis" x1="[\d.]+" y1="([\d.]+)"/.exec(days)![1];
            assert.equal(Number(other[1]) + 4.5, Number(axisY));
        });

        it('reads the readings up to today: a later one is neither drawn nor the latest', () => {
            const input = acmeGlobexInput();
            input.today = '2026-11-15';
            input.metrics[0].readings.push({ date: '2027-01-05', value: 12_000_000, unit: 'USD', source: { journal: 'AcmeGlobex2026', line: 40 } });
            const svg = renderJournalView('trends', input);
            assert.match(svg, /latest 2\.1M USD \(30 Sep 2026\) · on target/);
            assert.doesNotMatch(svg, /data-date="2027-01-05"/);
            assert.doesNotMatch(svg, /Jan 2027/, 'nor does it stretch the time axis');
        });

        it('labels numbers compactly and picks round ticks', () => {
            assert.deepEqual([compactNumber(2_600_000), compactNumber(18_500), compactNumber(4.567), compactNumber(-3), compactNumber(1.5e9)], ['2.6M', '18.5k', '4.57', '-3', '1.5B']);
            assert.deepEqual(niceTicks(1_800_000, 2_600_000), [1_800_000, 2_000_000, 2_200_000, 2_400_000, 2_600_000]);
            assert.deepEqual(niceTicks(5, 5), [4, 4.5, 5, 5.5, 6]);
            assert.equal(targetText({ comparator: '>=', value: 4, scale: 5 }), 'target ≥ 4 of 5');
            assert.equal(targetText({ comparator: '<=', value: 95, unit: '%' }), 'target ≤ 95%');
        });
    });

    describe('perception radar', () => {
        const svg = renderJournalView('radar', acmeGlobexInput());

        it('draws one polygon per party from its latest assessment', () => {
            assertWellFormed(svg);
            assert.deepEqual(latestAssessments(acmeGlobexInput()).map(a => `${a.party} ${a.date}`), ['Acme 2026-06-30', 'Globex 2026-06-30']);
            assert.equal((svg.match(/<polygon class="polygon"/g) ?? []).length, 2);
            const globex = svg.slice(svg.indexOf('data-element="AcmeGlobex2026:17"'));
            assert.deepEqual(attributeValues(globex.slice(0, globex.indexOf('</g>')), 'data-score'), ['2', '3', '3', '2'], 'the June assessment, not January\'s');
            assert.deepEqual(attributeValues(svg, 'data-pillar').slice(0, 4), ['trust', 'commitment', 'coordination', 'communication']);
        });

        it('labels the largest gap between two parties on one pillar', () => {
            assert.deepEqual(largestGap(latestAssessments(acmeGlobexInput())), { pillar: 'trust', gap: 2, high: { party: 'Acme', score: 4 }, low: { party: 'Globex', score: 2 } });
            assert.match(svg, /data-gap="trust" data-size="2"/);
            assert.match(svg, />gap 2</);
            assert.match(svg, />Largest gap: 2 on trust \(Acme 4, Globex 2\)</);
        });

        it('breaks ties by pillar order, and says when the parties agree or only one has assessed', () => {
            const at = { journal: 'J', line: 1 };
            const tied = [
                { party: 'A', date: '2026-01-01', source: at, scores: { trust: 3, commitment: 1, coordination: 3, communication: 5 } },
                { party: 'B', date: '2026-01-01', source: at, scores: { trust: 3, commitment: 3, coordination: 3, communication: 3 } }
            ];
            assert.equal(largestGap(tied)?.pillar, 'commitment');
            const agree = acmeGlobexInput();
            agree.assessments = [agree.assessments[0], { ...agree.assessments[0], party: 'Globex', source: { journal: 'AcmeGlobex2026', line: 17 } }];
            assert.match(renderJournalView('radar', agree), /No gap: the parties agree on every pillar/);
            const alone = acmeGlobexInput();
            alone.assessments = [alone.assessments[0]];
            assert.match(renderJournalView('radar', alone), /Only Acme has assessed the partnership/);
            const none = renderJournalView('radar', { ...acmeGlobexInput(), assessments: [] });
            assertWellFormed(none);
            assert.match(none, /No assessment yet/);
        });

        it('draws the factors as axes only when every party scored them; the table shows them all', () => {
            const factors = acmeGlobexInput();
            factors.assessments[0].scores.openness = 5;
            factors.assessments[1].scores.openness = 1;
            factors.assessments[0].scores.equality = 4;
            const drawn = renderJournalView('radar', factors);
            assertWellFormed(drawn);
            const chart = drawn.slice(drawn.indexOf('data-chart'), drawn.indexOf('data-gap-caption'));
            assert.match(chart, /data-pillar="openness"/);
            assert.doesNotMatch(chart, /data-pillar="equality"/);
            assert.match(drawn, /Largest gap: 4 on openness \(Acme 5, Globex 1\)/);
            assert.match(drawn.slice(drawn.indexOf('data-table-header')), />Equality</);
        });

        it('draws the axis of the gap it reports, even when a party did not score that pillar', () => {
            const at = (line: number) => ({ journal: 'J', line });
            const input = acmeGlobexInput();
            input.parties = ['Alpha', 'Bravo', 'Charlie'];
            input.assessments = [
                { party: 'Alpha', date: '2026-06-10', source: at(1), scores: { trust: 3, commitment: 3, coordination: 3, communication: 3, openness: 1 } },
                { party: 'Bravo', date: '2026-06-10', source: at(2), scores: { trust: 4, commitment: 3, coordination: 3, communication: 3, openness: 5 } },
                { party: 'Charlie', date: '2026-06-10', source: at(3), scores: { trust: 3, commitment: 3, coordination: 3, communication: 3 } }
            ];
            const drawn = renderJournalView('radar', input);
            assertWellFormed(drawn);
            const chart = drawn.slice(drawn.indexOf('data-chart'), drawn.indexOf('data-gap-caption'));
            assert.match(chart, /data-pillar="openness" data-not-scored-by="Charlie"/);
            assert.match(chart, /data-gap="openness" data-size="4"/, 'the red segment is drawn');
            assert.match(drawn, /Largest gap: 4 on openness \(Bravo 5, Alpha 1\); \* not scored by Charlie/);
            const charlie = chart.slice(chart.indexOf('data-party="Charlie"'));
            assert.deepEqual(attributeValues(charlie.slice(0, charlie.indexOf('</g>')), 'data-pillar'), ['trust', 'commitment', 'coordination', 'communication'], 'Charlie\'s polygon passes the axis by');
        });

        it('takes each party\'s latest assessment up to today, as the perceived layer does', () => {
            const input = acmeGlobexInput();
            input.today = '2026-11-15';
            input.assessments.push({ party: 'Globex', date: '2027-03-01', source: { journal: 'AcmeGlobex2026', line: 40 }, scores: { trust: 1, commitment: 1, coordination: 1, communication: 1 } });
            assert.deepEqual(latestAssessments(input).map(a => `${a.party} ${a.date}`), ['Acme 2026-06-30', 'Globex 2026-06-30']);
            const drawn = renderJournalView('radar', input);
            assert.match(drawn, />Largest gap: 2 on trust \(Acme 4, Globex 2\)</);
            assert.doesNotMatch(drawn, /2027-03-01/);
        });
    });

    describe('hostile text', () => {
        for (const hostile of HOSTILE) {
            it(`keeps ${JSON.stringify(hostile)} as text in every journal view`, () => {
                // Names are identifiers in the language; every text slot gets the hostile string.
                const input: JournalViewInput = acmeGlobexInput();
                input.title = hostile;
                input.events.push(
                    { kind: 'note', date: '2026-08-01', source: { journal: 'J', line: 40 }, text: hostile },
                    { kind: 'miss', date: '2026-08-02', source: { journal: 'J', line: 41 }, commitment: 'Train', title: hostile, parties: ['Acme'], reason: hostile },
                    { kind: 'decision', date: '2026-08-03', source: { journal: 'J', line: 42 }, decision: 'Price', title: hostile, what: hostile, by: ['Acme'], parties: [] },
                    { kind: 'review', date: '2026-08-04', source: { journal: 'J', line: 43 }, summary: hostile }
                );
                input.disputes[0].title = hostile;
                input.disputes[0].resolved!.how = hostile;
                input.metrics[0].title = hostile;
                input.metrics[0].target!.unit = hostile;
                input.bodies[0].title = hostile;
                input.metrics[0].readings[0].unit = hostile;
                for (const [view, svg] of Object.entries(renderJournalViews(input))) {
                    assertWellFormed(svg, view);
                    assert.doesNotMatch(svg, /<script/i, `${view}: no script element`);
                    assert.doesNotMatch(svg, /<img/i, `${view}: no injected element`);
                    assert.doesNotMatch(svg, /<[a-z][^>]*\son[a-z]+\s*=/i, `${view}: no event handler attribute inside a tag`);
                    assert.doesNotMatch(svg, /<[a-z][^>]*href="\s*javascript:/i, `${view}: no javascript: link`);
                    assert.doesNotMatch(svg, /[\u202A-\u202E\u2066-\u2069]/, `${view}: bidi controls are shown as codes, not obeyed`);
                }
            });
        }
    });
});
