/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';

const PARTIES = Array.from({ length: 6 }, (_, i) => `Party${i}`);
const DECISIONS = 200;

/** Six parties, four bodies of their leads, 200 decisions: two of three taken by a body, the third by a party's lead. */
function largeCharter(): string {
    const leads = PARTIES.map(party => `${party}.Lead`).join(', ');
    return `${PARTIES.map(party => `party ${party} { role Lead role Sponsor }`).join('\n')}
charter Big "Two hundred decisions" {
    parties ${PARTIES.join(', ')}
${[0, 1, 2, 3].map(b => `    body Body${b} { members ${leads} votes by majority meets monthly }`).join('\n')}
${Array.from({ length: DECISIONS }, (_, d) => `    decision Decision${d} "Decision number ${d}" { decided by ${d % 3 ? `Body${d % 4}` : `${PARTIES[d % 6]}.Lead`} }`).join('\n')}
}
`;
}

describe('the governance map of a charter of 200 decisions, in the report in real Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let input: string;
    let out: string;

    before(async () => {
        input = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-large-map-in-'));
        out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-large-map-'));
        fs.writeFileSync(path.join(input, 'big.charter'), largeCharter());
        const result = runCli(['render', input, '--out', out, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        browser = await launchChromium();
    });
    after(async () => {
        await closeChromium(browser);
        fs.rmSync(input, { recursive: true, force: true });
        fs.rmSync(out, { recursive: true, force: true });
    });

    it('lists the decisions of each set of deciders in one box, in the charter\'s order, every name whole at its own size', async () => {
        const svg = fs.readFileSync(path.join(out, 'Big', 'governance.svg'), 'utf8');
        const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
        // One column of 200 boxes was 1264 × 8292 px; boxes of names fit about a screen's width and two of height.
        assert.ok(width <= 1280 && height <= 2000, `the map is ${width} × ${height} px`);
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`file://${path.join(out, 'Big.html')}`);
        const map = await page.$eval('section#governance svg', element => ({ shown: element.getBoundingClientRect().width, width: Number(element.getAttribute('width')) }));
        assert.equal(map.shown, map.width, 'the report shows the map at its size, not shrunk');
        const boxes = await page.$$eval('svg[data-view="governance"] g[data-kind="decisions"]', groups => groups.map(group => {
            const frame = (group.querySelector(':scope > rect') as SVGGraphicsElement).getBBox();
            const names = [...group.querySelectorAll(':scope > g[data-element]')].map(item => {
                const label = item.querySelector('text')!;
                const box = (label as SVGGraphicsElement).getBBox();
                return { id: item.getAttribute('data-element')!, text: label.textContent, size: parseFloat(getComputedStyle(label).fontSize), x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height };
            });
            return { heading: group.querySelector(':scope > text')!.textContent!, frame: { x: frame.x, y: frame.y, right: frame.x + frame.width, bottom: frame.y + frame.height }, names };
        }));
        // Four bodies and the two leads deciding a third of them: six boxes, every decision in one, once.
        assert.equal(boxes.length, 6);
        const ids = boxes.flatMap(box => box.names.map(name => name.id));
        assert.deepEqual([...ids].sort(), Array.from({ length: DECISIONS }, (_, d) => `Big.Decision${d}`).sort());
        for (const box of boxes) {
            const numbers = box.names.map(name => Number(name.text!.replace('Decision', '')));
            assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), `${box.heading}: in the charter's order`);
            assert.match(box.heading, new RegExp(`^${box.names.length} decisions by `));
            for (const [i, name] of box.names.entries()) {
                assert.equal(name.text, name.id.slice('Big.'.length), 'the name whole');
                assert.ok(name.size >= 12, `${name.text} is ${name.size} px`);
                assert.ok(name.x >= box.frame.x && name.right <= box.frame.right && name.y >= box.frame.y && name.bottom <= box.frame.bottom, `${name.text} inside its box`);
                for (const other of box.names.slice(i + 1)) {
                    assert.ok(name.right <= other.x || other.right <= name.x || name.bottom <= other.y || other.bottom <= name.y, `${name.text} and ${other.text} overlap`);
                }
            }
        }
        // One dashed arrow from each decider to its box.
        const decides = [...svg.matchAll(/data-edge="decides:([^"]+)"/g)].map(match => match[1]);
        assert.equal(decides.length, 6);
        // The tooltip of a name gives its decision's title and rule.
        assert.equal(await page.textContent('g[data-element="Big.Decision7"] > title'), 'Decision7 — Decision number 7: majority · any majority');
        await page.close();

        // On a phone, the map keeps its size and scrolls in its own box; the page does not widen.
        const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
        await phone.goto(`file://${path.join(out, 'Big.html')}`);
        assert.equal(await phone.evaluate(() => document.documentElement.scrollWidth), 360);
        assert.equal(await phone.$eval('section#governance svg', element => element.getBoundingClientRect().width), width);
        await phone.close();
    });

    it('keeps the sideways scrollbar of a map wider and taller than the screen in sight: the map scrolls in a box no taller than the screen', async () => {
        const svg = fs.readFileSync(path.join(out, 'Big', 'governance.svg'), 'utf8');
        const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
        for (const viewport of [{ width: 800, height: 700 }, { width: 400, height: 740 }]) {
            const page = await browser.newPage({ viewport });
            // The reader follows the contents' link to the map.
            await page.goto(`file://${path.join(out, 'Big.html')}#governance`);
            const box = await page.$eval('section#governance .view', element => {
                const frame = element.getBoundingClientRect();
                return { top: frame.top, bottom: frame.bottom, scrollWidth: element.scrollWidth, clientWidth: element.clientWidth, scrollHeight: element.scrollHeight };
            });
            const label = `${viewport.width} px: ${JSON.stringify(box)}`;
            assert.ok(box.scrollWidth > box.clientWidth, `the map is wider than its box (${label})`);
            assert.ok(box.top >= 0 && box.bottom <= viewport.height, `the box's bottom edge, where its sideways scrollbar is, is on screen with the map's top (${label})`);
            // Nothing is hidden: the box scrolls to the map's every edge, and its last row is reached.
            assert.ok(box.scrollWidth >= width && box.scrollHeight >= height, label);
            await page.$eval('section#governance .view', element => element.scrollTo(element.scrollWidth, element.scrollHeight));
            const last = await page.$eval('g[data-element="Big.Decision199"] text', text => {
                const shown = text.getBoundingClientRect();
                const view = text.closest('.view')!.getBoundingClientRect();
                return shown.top >= view.top && shown.bottom <= view.bottom && shown.left >= view.left && shown.right <= view.right;
            });
            assert.ok(last, `the last decision is in sight once the box is scrolled (${label})`);
            assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), viewport.width, 'the page does not widen');
            await page.close();
        }
    });
});
