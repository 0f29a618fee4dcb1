/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { HOSTILE, hostileCharter } from '../helpers/hostile.js';
import { misplacedTexts, overlappingLabels } from './journal-checks.js';

const ARTIFACTS = path.join(REPO_ROOT, 'test-results');

interface Box { id: string; x: number; y: number; width: number; height: number }

describe('the HTML reports in real Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let out: string;
    let reports: string[];

    before(async () => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-report-'));
        const result = runCli(['render', 'examples', '--out', out, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        reports = fs.readdirSync(out).filter(name => name.endsWith('.html')).sort();
        assert.equal(reports.length, 6);
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        browser = await launchChromium();
    });
    after(async () => {
        await closeChromium(browser);
    });

    it('show every view without console errors, overlapping nodes or overflowing text', async () => {
        for (const report of reports) {
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            const errors: string[] = [];
            const requests: string[] = [];
            page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
            page.on('pageerror', error => errors.push(error.message));
            page.on('request', request => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
            await page.goto(`file://${path.join(out, report)}`);
            const views = await page.$$eval('section .view svg', svgs => svgs.map(svg => {
                const box = svg.getBoundingClientRect();
                return { view: svg.getAttribute('data-view'), width: box.width, height: box.height };
            }));
            // Every example has a journal: its timeline, metric trends and perception radar follow the charter's views.
            assert.deepEqual(views.map(v => v.view), ['health', 'governance', 'matrix', 'escalation', 'balance', 'timeline', 'trends', 'radar'], report);
            assert.deepEqual(await misplacedTexts(page, 'svg[data-view="timeline"], svg[data-view="trends"], svg[data-view="radar"]'), [], `${report}: journal view text out of place`);
            assert.deepEqual(await overlappingLabels(page), [], `${report}: timeline labels overlap`);
            for (const view of views) {
                assert.ok(view.width > 50 && view.height > 30, `${report}: ${view.view} is visible (${view.width}×${view.height})`);
            }
            const nodes: Box[] = await page.$$eval('svg[data-view="governance"] g[data-kind] > rect', rects => rects.map(rect => {
                const box = (rect as SVGGraphicsElement).getBBox();
                return { id: rect.parentElement!.getAttribute('data-element')!, x: box.x, y: box.y, width: box.width, height: box.height };
            }));
            const groups: Box[] = await page.$$eval('svg[data-view="governance"] g[data-element]:not([data-kind]) > rect', rects => rects.map(rect => {
                const box = (rect as SVGGraphicsElement).getBBox();
                return { id: rect.parentElement!.getAttribute('data-element')!, x: box.x, y: box.y, width: box.width, height: box.height };
            }));
            for (const set of [nodes, groups]) {
                for (let i = 0; i < set.length; i++) {
                    for (let j = i + 1; j < set.length; j++) {
                        assert.ok(!overlap(set[i], set[j]), `${report}: ${set[i].id} and ${set[j].id} overlap`);
                    }
                }
            }
            const overflowing = await page.$$eval('svg[data-view="governance"] g[data-kind], svg[data-view="escalation"] g[data-step]', groups => groups.flatMap(group => {
                const rect = group.querySelector('rect') as SVGGraphicsElement | null;
                if (!rect) {
                    return [];
                }
                const box = rect.getBBox();
                return [...group.querySelectorAll('text')].map(text => (text as SVGGraphicsElement).getBBox())
                    .filter(t => t.x < box.x - 1 || t.x + t.width > box.x + box.width + 1 || t.y < box.y - 1 || t.y + t.height > box.y + box.height + 1)
                    .map(() => group.getAttribute('data-element') ?? group.getAttribute('data-step'));
            }));
            assert.deepEqual(overflowing, [], `${report}: text overflows its box`);
            assert.deepEqual(errors, [], `${report}: console errors`);
            assert.deepEqual(requests, [], `${report}: fetched nothing from the network`);
            await page.screenshot({ path: path.join(ARTIFACTS, report.replace('.html', '.png')), fullPage: true });
            await page.close();
        }
    });

    it('keep every word of the health card inside it, also for dimensions nothing measures', async () => {
        // Without its party file the broken example's parties are unknown: equality cannot be measured.
        const bareOut = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-bare-'));
        const result = runCli(['render', 'examples/broken', '--out', bareOut, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        for (const [folder, report] of [...reports.map(name => [out, name]), [bareOut, 'OrbitKestrelDraft.html']]) {
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await page.goto(`file://${path.join(folder, report)}`);
            const outside = await page.$eval('svg[data-view="health"]', svg => {
                const width = (svg as SVGSVGElement).viewBox.baseVal.width;
                return [...svg.querySelectorAll('text')].map(text => ({ text: text.textContent, box: (text as SVGGraphicsElement).getBBox() }))
                    .filter(({ box }) => box.x < 0 || box.x + box.width > width + 1)
                    .map(({ text }) => text);
            });
            assert.deepEqual(outside, [], `${report}: health card text runs past the card`);
            if (folder === bareOut) {
                assert.match(await page.$eval('svg[data-view="health"]', svg => svg.textContent ?? ''), /not measured/);
            }
            await page.close();
        }
    });

    it('keep every hostile name and text of a charter inert: no script runs, no dialog opens, nothing is fetched', async () => {
        const hostileOut = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-hostile-'));
        const hostileIn = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-hostile-in-'));
        for (const [index, hostile] of [...HOSTILE, 'y'.repeat(1_000_000)].entries()) {
            fs.writeFileSync(path.join(hostileIn, `h${index}.charter`), hostileCharter(hostile).replace(/\bDeal\b/g, `Deal${index}`).replace(/\bAcme\b/g, `Acme${index}`).replace(/\bGlobex\b/g, `Globex${index}`));
        }
        const result = runCli(['render', hostileIn, '--out', hostileOut, '--format', 'html', '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        const pages = fs.readdirSync(hostileOut).filter(name => name.endsWith('.html'));
        assert.equal(pages.length, HOSTILE.length + 1);
        for (const report of pages) {
            const page = await browser.newPage();
            const dialogs: string[] = [];
            const requests: string[] = [];
            const violations: string[] = [];
            page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
            page.on('request', request => { if (!/^(file|data):/.test(request.url())) requests.push(request.url()); });
            page.on('console', message => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
            await page.goto(`file://${path.join(hostileOut, report)}`);
            await page.waitForTimeout(100);
            assert.deepEqual(dialogs, [], `${report}: a dialog opened`);
            assert.deepEqual(requests, [], `${report}: fetched from the network`);
            assert.equal(await page.locator('svg script, svg foreignObject, img, iframe, object, embed, [onload], [onerror], [onclick]').count(), 0, report);
            assert.deepEqual(await page.$$eval('a[href]', links => links.map(link => link.getAttribute('href')).filter(href => /^\s*javascript:/i.test(href ?? ''))), [], report);
            assert.deepEqual(violations, [], `${report}: the page tried something its policy refused`);
            await page.close();
        }
    });

    it('link every rule of the findings and the health method to their pages of docs/, the contents to their sections and reports, and to nothing that does not exist', async () => {
        const brokenOut = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-links-'));
        // The broken example alone: its parties unresolved and a syntax error, so its findings hold most rules.
        fs.writeFileSync(path.join(brokenOut, 'half.charter'), `${fs.readFileSync(path.join(REPO_ROOT, 'examples/broken/orbit-kestrel.charter'), 'utf8')}\ncharter Half { parties Orbit, Kestrel body Board { members`);
        const result = runCli(['render', brokenOut, '--out', brokenOut, '--format', 'html', '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        for (const [folder, report] of [...reports.map(name => [out, name]), [brokenOut, 'OrbitKestrelDraft.html'], [brokenOut, 'Half.html']]) {
            const page = await browser.newPage();
            await page.goto(`file://${path.join(folder, report)}`);
            const allLinks = await page.$$eval('a[href]', anchors => anchors.map(anchor => ({ text: anchor.textContent, href: anchor.getAttribute('href')!, inContents: anchor.closest('nav#contents') !== null })));
            // The contents link to the report's own sections and to the reports written beside it, which must be there.
            for (const link of allLinks.filter(link => link.inContents)) {
                if (link.href.startsWith('#')) {
                    assert.equal(await page.locator(link.href).count(), 1, `${report}: ${link.href} is a section of the report`);
                } else {
                    assert.ok(fs.existsSync(path.join(folder, link.href)), `${report}: ${link.href} is written beside it`);
                }
            }
            const links = allLinks.filter(link => !link.inContents);
            const docsBase = 'https://github.com/entente-charters/entente/blob/main/';
            for (const link of links) {
                assert.ok(link.href.startsWith(docsBase), `${report}: ${link.href} leads to the documentation`);
                assert.ok(fs.existsSync(path.join(REPO_ROOT, decodeURIComponent(link.href.slice(docsBase.length)))), `${report}: ${link.text} links to ${link.href}, which this repository does not have`);
            }
            assert.ok(links.some(link => link.href === `${docsBase}docs/health.md`), `${report}: the footer links to the health method`);
            await page.close();
        }
        fs.rmSync(brokenOut, { recursive: true, force: true });
    });

    it('write the elements behind a check of "Why the score" in the muted colour, as the subtitle', async () => {
        const page = await browser.newPage();
        await page.goto(`file://${path.join(out, 'AcmeGlobex.html')}`);
        const elements = page.locator('#reasons li .muted').first();
        assert.equal(await elements.textContent(), '(PriceList, RoadmapPriorities)');
        const colour = (selector: string) => page.$eval(selector, element => getComputedStyle(element).color);
        assert.equal(await colour('#reasons li .muted'), await colour('.subtitle'));
        assert.notEqual(await colour('#reasons li .muted'), await colour('#reasons li'));
        await page.close();
    });

    it('fit a phone\'s width: only a view scrolls sideways, in its own box, never the page; each finding is read whole on screen', async () => {
        for (const report of reports) {
            const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
            await page.goto(`file://${path.join(out, report)}`);
            assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, `${report}: the page is as wide as the screen`);
            // A journal's finding gives its file: the path breaks after a '/' rather than running out of its cell.
            const unbroken = await page.$$eval('#findings td:nth-child(2)', cells => cells.filter(cell => cell.scrollWidth > cell.clientWidth + 1).map(cell => cell.textContent));
            assert.deepEqual(unbroken, [], `${report}: paths out of their cells`);
            // Each finding is read without scrolling sideways: its severity, line, rule and message all on screen, the
            // message as wide as the screen less the page's margins rather than squeezed into a fourth of it.
            const cells = await page.$$eval('#findings td', tds => tds.map(td => {
                const box = td.getBoundingClientRect();
                return { text: td.textContent!.slice(0, 40), left: box.left, right: box.right, width: box.width, message: (td as HTMLTableCellElement).cellIndex === 2 };
            }));
            const outOfSight = cells.filter(cell => cell.left < 0 || cell.right > 360).map(cell => `${cell.text} (${Math.round(cell.left)}–${Math.round(cell.right)} px)`);
            assert.deepEqual(outOfSight, [], `${report}: cells out of the screen`);
            const squeezed = cells.filter(cell => cell.message && cell.width < 300).map(cell => `${cell.text} (${Math.round(cell.width)} px)`);
            assert.deepEqual(squeezed, [], `${report}: messages squeezed`);
            // The contents' separator '·' follows its link, never on a line of its own under a link that wraps.
            const loneDots = await page.$$eval('nav#contents li', items => items.filter(item => item.getBoundingClientRect().height > item.querySelector('a')!.getBoundingClientRect().height + 1).map(item => item.textContent));
            assert.deepEqual(loneDots, [], `${report}: separators on a line of their own`);
            await page.close();
        }
    });

    it('draw a charter not named yet under its file\'s name, not as the hidden file .html, and link it from the portfolio', async () => {
        const draftIn = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-unnamed-in-'));
        const draftOut = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-unnamed-'));
        // `charter` typed, its name not yet: the parser keeps a charter without a name.
        fs.writeFileSync(path.join(draftIn, 'draft.charter'), 'party Acme { role Lead }\nparty Globex { role Lead }\ncharter\n');
        const result = runCli(['render', draftIn, '--out', draftOut, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(fs.readdirSync(draftOut).sort(), ['unnamed-draft', 'unnamed-draft.html']);
        assert.deepEqual(fs.readdirSync(path.join(draftOut, 'unnamed-draft')).sort(), ['balance.svg', 'escalation.svg', 'governance.svg', 'health.svg', 'matrix.svg']);
        const page = await browser.newPage();
        await page.goto(`file://${path.join(draftOut, 'unnamed-draft.html')}`);
        assert.equal(await page.textContent('h1'), 'Unnamed charter');
        assert.equal(await page.title(), 'Unnamed charter: partnership charter report');
        assert.doesNotMatch(await page.textContent('#reasons') ?? '', /\(\)/, 'no empty list of elements');
        assert.equal(await page.locator('section .view svg').count(), 5);
        // Views with nothing to draw say so, rather than stay blank.
        assert.match(await page.textContent('svg[data-view="governance"]') ?? '', /Nothing to map yet: the charter names no parties, bodies or decisions\./);
        assert.match(await page.textContent('svg[data-view="matrix"]') ?? '', /No decisions: the charter does not say who decides what\./);
        assert.deepEqual(await misplacedTexts(page, 'svg[data-view="governance"], svg[data-view="matrix"]'), []);
        await page.close();

        const portfolioOut = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-unnamed-portfolio-'));
        assert.equal(runCli(['portfolio', draftIn, '--out', portfolioOut, '--today', '2026-11-22']).code, 0);
        const dashboard = await browser.newPage();
        await dashboard.goto(`file://${path.join(portfolioOut, 'index.html')}`);
        assert.match(await dashboard.textContent('#charters tbody a') ?? '', /^unnamed, in .*draft\.charter$/);
        await dashboard.click('#charters tbody a');
        await dashboard.waitForURL(/unnamed-draft\.html$/);
        assert.equal(await dashboard.textContent('h1'), 'Unnamed charter');
        await dashboard.close();
        for (const folder of [draftIn, draftOut, portfolioOut]) {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('explain the governance map\'s two kinds of arrow in a legend under it, drawn as the edges are', async () => {
        for (const report of reports) {
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await page.goto(`file://${path.join(out, report)}`);
            const found = await page.$eval('svg[data-view="governance"]', svg => {
                // No named functions in here: the test runner's transform would name them with a helper the page lacks.
                const legend = svg.querySelector('g[data-legend="governance"]');
                const edges = [...svg.querySelectorAll('path[data-edge]')];
                const lowestNode = Math.max(...[...svg.querySelectorAll('g[data-element] > rect')].map(rect => { const box = (rect as SVGGraphicsElement).getBBox(); return box.y + box.height; }));
                const legendBox = legend ? (legend as SVGGraphicsElement).getBoundingClientRect() : undefined;
                const svgBox = svg.getBoundingClientRect();
                return {
                    texts: legend ? [...legend.querySelectorAll('text')].map(text => text.textContent) : [],
                    legendDashes: legend ? [...legend.querySelectorAll('path')].map(element => getComputedStyle(element).strokeDasharray) : [],
                    memberDashes: [...new Set(edges.filter(edge => edge.getAttribute('data-edge')!.startsWith('member:')).map(element => getComputedStyle(element).strokeDasharray))],
                    decidesDashes: [...new Set(edges.filter(edge => edge.getAttribute('data-edge')!.startsWith('decides:')).map(element => getComputedStyle(element).strokeDasharray))],
                    below: legend ? (legend as SVGGraphicsElement).getBBox().y + Number(/translate\(0 ([\d.]+)\)/.exec(legend.getAttribute('transform')!)![1]) > lowestNode : false,
                    inside: legendBox !== undefined && legendBox.right <= svgBox.right + 0.5 && legendBox.bottom <= svgBox.bottom + 0.5
                };
            });
            assert.deepEqual(found.texts, ['a member\'s seat on a body', 'who decides a decision'], report);
            assert.deepEqual(found.memberDashes, [found.legendDashes[0]], `${report}: the legend's first arrow is drawn as the seats are`);
            assert.deepEqual(found.decidesDashes, [found.legendDashes[1]], `${report}: the legend's second arrow is drawn as the decisions' edges are`);
            assert.notEqual(found.legendDashes[0], found.legendDashes[1]);
            assert.ok(found.below, `${report}: the legend is under every node`);
            assert.ok(found.inside, `${report}: the legend is inside the view`);
            await page.close();
        }
    });

    it('say under the title whose side they are seen from with --view-as, which the dimmed elements need to be read', async () => {
        const viewAsOut = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-view-as-'));
        const result = runCli(['render', 'examples/reference', '--out', viewAsOut, '--format', 'html', '--view-as', 'Globex', '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`file://${path.join(viewAsOut, 'AcmeGlobex.html')}`);
        assert.ok(await page.locator('svg[data-view="governance"] g.dim[data-element="Acme"]').isVisible(), 'Acme is dimmed');
        assert.equal(await page.locator('#view-as').textContent(), 'Seen from Globex\'s side: what does not concern Globex is dimmed.');
        assert.ok(await page.locator('#view-as').isVisible());
        // PriceList is Acme's, but Globex is consulted and informed: it concerns Globex, in the map as in the matrix.
        const dimmedDecisions = (view: string) => page.$$eval(`svg[data-view="${view}"] g.dim[data-element^="AcmeGlobex."]`, groups => groups.map(group => group.getAttribute('data-element')));
        assert.deepEqual(await dimmedDecisions('governance'), await dimmedDecisions('matrix'));
        assert.ok(!(await dimmedDecisions('governance')).includes('AcmeGlobex.PriceList'), 'PriceList is not dimmed for Globex');
        await page.close();
        const plain = await browser.newPage();
        await plain.goto(`file://${path.join(out, 'AcmeGlobex.html')}`);
        assert.equal(await plain.locator('#view-as').count(), 0, 'a report seen from no side says none');
        await plain.close();
        fs.rmSync(viewAsOut, { recursive: true, force: true });
    });

    it('open with contents that link to each view of the charter and to each charter drawn together, without script, on a phone too', async () => {
        // No script at all, as a mail client or a locked-down browser shows the report.
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
        for (const report of reports) {
            const page = await context.newPage();
            await page.goto(`file://${path.join(out, report)}`);
            const contents = await page.$eval('nav#contents', nav => ({
                sections: [...nav.querySelectorAll('ol:not(.charters) a')].map(a => a.getAttribute('href')),
                charters: [...nav.querySelectorAll('ol.charters a')].map(a => ({ href: a.getAttribute('href'), current: a.getAttribute('aria-current'), text: a.textContent })),
                right: nav.getBoundingClientRect().right
            }));
            const sectionIds = await page.$$eval('body > section', sections => sections.map(section => `#${section.id}`));
            // One link per section, in the report's order: every view (the journal's too), why the score, the findings.
            assert.deepEqual(contents.sections, sectionIds, report);
            assert.deepEqual(sectionIds.slice(0, 8), ['#health', '#governance', '#matrix', '#escalation', '#balance', '#timeline', '#trends', '#radar']);
            // One link per charter rendered: the others' reports beside this one, this one marked as the page shown.
            assert.deepEqual(contents.charters.map(link => link.current === 'page' ? report : link.href).sort(), reports);
            assert.equal(contents.charters.filter(link => link.current === 'page').length, 1);
            for (const link of contents.charters.filter(link => link.current !== 'page')) {
                assert.ok(fs.existsSync(path.join(out, link.href!)), `${report}: ${link.href} is written`);
            }
            assert.ok(contents.right <= 360, `${report}: the contents fit the phone's width (${contents.right} px)`);
            assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, `${report}: the page is as wide as the screen`);
            await page.close();
        }
        // A click on a view's link brings its section to the top of the screen; a charter's link opens its report.
        const page = await context.newPage();
        await page.goto(`file://${path.join(out, 'AcmeGlobex.html')}`);
        await page.click('nav#contents a[href="#radar"]');
        await page.waitForURL(/#radar$/);
        const top = await page.$eval('section#radar', section => section.getBoundingClientRect().top);
        assert.ok(top >= 0 && top < 20, `the radar's section is at the top (${top} px)`);
        await page.click('nav#contents ol.charters a[href="RivertonRetrofit.html"]');
        await page.waitForURL(/RivertonRetrofit\.html$/);
        assert.equal(await page.textContent('h1'), 'Riverton home retrofit coalition');
        await context.close();
    });
});

function overlap(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
