/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';

/** Eight parties: every colour of the palette (yellow, orange and sky blue, the light ones, among them) in every view. */
const PARTIES = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Fay', 'Gus', 'Hal'];

function paletteCharter(): string {
    const leads = PARTIES.map(party => `${party}.Lead`).join(', ');
    return `${PARTIES.map(party => `party ${party} { role Lead }`).join('\n')}
charter Palette "Every colour" {
    parties ${PARTIES.join(', ')}
    term from 2026-01-01 to 2027-12-31
    body Board { members ${leads} votes by majority meets monthly }
    decision Budget { decided by Board escalates to Disputes }
${PARTIES.map(party => `    decision D${party} { decided by ${party}.Lead }`).join('\n')}
    escalation Disputes { level ${leads} within 5 days level Board within 10 days level Ann.Lead, Bo.Lead within 5 days finally mediation "A mediator" }
    commitment Report { owner Ann.Lead to Bo every month }
    metric Sales { kind outcome owner Ann.Lead target >= 10 cadence monthly benefits ${PARTIES.join(', ')} }
}
journal PaletteLog for Palette {
    2026-01-20 met Board with ${PARTIES.slice(0, 6).map(party => `${party}.Lead`).join(', ')}
    2026-02-20 met Board with ${leads}
    2026-03-01 raised One "Level one" via Disputes about Budget
    2026-03-02 raised Two "Level two" via Disputes about Budget
    2026-03-03 escalated Two
    2026-03-04 raised Three "Level three" via Disputes about Budget
    2026-03-05 escalated Three
    2026-03-06 escalated Three
    2026-03-07 raised Final "The final step" via Disputes about Budget
    2026-03-08 escalated Final
    2026-03-09 escalated Final
    2026-03-10 escalated Final
    2026-03-31 delivered Report
    2026-03-31 measured Sales 12
${PARTIES.map((party, index) => `    2026-04-0${index + 1} assessed by ${party} { trust ${1 + (index % 5)} commitment 3 coordination 3 communication ${5 - (index % 5)} }`).join('\n')}
}
`;
}

/**
 * WCAG's contrast ratio, in the page: plain JavaScript given as text (the test runner's transform would
 * name the functions of a function passed to the page with a helper the page lacks).
 */
const CONTRAST = `
const parse = colour => { const match = /rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)/.exec(colour); return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : undefined; };
const channel = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
const luminance = c => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
const ratio = (a, b) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
const background = parse(getComputedStyle(document.body).backgroundColor);
`;

/**
 * Texts below WCAG AA contrast against what they are drawn on (4.5:1, 3:1 from 24 px or 18.66 px bold):
 * what lies under the text's centre (the SVG shape, the element's own background, the page). Dimmed
 * elements (--view-as) are left out: they are faint on purpose.
 */
async function lowContrastTexts(page: Page): Promise<string[]> {
    return page.evaluate(`(() => {${CONTRAST}
        const found = [];
        const texts = [...document.querySelectorAll('svg text, body *:not(svg *)')]
            .filter(element => element.tagName === 'text' || [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim()));
        for (const element of texts) {
            const box = element.getBoundingClientRect();
            if (box.width === 0 || element.closest('.dim')) {
                continue;
            }
            const svg = element instanceof SVGElement;
            const style = getComputedStyle(element);
            const colour = parse(svg ? style.fill : style.color);
            let under;
            for (const candidate of document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)) {
                if (candidate.tagName === 'svg' || candidate.tagName === 'text' || (svg && (candidate === element || element.contains(candidate)))) {
                    continue;
                }
                const candidateStyle = getComputedStyle(candidate);
                const fill = parse(candidate instanceof SVGElement ? candidateStyle.fill : candidateStyle.backgroundColor);
                if (fill && fill[3] > 0 && Number(candidateStyle.opacity) * Number(candidate instanceof SVGElement ? candidateStyle.fillOpacity : 1) > 0.5) {
                    under = fill;
                    break;
                }
            }
            const size = parseFloat(style.fontSize);
            const needed = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66) ? 3 : 4.5;
            const contrast = ratio(colour, under ?? background);
            if (contrast < needed) {
                found.push(contrast.toFixed(2) + ':1 "' + element.textContent.slice(0, 30) + '" (' + (svg ? element.closest('svg').getAttribute('data-view') : element.tagName) + ')');
            }
        }
        return found;
    })()`);
}

/**
 * Marks in a party's colour, dispute bars, the timeline's bands of no meeting (and their legend's swatch)
 * and the governance map's party and role boxes whose fill and outline are both below 3:1 (WCAG's
 * contrast for a graphic) against what they are drawn on: the page's background, or for a band the lane's.
 * A fill or outline drawn translucent counts as the colour it makes over that ground: a yellow dot on white,
 * a pale band on a pale lane, a yellow border on white are there but unseen.
 */
