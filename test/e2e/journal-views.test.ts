/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JOURNAL_VIEW_IDS, renderJournalViews, type JournalViewInput } from '@entente/diagrams';
import type { Browser } from 'playwright-core';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { HOSTILE } from '../helpers/hostile.js';
import { acmeGlobexInput } from '../diagrams/journal-fixture.js';
import { misplacedTexts, overlappingAxisLabels, overlappingLabels } from './journal-checks.js';

const ARTIFACTS = path.join(REPO_ROOT, 'test-results');

function page(views: Record<string, string>): string {
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head>
<body style="margin:0;background:#fff">${JOURNAL_VIEW_IDS.map(view => `<section id="${view}">${views[view]}</section>`).join('\n')}</body></html>`;
}

describe('the journal views in real Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;

    before(async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        browser = await launchChromium();
    });
    after(async () => {
        await closeChromium(browser);
    });

    for (const scheme of ['light', 'dark'] as const) {
        it(`draw every label inside its view, panel and lane, without overlaps (${scheme})`, async () => {
            const tab = await browser.newPage({ viewport: { width: 1300, height: 900 }, colorScheme: scheme });
            try {
                const errors: string[] = [];
                tab.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
                await tab.setContent(page(renderJournalViews(acmeGlobexInput())));
                assert.deepEqual(await tab.$$eval('svg.entente', svgs => svgs.map(svg => svg.getAttribute('data-view'))), ['timeline', 'trends', 'radar']);
                assert.deepEqual(await misplacedTexts(tab), []);
                assert.deepEqual(await overlappingLabels(tab), []);
                assert.deepEqual(errors, []);
                for (const view of JOURNAL_VIEW_IDS) {
                    await tab.locator(`svg[data-view="${view}"]`).screenshot({ path: path.join(ARTIFACTS, `journal-${view}-${scheme}.png`) });
                }
            } finally {
                await tab.close();
            }
        });
    }

    it('write long party and body names on lines in the label column: every lane\'s name whole and its own, clear of the other names and of the marks', async () => {
        const tab = await browser.newPage({ viewport: { width: 1300, height: 900 } });
        try {
            const input = acmeGlobexInput();
            // Names that share a long beginning (cut at the column's width, all would read alike), a name of one
            // long word, and enough lanes to fill the column; an entry on the first day, right at the label column.
            const parties = ['PartyWithARatherLongIdentifierNumber1', 'PartyWithARatherLongIdentifierNumber2', 'MMMMWWWWMMMMWWWWMMMMWWWWMMMMWWWW', 'Acme', 'Globex', ...Array.from({ length: 8 }, (_, i) => `P${i}`)];
            input.parties = parties;
            input.bodies.push(
                { name: 'JointSteeringCommitteeForStrategicInvestmentAndOversightOfTheProgramme', seatedParties: parties, cadence: 'monthly', cadenceDays: 30, findings: ['missed-meeting'] },
                { name: 'WorkingGroupOnMeasurementAndVerificationOfSavings', seatedParties: parties.slice(0, 5), cadence: 'monthly', cadenceDays: 30 }
            );
            for (const [index, party] of parties.entries()) {
                input.events.push({ kind: 'assessment', date: '2026-01-01', source: { journal: 'AcmeGlobex2026', line: 60 + index }, party, findings: ['perception-gap'] });
            }
            await tab.setContent(page(renderJournalViews(input)));
            const lanes = await tab.$$eval('svg[data-view="timeline"] g[data-lane]', groups => groups.map(group => {
                const texts = [...group.querySelectorAll(':scope > g[data-element] > text, :scope > g:not([transform]) > text')];
                const plot = group.querySelector(':scope > g[transform]')!;
                const shift = Number(/translate\(([\d.]+)/.exec(plot.getAttribute('transform')!)![1]);
                // No named functions in here: the test runner's transform would name them with a helper the page lacks.
                return {
                    lane: group.getAttribute('data-lane')!,
                    name: texts.filter(text => text.getAttribute('font-weight') === 'bold').map(text => text.childNodes[text.childNodes.length - 1].textContent).join(''),
                    labels: texts.map(text => [text.textContent!, (text as SVGGraphicsElement).getBBox()] as const)
                        .map(([text, b]) => ({ text, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height })),
                    marks: [...plot.querySelectorAll('circle, rect, path, text')].map(mark => [`${mark.tagName} ${mark.textContent}`, (mark as SVGGraphicsElement).getBBox()] as const)
                        .map(([text, b]) => ({ text, x: b.x + shift, y: b.y, right: b.x + shift + b.width, bottom: b.y + b.height }))
                };
            }));
            const overlaps = (a: { x: number; y: number; right: number; bottom: number }, b: typeof a) => a.x < b.right - 0.5 && b.x < a.right - 0.5 && a.y < b.bottom - 0.5 && b.y < a.bottom - 0.5;
            const labels = lanes.flatMap(lane => lane.labels.map(label => ({ ...label, lane: lane.lane })));
            const marks = lanes.flatMap(lane => lane.marks);
            for (const [i, a] of labels.entries()) {
                for (const b of labels.slice(i + 1)) {
                    assert.ok(!overlaps(a, b), `lane labels "${a.text}" (${a.lane}) and "${b.text}" (${b.lane}) overlap`);
                }
                for (const mark of marks) {
                    assert.ok(!overlaps(a, mark), `lane label "${a.text}" (${a.lane}) and ${mark.text} overlap`);
                }
            }
            // Each lane's name is shown whole, on lines, so no two lanes read alike.
            for (const party of parties) {
                assert.equal(lanes.find(lane => lane.lane === `party:${party}`)?.name, party);
            }
            assert.equal(lanes.find(lane => lane.lane === 'body:WorkingGroupOnMeasurementAndVerificationOfSavings')?.name, 'WorkingGroupOnMeasurementAndVerificationOfSavings');
            // A name longer than three lines ends in an ellipsis, whole in its tooltip.
            const longest = await tab.$eval('svg[data-view="timeline"] g[data-lane="body:JointSteeringCommitteeForStrategicInvestmentAndOversightOfTheProgramme"] > g[data-element]', group => ({
                lines: [...group.querySelectorAll(':scope > text[font-weight="bold"]')].length,
                title: group.querySelector(':scope > title')?.textContent
            }));
            assert.equal(longest.lines, 3);
            assert.match(longest.title ?? '', /^JointSteeringCommitteeForStrategicInvestmentAndOversightOfTheProgramme: missed-meeting$/);
            assert.deepEqual(await misplacedTexts(tab), []);
            assert.deepEqual(await overlappingLabels(tab), []);
            await tab.locator('svg[data-view="timeline"]').screenshot({ path: path.join(ARTIFACTS, 'journal-timeline-long-names.png') });
        } finally {
            await tab.close();
        }
    });

    it('give each of sixteen disputes open at once a row of its own in the disputes\' lane, named, the lane as tall as they need', async () => {
        const tab = await browser.newPage({ viewport: { width: 1300, height: 900 } });
        try {
            const input = acmeGlobexInput();
            // Raised a day apart in March, all open at once, resolved from July (a quarter of them still open today).
            for (let i = 1; i <= 16; i++) {
                const day = String(i).padStart(2, '0');
                input.disputes.push({
                    issue: `Issue${i}`, title: `Dispute number ${i}`, escalation: 'Disputes', about: 'Budget',
                    raised: { date: `2026-03-${day}`, source: { journal: 'AcmeGlobex2026', line: 100 + 3 * i } },
                    escalated: i % 3 === 0 ? [{ date: `2026-04-${day}`, source: { journal: 'AcmeGlobex2026', line: 101 + 3 * i } }] : [],
                    resolved: i % 4 === 0 ? undefined : { date: `2026-07-${day}`, source: { journal: 'AcmeGlobex2026', line: 102 + 3 * i }, how: 'Settled' },
                    reachedLevel: i % 3 === 0 ? 2 : 1, levels: 2
                });
            }
            await tab.setContent(page(renderJournalViews(input)));
            type Box = { x: number; y: number; right: number; bottom: number };
            const drawn = await tab.$eval('svg[data-view="timeline"]', svg => {
                // No named functions in here: the test runner's transform would name them with a helper the page lacks.
                const lane = svg.querySelector('g[data-lane="disputes"]')!;
                return {
                    top: lane.previousElementSibling!.querySelector(':scope > rect.lane-band')!.getBoundingClientRect().bottom,
                    bottom: svg.querySelector('g[data-legend-block]')!.getBoundingClientRect().y,
                    bars: [...lane.querySelectorAll('g[data-kind="dispute"]')].map(group => ({
                        issue: group.getAttribute('data-issue')!,
                        bar: group.querySelector(':scope > rect')!.getBoundingClientRect().toJSON() as Box,
                        label: group.querySelector(':scope > text')?.getBoundingClientRect().toJSON() as Box | undefined
                    }))
                };
            });
            assert.equal(drawn.bars.length, 18);
            const overlaps = (a: Box, b: Box) => a.x < b.right - 0.5 && b.x < a.right - 0.5 && a.y < b.bottom - 0.5 && b.y < a.bottom - 0.5;
            const shapes = drawn.bars.flatMap(({ issue, bar, label }) => [{ what: `${issue}'s bar`, ...bar }, ...(label ? [{ what: `${issue}'s label`, ...label }] : [])]);
            const problems: string[] = [];
            for (const [i, a] of shapes.entries()) {
                if (a.y < drawn.top - 0.5 || a.bottom > drawn.bottom + 0.5) {
                    problems.push(`${a.what} (${Math.round(a.y)}–${Math.round(a.bottom)}) is outside the lane (${Math.round(drawn.top)}–${Math.round(drawn.bottom)})`);
                }
                for (const b of shapes.slice(i + 1)) {
                    if (overlaps(a, b)) {
                        problems.push(`${a.what} overlaps ${b.what}`);
                    }
                }
            }
            assert.deepEqual(problems, []);
            assert.deepEqual(drawn.bars.filter(bar => !bar.label).map(bar => bar.issue), [], 'every dispute is named beside its bar');
            assert.deepEqual(await misplacedTexts(tab), []);
            assert.deepEqual(await overlappingLabels(tab), []);
            await tab.locator('svg[data-view="timeline"]').screenshot({ path: path.join(ARTIFACTS, 'journal-timeline-many-disputes.png') });
        } finally {
            await tab.close();
        }
    });

    it('keep the time axis readable at any span: no label overlaps another or runs out of the view', async () => {
        const tab = await browser.newPage({ viewport: { width: 1300, height: 900 } });
        try {
            const spans: Array<[string, (input: JournalViewInput) => void]> = [
                ['a span ending in December', input => { input.today = '2026-12-10'; }],
                ['today in January', input => { input.today = '2027-01-20'; }],
                ...[5, 12, 45, 100, 1000].map((years): [string, (input: JournalViewInput) => void] => [`${years} years`, input => {
                    input.events.push({ kind: 'delivery', date: `${2026 - years}-01-15`, source: { journal: 'AcmeGlobex2026', line: 50 }, commitment: 'ShareRoadmap', parties: ['Globex'] });
                }]),
                ['entries after today', input => {
                    input.today = '2026-10-01';
                    input.metrics[0].readings.push({ date: '2027-01-05', value: 12_000_000, unit: 'USD', source: { journal: 'AcmeGlobex2026', line: 51 } });
                }]
            ];
            for (const [name, change] of spans) {
                const input = acmeGlobexInput();
                change(input);
                await tab.setContent(page(renderJournalViews(input)));
                assert.deepEqual(await misplacedTexts(tab), [], name);
                assert.deepEqual(await overlappingAxisLabels(tab), [], name);
                assert.deepEqual(await overlappingLabels(tab), [], name);
            }
            await tab.locator('svg[data-view="timeline"]').screenshot({ path: path.join(ARTIFACTS, 'journal-timeline-after-today.png') });
        } finally {
            await tab.close();
        }
    });

    it('give every drawn entry a data-element a click can reveal, with a title a reader can hover', async () => {
        const tab = await browser.newPage({ viewport: { width: 1300, height: 900 } });
        try {
            await tab.setContent(page(renderJournalViews(acmeGlobexInput())));
            const clicked = await tab.evaluate(() => {
                const seen: string[] = [];
                document.addEventListener('click', event => {
                    const element = (event.target as Element).closest('[data-element]');
                    seen.push(element?.getAttribute('data-element') ?? '');
                });
                return seen;
            });
            assert.deepEqual(clicked, []);
            // A click on the miss's cross, on a reading, on a party's polygon: each names its journal line.
            const hits: string[] = [];
            for (const selector of ['[data-kind="miss"] path', '[data-kind="reading"][data-date="2026-06-30"] circle', 'svg[data-view="radar"] [data-party="Globex"] polygon']) {
                const target = tab.locator(selector).first();
                await target.click({ force: true });
                hits.push(await target.evaluate(node => node.closest('[data-element]')!.getAttribute('data-element')!));
            }
            assert.deepEqual(hits, ['AcmeGlobex2026:7', 'AcmeGlobex2026:9', 'AcmeGlobex2026:17']);
            const untitled = await tab.$$eval('[data-element*=":"]', groups => groups.filter(group => !group.querySelector(':scope > title')).map(group => group.getAttribute('data-element')));
            assert.deepEqual(untitled, [], 'every entry has a tooltip');
        } finally {
            await tab.close();
        }
    });

    it('keep hostile text as text: nothing runs, nothing is injected, the words show as written', async () => {
        const tab = await browser.newPage({ viewport: { width: 1300, height: 900 } });
        try {
            const dialogs: string[] = [];
            tab.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
            for (const hostile of HOSTILE) {
                const input: JournalViewInput = acmeGlobexInput();
                input.events.push({ kind: 'note', date: '2026-08-01', source: { journal: 'AcmeGlobex2026', line: 40 }, text: hostile },
                    { kind: 'miss', date: '2026-08-09', source: { journal: 'AcmeGlobex2026', line: 41 }, commitment: 'ShareRoadmap', parties: ['Globex'], reason: hostile },
                    { kind: 'review', date: '2026-10-01', source: { journal: 'AcmeGlobex2026', line: 42 }, summary: hostile });
                input.metrics[0].title = hostile;
                input.bodies[0].title = hostile;
                input.disputes[0].title = hostile;
                await tab.setContent(page(renderJournalViews(input)));
                const injected = await tab.$$eval('script, img, iframe, foreignObject, [onload], [onerror], b', nodes => nodes.length);
                assert.equal(injected, 0, `${JSON.stringify(hostile)}: no element injected`);
                const shown = await tab.$$eval('svg[data-view="timeline"] [data-kind="note"] text', texts => texts.map(text => [...text.childNodes].filter(node => node.nodeType === 3).map(node => node.nodeValue).join('')));
                const expected = hostile.replace(/[\u202A-\u202E\u2066-\u2069]/g, ch => `[U+${ch.charCodeAt(0).toString(16).toUpperCase()}]`);
                assert.ok(shown.some(text => expected.startsWith(text.replace(/…$/, ''))), `${JSON.stringify(hostile)} shows as text: ${JSON.stringify(shown)}`);
                assert.deepEqual(await misplacedTexts(tab), [], JSON.stringify(hostile));
            }
            assert.deepEqual(dialogs, [], 'no script ran');
            await tab.locator('svg[data-view="timeline"]').screenshot({ path: path.join(ARTIFACTS, 'journal-timeline-hostile.png') });
        } finally {
            await tab.close();
        }
    });
});
