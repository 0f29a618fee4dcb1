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
const JOURNAL_VIEWS = 'svg[data-view="timeline"], svg[data-view="trends"], svg[data-view="radar"]';

/** A journal for hostileCharter's Deal with the hostile string in every text an entry can hold. */
function hostileJournal(hostile: string): string {
    const s = JSON.stringify(hostile);
    return `journal DealLog for Deal {
    2026-01-10 met Board with Acme.Lead, Globex.Lead
    2026-02-01 missed Train ${s}
    2026-02-02 decided Price ${s} by Board
    2026-03-01 raised Quarrel ${s} via Disputes about Price
    2026-03-05 escalated Quarrel
    2026-03-09 resolved Quarrel ${s}
    2026-04-01 reviewed ${s}
    2026-04-02 note ${s}
    2026-04-03 measured Sales 3
    2026-05-01 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }
    2026-05-01 assessed by Globex { trust 2 commitment 3 coordination 3 communication 2 }
}
`;
}

describe('the journal views in the HTML report, in real Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;

    before(async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        browser = await launchChromium();
    });
    after(async () => {
        await closeChromium(browser);
    });

    it('show the timeline, trends and radar after the charter\'s views, every label inside its view', async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-report-journal-'));
        const result = runCli(['render', 'test/fixtures/operations', '--out', out, '--format', 'html', '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        try {
            const errors: string[] = [];
            page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
            page.on('pageerror', error => errors.push(error.message));
            await page.goto(`file://${path.join(out, 'AcmeGlobex.html')}`);
            const views = await page.$$eval('section .view svg', svgs => svgs.map(svg => {
                const box = svg.getBoundingClientRect();
                return { view: svg.getAttribute('data-view'), width: box.width, height: box.height };
            }));
            assert.deepEqual(views.map(view => view.view), ['health', 'governance', 'matrix', 'escalation', 'balance', 'timeline', 'trends', 'radar']);
            for (const view of views) {
                assert.ok(view.width > 200 && view.height > 100, `${view.view} is visible (${view.width}×${view.height})`);
            }
            assert.deepEqual(await misplacedTexts(page, JOURNAL_VIEWS), []);
            assert.deepEqual(await overlappingLabels(page), []);
            assert.deepEqual(errors, []);
            await page.screenshot({ path: path.join(ARTIFACTS, 'journal-report.png'), fullPage: true });
        } finally {
            await page.close();
        }
    });

    it('keep hostile text in journal entries inert: no script runs, nothing is injected, the words show as text', async () => {
        const input = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-hostile-journal-in-'));
        const out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-hostile-journal-'));
        for (const [index, hostile] of HOSTILE.entries()) {
            const rename = (text: string) => text.replace(/\bDeal\b/g, `Deal${index}`).replace(/\bAcme\b/g, `Acme${index}`).replace(/\bGlobex\b/g, `Globex${index}`);
            fs.writeFileSync(path.join(input, `h${index}.charter`), rename(hostileCharter(hostile)));
            fs.writeFileSync(path.join(input, `h${index}-journal.charter`), rename(hostileJournal(hostile)).replace('DealLog', `DealLog${index}`));
        }
        const result = runCli(['render', input, '--out', out, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        for (const [index, hostile] of HOSTILE.entries()) {
            assert.ok(fs.existsSync(path.join(out, `Deal${index}`, 'timeline.svg')), `Deal${index} has its journal views`);
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            try {
                const dialogs: string[] = [];
                const requests: string[] = [];
                page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
                page.on('request', request => { if (!/^(file|data):/.test(request.url())) requests.push(request.url()); });
                await page.goto(`file://${path.join(out, `Deal${index}.html`)}`);
                await page.waitForTimeout(100);
                assert.deepEqual(dialogs, [], `${JSON.stringify(hostile)}: a dialog opened`);
                assert.deepEqual(requests, []);
                assert.equal(await page.locator('svg script, svg foreignObject, img, iframe, object, embed, [onload], [onerror], [onclick], svg b').count(), 0, JSON.stringify(hostile));
                // The note's words, as written (bidi controls shown as their codes), in the timeline's tooltips.
                const titles = await page.$$eval('svg[data-view="timeline"] [data-kind="note"] > title', nodes => nodes.map(node => node.textContent ?? ''));
                const shown = hostile.replace(/[\u202A-\u202E\u2066-\u2069]/g, ch => `[U+${ch.charCodeAt(0).toString(16).toUpperCase()}]`);
                assert.deepEqual(titles, [`2 Apr 2026: note\n${shown}`]);
                assert.equal(await page.locator('svg[data-view="timeline"] [data-kind="dispute"]').count(), 1);
                assert.equal(await page.locator('svg[data-view="radar"] polygon.polygon').count(), 2);
                assert.deepEqual(await misplacedTexts(page, JOURNAL_VIEWS), [], JSON.stringify(hostile));
                if (index === HOSTILE.length - 1) {
                    await page.locator('svg[data-view="timeline"]').screenshot({ path: path.join(ARTIFACTS, 'journal-report-hostile-timeline.png') });
                }
            } finally {
                await page.close();
            }
        }
    });
});
