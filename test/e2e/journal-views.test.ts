/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JOURNAL_VIEW_IDS, renderJournalViews, type JournalViewInput } from '@entente/diagrams';
import type { Browser, Page } from 'playwright-core';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { HOSTILE } from '../helpers/hostile.js';
import { acmeGlobexInput } from '../diagrams/journal-fixture.js';

const ARTIFACTS = path.join(REPO_ROOT, 'test-results');

/** Texts of the page that lie outside what should hold them: their view, their panel, their lane's label column. */
async function misplacedTexts(page: Page): Promise<string[]> {
    return page.$$eval('svg.entente', svgs => svgs.flatMap(svg => {
        const view = svg.getAttribute('data-view');
        const width = Number(svg.getAttribute('width'));
        const height = Number(svg.getAttribute('height'));
        const problems: string[] = [];
        // No named functions in here: the test runner's transform would name them with a helper the page lacks.
        for (const text of svg.querySelectorAll('text')) {
            const box = (text as SVGGraphicsElement).getBBox();
            if (box.width === 0) {
                problems.push(`${view}: empty text`);
            } else if (box.x < -0.5 || box.y < -0.5 || box.x + box.width > width + 0.5 || box.y + box.height > height + 0.5) {
                problems.push(`${view}: "${text.textContent}" runs out of the view (${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${width}×${height})`);
            }
        }
        // Trends: every text inside its panel.
        for (const panel of svg.querySelectorAll('g[data-panel]')) {
            const frame = (panel.querySelector('rect.panel') as SVGGraphicsElement).getBBox();
            for (const text of panel.querySelectorAll('text')) {
                const box = (text as SVGGraphicsElement).getBBox();
                if (box.x < frame.x - 0.5 || box.y < frame.y - 0.5 || box.x + box.width > frame.x + frame.width + 0.5 || box.y + box.height > frame.y + frame.height + 0.5) {
                    problems.push(`${view}: "${text.textContent}" runs out of its panel ${panel.getAttribute('data-metric')}`);
                }
            }
        }
        // Timeline: lane labels left of the plot, and inside their lane.
        const plot = svg.querySelector('g[data-lane] > g[transform]');
        if (plot) {
            const plotX0 = Number(/translate\(([\d.]+)/.exec(plot.getAttribute('transform')!)![1]);
            for (const lane of svg.querySelectorAll('g[data-lane]')) {
                const band = (lane.querySelector(':scope > rect.lane-band') as SVGGraphicsElement | null)?.getBBox();
                for (const text of lane.querySelectorAll(':scope > g[data-element] > text, :scope > g:not([data-element]):not([transform]) > text')) {
                    const box = (text as SVGGraphicsElement).getBBox();
                    if (box.x + box.width > plotX0) {
                        problems.push(`${view}: lane label "${text.textContent}" runs into the plot`);
                    }
                    if (band && (box.y < band.y - 0.5 || box.y + box.height > band.y + band.height + 0.5)) {
                        problems.push(`${view}: lane label "${text.textContent}" runs out of its lane`);
                    }
                }
            }
        }
        return problems;
    }));
}

/** Pairs of marks' labels in one timeline lane or one radar that overlap. */
async function overlappingLabels(page: Page): Promise<string[]> {
    return page.$$eval('svg[data-view="timeline"] g[data-lane] > g[transform]', plots => plots.flatMap(plot => {
        const boxes = [...plot.querySelectorAll(':scope > g > text')].map(text => ({ text: text.textContent, box: (text as SVGGraphicsElement).getBBox() }));
        const found: string[] = [];
        for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
                const a = boxes[i].box;
                const b = boxes[j].box;
                if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) {
                    found.push(`"${boxes[i].text}" and "${boxes[j].text}"`);
                }
            }
        }
        return found;
    }));
}

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
