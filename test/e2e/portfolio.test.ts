/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { HOSTILE, hostileCharter } from '../helpers/hostile.js';

/** The examples (less the reference, whose AcmeGlobex the fixture replaces) and the portfolio fixture, where Acme.AllianceLead is named everywhere. */
const PORTFOLIO = ['examples/broken', 'examples/co-development', 'examples/coalition', 'examples/fixed', 'examples/parties', 'examples/reseller', 'test/fixtures/portfolio'];

describe('the portfolio dashboard in real Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let out: string;

    before(async () => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-html-'));
        const result = runCli(['portfolio', ...PORTFOLIO, '--format', 'html', '--out', out, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^Wrote the portfolio of 8 charters to .*index\.html, with 8 charter reports beside it\n$/);
        browser = await launchChromium();
    });
    after(async () => {
        await closeChromium(browser);
    });

    async function open(options: { javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScriptEnabled ?? true });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', message => { if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text()); });
        page.on('pageerror', error => problems.push(error.message));
        page.on('request', request => { if (!/^(file|data):/.test(request.url())) problems.push(`request ${request.url()}`); });
        await page.goto(`file://${path.join(out, 'index.html')}`);
        return { page, problems };
    }

    it('shows the charters with their layers, the score distribution, the people chart with the overloaded role, and the due list', async () => {
        const { page, problems } = await open();
        const charters = await page.$$eval('#charters tbody tr', rows => (rows as HTMLTableRowElement[]).map(row => [...row.cells].map(cell => cell.textContent?.trim() ?? '')));
        assert.equal(charters.length, 8);
        const acme = charters.find(cells => cells[0].startsWith('AcmeGlobex'))!;
        assert.deepEqual(acme.slice(1, 7), ['Acme, Globex', '79', 'not measured', 'not measured', '2028-12-31', '2027-01-01']);
        const bins = await page.$$eval('#score-distribution g[data-bin]', groups => groups.map(group => [group.getAttribute('data-bin'), Number(group.getAttribute('data-count'))] as const));
        assert.equal(bins.reduce((sum, [, count]) => sum + count, 0), 8, 'every measured charter is in the distribution');
        assert.deepEqual(bins.find(([bin]) => bin === '30-39'), ['30-39', 1], 'the broken draft scores 39');
        const bars = await page.$$eval('#people-load g.person', groups => groups.map(group => ({
            role: group.getAttribute('data-role'), total: Number(group.getAttribute('data-total')), overloaded: group.classList.contains('overloaded'),
            width: [...group.querySelectorAll('rect')].reduce((sum, rect) => sum + rect.getBoundingClientRect().width, 0)
        })));
        assert.deepEqual(bars[0], { ...bars[0], role: 'Acme.AllianceLead', total: 16, overloaded: true });
        assert.deepEqual(bars.filter(bar => bar.overloaded).map(bar => bar.role), ['Acme.AllianceLead']);
        assert.ok(bars[0].width > bars[1].width * 1.5, 'the bar is as long as the load');
        const limit = await page.$eval('#people-load line.limit', line => line.getBoundingClientRect().x);
        const end = await page.$eval('#people-load g.overloaded', group => Math.max(...[...group.querySelectorAll('rect')].map(rect => rect.getBoundingClientRect().right)));
        assert.ok(end > limit, 'the overloaded role\'s bar crosses the workspace threshold');
        assert.equal(await page.locator('#people tbody tr.overloaded').count(), 1);
        const overdue = await page.$$eval('#due tbody tr.overdue', rows => (rows as HTMLTableRowElement[]).map(row => row.cells[3].textContent));
        assert.ok(overdue.includes('Open the partner portal'));
        fs.mkdirSync(path.join(REPO_ROOT, 'docs/images'), { recursive: true });
        await page.screenshot({ path: path.join(REPO_ROOT, 'docs/images/portfolio.png') });
        assert.deepEqual(problems, []);
        await page.context().close();
    });

    it('sorts a table when its header is clicked (the script the policy admits by hash), and reads the same without script', async () => {
        const { page, problems } = await open();
        const designs = () => page.$$eval('#charters tbody tr', rows => (rows as HTMLTableRowElement[]).map(row => Number(row.cells[2].getAttribute('data-sort'))));
        await page.click('#charters thead th:nth-child(3) button');
        const ascending = await designs();
        assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
        assert.equal(await page.getAttribute('#charters thead th:nth-child(3)', 'aria-sort'), 'ascending');
        await page.click('#charters thead th:nth-child(3) button');
        const descending = await designs();
        assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
        assert.deepEqual(problems, [], 'the script ran under the page\'s policy');
        await page.context().close();

        const still = await open({ javaScriptEnabled: false });
        assert.equal(await still.page.locator('#charters tbody tr').count(), 8);
        assert.equal(await still.page.locator('#charters thead button').count(), 0, 'no script: plain headers');
        assert.ok(await still.page.locator('#people-load g.overloaded').isVisible());
        await still.page.context().close();
    });

    it('fits a phone\'s width: each table scrolls sideways in its own box, never the page', async () => {
        const context = await browser.newContext({ viewport: { width: 400, height: 800 } });
        const page = await context.newPage();
        await page.goto(`file://${path.join(out, 'index.html')}`);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 400, 'the page is as wide as the screen');
        const tables = await page.$$eval('table', tables => tables.map(table => {
            const box = table.parentElement!;
            return { label: table.getAttribute('aria-label'), scrolls: getComputedStyle(box).overflowX === 'auto', right: box.getBoundingClientRect().right };
        }));
        assert.deepEqual(tables.map(table => table.label), ['Charters', 'People', 'Due']);
        for (const table of tables) {
            assert.ok(table.scrolls && table.right <= 400, `${table.label}: in a box of its own within the screen (${JSON.stringify(table)})`);
        }
        await context.close();
    });

    it('links each charter to its report, written beside the dashboard', async () => {
        const { page, problems } = await open();
        await page.click('#charters a:text("AcmeUmbrella")');
        await page.waitForURL(/AcmeUmbrella\.html$/);
        assert.equal(await page.textContent('h1'), 'Acme x Umbrella clinical data pilot');
        assert.deepEqual(problems, []);
        await page.context().close();
    });

    it('links its footer to the health method in docs/, as the reports do', async () => {
        const { page, problems } = await open({ javaScriptEnabled: false });
        const href = await page.getAttribute('footer a', 'href');
        assert.equal(href, 'https://github.com/entente-charters/entente/blob/main/docs/health.md');
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'docs/health.md')));
        assert.equal(await page.textContent('footer a'), 'how the health is scored');
        assert.deepEqual(problems, []);
        await page.context().close();
    });

    it('writes beside the dashboard the report `entente render --format html` writes, with the journal views and the journals\' findings', async () => {
        const rendered = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-render-'));
        const result = runCli(['render', ...PORTFOLIO, '--format', 'html', '--out', rendered, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        const reports = fs.readdirSync(rendered).sort();
        assert.deepEqual(fs.readdirSync(out).filter(name => name !== 'index.html').sort(), reports);
        for (const report of reports) {
            assert.ok(fs.readFileSync(path.join(out, report), 'utf8') === fs.readFileSync(path.join(rendered, report), 'utf8'), `${report} is the report render writes`);
        }
        const { page, problems } = await open();
        await page.click('#charters a:text("OrbitKestrelDraft")');
        await page.waitForURL(/OrbitKestrelDraft\.html$/);
        assert.deepEqual(await page.$$eval('section .view svg', svgs => svgs.map(svg => svg.getAttribute('data-view'))),
            ['health', 'governance', 'matrix', 'escalation', 'balance', 'timeline', 'trends', 'radar']);
        assert.ok(await page.$$eval('#findings td', cells => cells.some(cell => /journals\/.*\.charter:\d+$/.test(cell.textContent ?? ''))), 'the journal\'s findings are listed with their file');
        assert.deepEqual(problems, []);
        await page.context().close();
        fs.rmSync(rendered, { recursive: true, force: true });
    });

    it('keeps hostile names and texts inert: no script runs, no element is injected, nothing is fetched', async () => {
        const hostileIn = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-hostile-'));
        const hostileOut = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-portfolio-hostile-out-'));
        for (const [index, hostile] of HOSTILE.entries()) {
            fs.writeFileSync(path.join(hostileIn, `h${index}.charter`), hostileCharter(hostile).replace(/\bDeal\b/g, `Deal${index}`).replace(/\bAcme\b/g, `Acme${index}`).replace(/\bGlobex\b/g, `Globex${index}`));
        }
        const result = runCli(['portfolio', hostileIn, '--out', hostileOut, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        const page = await browser.newPage();
        const dialogs: string[] = [];
        const problems: string[] = [];
        page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
        page.on('request', request => { if (!/^(file|data):/.test(request.url())) problems.push(request.url()); });
        page.on('console', message => { if (/Content Security Policy/i.test(message.text())) problems.push(message.text()); });
        await page.goto(`file://${path.join(hostileOut, 'index.html')}`);
        await page.waitForTimeout(100);
        assert.deepEqual(dialogs, []);
        assert.deepEqual(problems, []);
        assert.equal(await page.locator('svg script, foreignObject, img, iframe, object, embed, [onload], [onerror], [onclick]').count(), 0);
        assert.equal(await page.locator('body > script').count(), 1, 'only the sorting script');
        const titles = await page.$$eval('#charters tbody td small', cells => cells.map(cell => cell.textContent));
        for (const hostile of HOSTILE.filter(text => !/[\u202A-\u202E]/.test(text))) {
            assert.ok(titles.includes(hostile), `shown as text: ${hostile}`);
        }
        await page.close();
    });
});