async function faintMarks(page: Page): Promise<string[]> {
    return page.evaluate(`(() => {${CONTRAST}
        const found = [];
        const over = (colour, alpha, ground) => colour.slice(0, 3).map((channel, i) => channel * alpha + ground[i] * (1 - alpha));
        const marks = document.querySelectorAll('svg.entente :is(circle, rect, polygon)[style*="--entente-party-"]:not([style*="fill-opacity"]), svg.entente rect[class^="climb-"], '
            + 'svg.entente rect.gap-band, svg.entente[data-view="governance"] rect[style*="--entente-party-"]');
        for (const mark of marks) {
            const style = getComputedStyle(mark);
            const band = mark.closest('g[data-lane]') && mark.closest('g[data-lane]').querySelector(':scope > rect.lane-band');
            const ground = band ? parse(getComputedStyle(band).fill) : background;
            const opacity = Number(style.opacity);
            const fill = style.fill === 'none' ? 0 : ratio(over(parse(style.fill), opacity * Number(style.fillOpacity) * parse(style.fill)[3], ground), ground);
            const outline = style.stroke === 'none' || parseFloat(style.strokeWidth) < 1 ? 0
                : ratio(over(parse(style.stroke), opacity * Number(style.strokeOpacity) * parse(style.stroke)[3], ground), ground);
            // A line drawn over a wider casing is outlined by the casing.
            const casing = mark.previousElementSibling && mark.previousElementSibling.getAttribute('class') === 'polygon-casing'
                ? ratio(parse(getComputedStyle(mark.previousElementSibling).stroke), ground) : 0;
            if (Math.max(fill, outline, casing) < 3) {
                found.push(mark.closest('svg').getAttribute('data-view') + ': ' + mark.tagName + ' ' + (mark.getAttribute('class') ?? mark.getAttribute('style')) + ' (fill ' + fill.toFixed(2) + ':1, outline ' + outline.toFixed(2) + ':1)');
            }
            // A box's border in a party's colour is drawn on the panel grey too (a host's preview, a box beside a body's):
            // it keeps 3:1 there.
            const panel = mark.closest('svg').querySelector('.panel');
            if (mark.closest('svg').getAttribute('data-view') === 'governance' && panel && style.stroke !== 'none') {
                const onPanel = ratio(parse(style.stroke), parse(getComputedStyle(panel).fill));
                if (onPanel < 3) {
                    found.push('governance: the border ' + style.stroke + ' of ' + mark.closest('[data-element]').getAttribute('data-element') + ' on the panel (' + onPanel.toFixed(2) + ':1)');
                }
            }
        }
        return found;
    })()`);
}

describe('the colours of the report, the views and the portfolio against their background, in real Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let input: string;
    let out: string;
    let pages: string[];

    before(async () => {
        input = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-contrast-in-'));
        out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-contrast-'));
        fs.writeFileSync(path.join(input, 'palette.charter'), paletteCharter());
        for (const [folder, args] of [['reports', ['render', 'examples', input]], ['portfolio', ['portfolio', 'examples']]] as const) {
            const result = runCli([...args, '--out', path.join(out, folder), '--today', '2026-11-22']);
            assert.equal(result.code, 0, result.stderr);
        }
        pages = [
            ...fs.readdirSync(path.join(out, 'reports')).filter(name => name.endsWith('.html')).sort().map(name => path.join(out, 'reports', name)),
            path.join(out, 'portfolio', 'index.html')
        ];
        assert.equal(pages.length, 8);
        browser = await launchChromium();
    });
    after(async () => {
        await closeChromium(browser);
        fs.rmSync(input, { recursive: true, force: true });
        fs.rmSync(out, { recursive: true, force: true });
    });

    for (const colorScheme of ['light', 'dark'] as const) {
        it(`write every text at WCAG AA contrast on what it is drawn on, and draw every party's mark and box, dispute bar and band of no meeting at 3:1 (${colorScheme})`, async () => {
            const page = await browser.newPage({ colorScheme });
            for (const file of pages) {
                // A viewport as large as the page, so that every text is on screen to find what lies under it.
                await page.setViewportSize({ width: 1280, height: 900 });
                await page.goto(`file://${file}`);
                const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
                await page.setViewportSize({ width: Math.max(1280, size.width), height: size.height });
                assert.deepEqual(await lowContrastTexts(page), [], `${path.basename(file)}: texts below AA contrast`);
                assert.deepEqual(await faintMarks(page), [], `${path.basename(file)}: marks below 3:1`);
            }
            // The palette's eight parties are all drawn: the light colours are among the marks checked.
            await page.goto(`file://${path.join(out, 'reports', 'Palette.html')}`);
            const colours = await page.$$eval('svg[data-view="timeline"] circle[data-present="yes"]', circles => new Set(circles.map(circle => getComputedStyle(circle).fill)).size);
            assert.equal(colours, 7);
            // … and so are the boxes of the map in all seven colours, and a band of no meeting with its legend's swatch.
            const boxes = await page.$$eval('svg[data-view="governance"] rect[style*="--entente-party-"]', rects => new Set(rects.map(rect => getComputedStyle(rect).stroke)).size);
            assert.equal(boxes, 7);
            assert.ok(await page.$('svg[data-view="timeline"] g[data-gap] rect.gap-band') && await page.$('svg[data-view="timeline"] g[data-legend] rect.gap-band'), 'a band and its swatch');
            await page.close();
        });
    }
});
