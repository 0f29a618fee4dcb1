/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { misplacedTexts } from './journal-checks.js';

/** How many parties the crowded charter has: more than the seven colours of the palette, so colours repeat. */
const PARTY_COUNT = 30;

/** A final step described at length, as agreements do. */
const FINAL_STEP = 'Binding arbitration under the rules of the International Chamber of Commerce by three arbitrators, seated in Geneva, in English; each party bears its own costs and half of the tribunal\'s, and the award is final';

/** A charter of PARTY_COUNT parties, all seated at one escalation level and on one body, one decision each. */
function crowdedCharter(): string {
    const parties = Array.from({ length: PARTY_COUNT }, (_, index) => `P${String(index).padStart(2, '0')}`);
    const leads = parties.map(party => `${party}.Lead`).join(', ');
    return `${parties.map((party, index) => `party ${party} "Party number ${index}" { role Lead role Sponsor }`).join('\n')}
charter Crowded "Thirty parties" {
    parties ${parties.join(', ')}
    body Board { members ${leads} votes by majority meets monthly }
    decision Budget { decided by Board escalates to Disputes }
${parties.map((party, index) => `    decision D${index} { decided by ${party} consults ${parties[(index + 1) % PARTY_COUNT]}.Lead }`).join('\n')}
    escalation Disputes { level ${leads} within 5 days level Board within 10 days level P00.Lead, P01.Lead within 3 days finally arbitration "${FINAL_STEP}" }
    commitment Report { owner P00.Lead to P01 every month }
    metric Sales { kind outcome owner P00.Lead target >= 10 cadence monthly benefits ${parties.join(', ')} }
}
`;
}

/** What a step of the escalation ladder draws (texts and party dots) outside its box, as Chromium lays it out. */
async function outsideTheirStep(page: Page): Promise<string[]> {
    return page.$$eval('svg[data-view="escalation"] g[data-step]', steps => steps.flatMap(step => {
        const frame = (step.querySelector(':scope > rect') as SVGGraphicsElement).getBBox();
        return [...step.querySelectorAll('text, circle')].map(mark => ({ mark, box: (mark as SVGGraphicsElement).getBBox() }))
            .filter(({ box }) => box.x < frame.x - 0.5 || box.y < frame.y - 0.5 || box.x + box.width > frame.x + frame.width + 0.5 || box.y + box.height > frame.y + frame.height + 0.5)
            .map(({ mark }) => `${step.getAttribute('data-step')}: ${mark.tagName} ${mark.textContent || (mark.parentElement?.getAttribute('data-party') ?? '')}`);
    }));
}

describe('the HTML report of a charter with many parties in real Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let out: string;
    let page: Page;

    before(async () => {
        const input = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-crowded-in-'));
        out = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-crowded-'));
        fs.writeFileSync(path.join(input, 'crowded.charter'), crowdedCharter());
        const result = runCli(['render', input, '--out', out, '--format', 'html', '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        browser = await launchChromium();
        page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(`file://${path.join(out, 'Crowded.html')}`);
    });
    after(async () => {
        await closeChromium(browser);
        fs.rmSync(out, { recursive: true, force: true });
    });

    it('keeps the dots of thirty parties seated at an escalation level inside the level\'s box, wrapped onto rows', async () => {
        assert.deepEqual(await outsideTheirStep(page), []);
        assert.deepEqual(await misplacedTexts(page, 'svg[data-view="escalation"]'), []);
        const dotRows = await page.$$eval('svg[data-view="escalation"] g[data-step="Disputes/1"] circle', circles => new Set(circles.map(circle => circle.getAttribute('cy'))).size);
        assert.equal(dotRows, 2, 'thirty dots on two rows');
    });

    it('wraps a long final step\'s text onto lines in a box of ordinary width, the whole text in its title', async () => {
        const finalStep = await page.$eval('svg[data-view="escalation"] g[data-step="Disputes/final"]', step => ({
            width: (step.querySelector('rect') as SVGGraphicsElement).getBBox().width,
            lines: [...step.querySelectorAll(':scope > text')].map(text => text.childNodes[text.childNodes.length - 1].textContent),
            title: step.querySelector(':scope > title')?.textContent
        }));
        assert.ok(finalStep.width <= 400, `the final step is ${finalStep.width} px wide`);
        // The steps are as tall as the thirty principals of level 1 need: the text has room for every line.
        assert.equal(finalStep.lines[0], 'Finally: arbitration');
        assert.ok(finalStep.lines.length >= 4, `a heading and lines of text: ${JSON.stringify(finalStep.lines)}`);
        assert.equal(finalStep.lines.slice(1).join(' '), FINAL_STEP);
        assert.equal(finalStep.title, `Finally arbitration: ${FINAL_STEP}`);
        assert.deepEqual(await outsideTheirStep(page), []);
    });

    it('names the party of each bar of the balance chart, whose colours repeat beyond the seventh party', async () => {
        const bars = await page.$$eval('svg[data-view="balance"] g[data-measure="controls"] g[data-party]', groups => groups.map(group => ({
            party: group.getAttribute('data-party'),
            colour: (group.querySelector('rect') as SVGRectElement).style.fill,
            label: group.querySelector('text')?.textContent
        })));
        assert.equal(bars.length, PARTY_COUNT);
        assert.equal(bars[0].colour, bars[7].colour, 'P00 and P07 share a colour');
        assert.deepEqual(bars.map(bar => bar.label), bars.map(bar => `1 · ${bar.party}`));
        assert.deepEqual(await misplacedTexts(page, 'svg[data-view="balance"]'), []);
    });

    it('wraps the balance chart\'s legend of thirty parties onto rows as wide as the bars, each name clear of the others', async () => {
        const legend = await page.$eval('svg[data-view="balance"]', svg => ({
            width: Number(svg.getAttribute('width')),
            boxes: [...svg.querySelectorAll(':scope > g[data-element]')].map(group => { const box = (group as SVGGraphicsElement).getBBox(); return { name: group.getAttribute('data-element'), x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height }; }),
            firstBarTop: Math.min(...[...svg.querySelectorAll('g[data-measure] rect')].map(rect => (rect as SVGGraphicsElement).getBBox().y))
        }));
        assert.equal(legend.boxes.length, PARTY_COUNT);
        assert.ok(legend.width < 800, `the chart is ${legend.width} px wide`);
        for (const [i, a] of legend.boxes.entries()) {
            assert.ok(a.right <= legend.width && a.bottom < legend.firstBarTop, `${a.name} inside the view, above the bars`);
            for (const b of legend.boxes.slice(i + 1)) {
                assert.ok(a.right <= b.x || b.right <= a.x || a.bottom <= b.y || b.bottom <= a.y, `${a.name} and ${b.name} overlap`);
            }
        }
    });
});
