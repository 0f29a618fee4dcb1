import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { renderViews } from '@entente/diagrams';
import { buildPreviewHtml, createNonce } from '../../packages/vscode/src/extension/preview-html.js';
import type { PreviewContent, ToWebview, ViewId } from '../../packages/vscode/src/webview-protocol.js';
import { previewOf } from '../../packages/language/src/lsp/preview-handler.js';
import { closeChromium, launchChromium } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkText, clearDocuments, createTestServices } from '../helpers/workspace.js';
import { HOSTILE, hostileCharter } from '../helpers/hostile.js';

const DIST = path.join(REPO_ROOT, 'packages/vscode/dist');

/** A drawing with everything a hostile charter could try to smuggle into the preview. */
const HOSTILE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="2000" onload="window.pwned='onload'">
<script>window.pwned = 'script';</script>
<style>.styled { fill: rgb(1, 2, 3); }</style>
<g data-element="Deal.Budget" onclick="window.pwned='onclick'"><rect class="party" x="10" y="10" width="200" height="30" style="fill: rgb(255, 0, 0)"/>
<text x="14" y="30">&lt;img src=x onerror="window.pwned='text'"&gt;</text></g>
<g data-element="Acme"><rect id="acme" class="styled" x="10" y="60" width="100" height="30"/></g>
<foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="window.pwned='foreign'"/></div></foreignObject>
<image href="https://example.invalid/tracker.png" width="10" height="10"/>
<a href="javascript:window.pwned='link'"><text data-element="Deal" x="10" y="120">link</text></a>
<use xlink:href="#acme" y="100"/><use href="https://example.invalid/x.svg#y"/>
</svg>`;

function content(views: Partial<Record<ViewId, string>>, extra: Partial<PreviewContent> = {}): PreviewContent {
    const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>';
    return {
        documentUri: 'file:///deal.charter', documentLabel: 'deal.charter', documentVersion: 3,
        charters: [{ name: 'Deal', score: 72, band: 'at-risk', errors: 1, warnings: 2 }],
        charter: 'Deal', parties: ['Acme', 'Globex'],
        views: { health: blank, governance: blank, matrix: blank, escalation: blank, balance: blank, timeline: blank, trends: blank, radar: blank, ...views },
        ...extra
    };
}

describe('the preview webview in Chromium', function () {
    this.timeout(60_000);
    let browser: Browser;
    let page: Page;
    let folder: string;

    before(async () => {
        browser = await launchChromium();
        folder = mkdtempSync(path.join(tmpdir(), 'entente-webview-'));
        writeFileSync(path.join(folder, 'preview.html'), buildPreviewHtml({
            cspSource: 'file:',
            nonce: createNonce(new Uint8Array(32).map((_, i) => (i * 37 + 11) % 251)),
            scriptUri: pathToFileURL(path.join(DIST, 'webview.js')).href,
            styleUri: pathToFileURL(path.join(DIST, 'webview.css')).href
        }));
        // As the extension builds it: script and stylesheet in the page, opening on the panel's view.
        writeFileSync(path.join(folder, 'inline.html'), buildPreviewHtml({
            cspSource: 'file:',
            nonce: createNonce(new Uint8Array(32).map((_, i) => (i * 41 + 7) % 251)),
            script: readFileSync(path.join(DIST, 'webview.js'), 'utf8'),
            style: readFileSync(path.join(DIST, 'webview.css'), 'utf8'),
            view: 'matrix'
        }));
    });
    after(async () => {
        rmSync(folder, { recursive: true, force: true });
        await closeChromium(browser);
    });

    beforeEach(async () => {
        page = await browser.newPage({ viewport: { width: 800, height: 600 } });
        // What VS Code gives a webview: acquireVsCodeApi, with state that survives a reload.
        // A string, not a function: the test's compiled functions may call helpers the page does not have.
        await page.addInitScript(`
            window.posted = [];
            window.violations = [];
            document.addEventListener('securitypolicyviolation', event => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));
            window.acquireVsCodeApi = () => ({
                postMessage: message => window.posted.push(message),
                getState: () => JSON.parse(sessionStorage.getItem('state') ?? 'null'),
                setState: state => sessionStorage.setItem('state', JSON.stringify(state))
            });
        `);
        await page.goto(pathToFileURL(path.join(folder, 'preview.html')).href);
        await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'ready'));
    });
    afterEach(() => page?.close());

    let updates = 0;
    const send = (message: ToWebview) => page.evaluate(data => window.postMessage(data, '*'), message);
    const posted = () => page.evaluate(() => (window as unknown as { posted: Array<Record<string, unknown>> }).posted);

    it('shows a hostile drawing as an inert picture: no script runs, text stays text, nothing remote loads', async () => {
        await send({ type: 'update', id: ++updates, content: content({ governance: HOSTILE_SVG }) });
        await send({ type: 'showView', view: 'governance' });
        const panel = page.locator('#view-governance');
        await panel.locator('svg').waitFor();
        await page.waitForTimeout(200);
        assert.equal(await page.evaluate(() => (window as unknown as { pwned?: string }).pwned), undefined);
        assert.equal(await panel.locator('script, foreignObject, image, a').count(), 0);
        assert.equal(await panel.locator('[onclick], [onload]').count(), 0);
        assert.equal(await panel.locator('text').first().textContent(), '<img src=x onerror="window.pwned=\'text\'">');
        const links = await panel.locator('svg *').evaluateAll(elements => elements.flatMap(element =>
            Array.from(element.attributes).filter(attribute => /href|src/i.test(attribute.name)).map(attribute => attribute.value)));
        assert.deepEqual(links, ['#acme'], 'a link to a local element stays, a remote one goes');
        // The inline style attribute is applied through the CSSOM, so the strict CSP need not allow inline styles.
        assert.equal(await panel.locator('rect.party').evaluate(rect => getComputedStyle(rect).fill), 'rgb(255, 0, 0)');
        // The drawing's own <style> applies (it gets the page's nonce when copied).
        assert.equal(await panel.locator('rect.styled').evaluate(rect => getComputedStyle(rect).fill), 'rgb(1, 2, 3)');
        // The preview's own script and stylesheet are never blocked; what the CSP reports is the hostile markup it refused.
        const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
        assert.deepEqual(violations.filter(violation => !/^(script|style)-src-(attr|elem) inline$/.test(violation)), []);
    });

    it('reports a click on a drawn element so the editor can reveal its source', async () => {
        await send({ type: 'update', id: ++updates, content: content({ health: HOSTILE_SVG }) });
        await page.locator('#view-health [data-element="Deal.Budget"]').click();
        await page.locator('#view-health [data-element="Deal"]').click();
        const reveals = (await posted()).filter(message => message.type === 'reveal');
        assert.deepEqual(reveals, [{ type: 'reveal', element: 'Deal.Budget' }, { type: 'reveal', element: 'Deal' }]);
    });

    it('highlights the element under the editor\'s cursor, and keeps it highlighted across updates', async () => {
        await send({ type: 'update', id: ++updates, content: content({ health: HOSTILE_SVG }) });
        await send({ type: 'highlight', element: 'Acme' });
        const acme = page.locator('#view-health [data-element="Acme"]');
        await page.waitForFunction(() => document.querySelector('#view-health [data-element="Acme"]')?.classList.contains('entente-highlight'));
        await send({ type: 'update', id: ++updates, content: content({ health: HOSTILE_SVG.replace('width="300"', 'width="301"') }) });
        await page.waitForFunction(() => document.querySelector('#view-health svg')?.getAttribute('width') === '301');
        assert.ok(await acme.evaluate(element => element.classList.contains('entente-highlight')));
        assert.equal(await page.locator('#view-health .entente-highlight').count(), 1);
    });

    it('keeps the tab and the scroll across updates and across a reload, and offers every party to view as', async () => {
        await send({ type: 'update', id: ++updates, content: content({ matrix: HOSTILE_SVG }) });
        await page.locator('#tab-matrix').click();
        assert.deepEqual((await posted()).filter(message => message.type === 'viewChanged'), [{ type: 'viewChanged', view: 'matrix' }]);
        await page.locator('#view-matrix').evaluate(panel => { panel.scrollTop = 700; });
        await page.waitForTimeout(100);
        await send({ type: 'update', id: ++updates, content: content({ matrix: HOSTILE_SVG.replace('Budget', 'Budget2') }) });
        await page.waitForFunction(() => document.querySelector('#view-matrix [data-element="Deal.Budget2"]'));
        assert.equal(await page.locator('#view-matrix').evaluate(panel => panel.scrollTop), 700);
        assert.deepEqual(await page.locator('#party-select option').allTextContents(), ['every party', 'Acme', 'Globex']);
        await page.locator('#party-select').selectOption('Globex');
        assert.ok((await posted()).some(message => message.type === 'viewAsParty' && message.party === 'Globex'));
        await page.locator('#export').click();
        assert.ok((await posted()).some(message => message.type === 'export'));

        await page.reload();
        await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'ready'));
        assert.ok(await page.locator('#tab-matrix').evaluate(tab => tab.classList.contains('selected')));
        await send({ type: 'update', id: ++updates, content: content({ matrix: HOSTILE_SVG }) });
        await page.waitForFunction(() => document.querySelector('#view-matrix svg'));
        assert.equal(await page.locator('#view-matrix').evaluate(panel => panel.scrollTop), 700);
    });

    it('zooms the drawings from the toolbar and keeps the zoom across a reload', async () => {
        await send({ type: 'update', id: ++updates, content: content({ health: HOSTILE_SVG }) });
        const drawing = page.locator('#view-health > svg');
        await drawing.waitFor();
        assert.equal(await drawing.evaluate(svg => (svg as SVGSVGElement).getBoundingClientRect().width), 300);
        await page.locator('#zoom-in').click();
        await page.locator('#zoom-in').click();
        assert.equal(await page.locator('#zoom-reset').textContent(), '125%');
        assert.equal(await drawing.evaluate(svg => (svg as SVGSVGElement).getBoundingClientRect().width), 375);
        await page.reload();
        await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'ready'));
        await send({ type: 'update', id: ++updates, content: content({ health: HOSTILE_SVG }) });
        await page.locator('#view-health > svg').waitFor();
        assert.equal(await page.locator('#view-health > svg').evaluate(svg => (svg as SVGSVGElement).getBoundingClientRect().width), 375);
        await page.locator('#zoom-reset').click();
        assert.equal(await page.locator('#view-health > svg').evaluate(svg => (svg as SVGSVGElement).getBoundingClientRect().width), 300);
    });

    it('shows a message, as text, for a document with nothing to draw', async () => {
        await send({ type: 'empty', message: '<b>No charter</b> here.', documentLabel: 'parties.charter' });
        assert.equal(await page.locator('#empty').textContent(), '<b>No charter</b> here.');
        assert.equal(await page.locator('#empty b').count(), 0);
        assert.ok(await page.locator('#views').isHidden());
    });

    it('draws charters whose every name and text is hostile as inert text: no script, no dialog, no request, no CSP violation', async () => {
        const dialogs: string[] = [];
        const requests: string[] = [];
        page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
        page.on('request', request => { if (!/^(file|data):/.test(request.url())) requests.push(request.url()); });
        const services = createTestServices();
        try {
            for (const hostile of [...HOSTILE, 'x'.repeat(1_000_000)]) {
                const { document } = await checkText(services, hostileCharter(hostile));
                const [charter] = previewOf(document, services).charters;
                const views = await renderViews({ charter: charter.model, health: charter.health, findings: charter.findings });
                await send({ type: 'update', id: ++updates, content: content(views, { parties: ['Acme', 'Globex', hostile.slice(0, 200)] }) });
                for (const view of Object.keys(views)) {
                    await send({ type: 'showView', view: view as ViewId });
                    await page.locator(`#view-${view} svg`).waitFor({ state: 'attached' });
                }
                await page.waitForTimeout(100);
                assert.equal(await page.locator('script:not([nonce]), foreignObject, iframe, img, object, embed').count(), 0, hostile.slice(0, 40));
                if (hostile.length < 100) {
                    assert.ok((await page.locator('#view-governance').textContent())!.includes(hostile.replace(/\s+/g, ' ').slice(0, 12)) ||
                        (await page.locator('body').textContent())!.includes(hostile.slice(0, 12)), `the text shows as text: ${hostile}`);
                }
                await clearDocuments(services);
            }
            assert.deepEqual(dialogs, []);
            assert.deepEqual(requests, []);
            // The drawings' own inline styles are refused by the CSP and applied through the CSSOM; anything else refused would be injected markup.
            const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
            assert.deepEqual(violations.filter(violation => !/^style-src-(attr|elem) inline$/.test(violation)), []);
        } finally {
            await clearDocuments(services);
        }
    });

    it('draws every view of a real charter with clickable elements', async () => {
        const services = createTestServices();
        try {
            const { document } = await checkText(services, `party Acme { role Lead }
party Globex { role Manager }
charter Deal { parties Acme, Globex
    body Board { members Acme.Lead, Globex.Manager votes by majority meets monthly }
    decision Budget { decided by Board escalates to Disputes }
    escalation Disputes { level Acme.Lead, Globex.Manager within 5 days finally mediation }
}
`);
            const [charter] = previewOf(document, services).charters;
            const views = await renderViews({ charter: charter.model, health: charter.health, findings: charter.findings });
            await send({ type: 'update', id: ++updates, content: content(views) });
            for (const view of Object.keys(views)) {
                await page.locator(`#view-${view} svg`).waitFor({ state: 'attached' });
                assert.ok(await page.locator(`#view-${view} [data-element]`).count() > 0, `view ${view} has no clickable element`);
            }
            const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
            assert.deepEqual(violations.filter(violation => !/^(script|style)-src-(attr|elem) inline$/.test(violation)), []);
            // Every theme variable the drawings use (each party's colour and each party's border by its slot, told apart) is
            // mapped onto a VS Code theme variable, itself or through another of Entente's variables (a border onto its colour).
            const used = new Set(Object.values(views).flatMap(svg => [...svg.matchAll(/var\((--entente-[a-z0-9-]*[a-z0-9])/g)].map(match => match[1])));
            assert.ok(used.has('--entente-party-0') && used.has('--entente-party-border-1'), [...used].join(', '));
            const css = readFileSync(path.join(DIST, 'webview.css'), 'utf8');
            const mapped = (name: string, depth = 0): boolean => {
                const value = new RegExp(`${name}:\\s*var\\((--[a-zA-Z0-9-]+)`).exec(css)?.[1];
                return value !== undefined && (value.startsWith('--vscode-') || (value.startsWith('--entente-') && depth < 3 && mapped(value, depth + 1)));
            };
            assert.deepEqual([...used].filter(name => !mapped(name)), []);
        } finally {
            await clearDocuments(services);
        }
    });

    it('borders each party\'s box on the governance map in the party\'s colour of the VS Code theme, as it fills it', async () => {
        const services = createTestServices();
        try {
            // Seven parties: every slot of the palette, the three whose borders take darker shades outside VS Code among them.
            const parties = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Fay', 'Gus'];
            const { document: charterDocument } = await checkText(services, `${parties.map(party => `party ${party} { role Lead }`).join('\n')}
charter Deal { parties ${parties.join(', ')}
${parties.map(party => `    decision D${party} { decided by ${party}.Lead }`).join('\n')}
}
`);
            // A theme's chart colours, as VS Code sets them on the webview's root.
            await page.evaluate(() => {
                const colours: Record<string, string> = {
                    'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-purple': '#b180d7', 'charts-green': '#89d185',
                    'charts-red': '#f14c4c', 'charts-yellow': '#cca700', 'terminal-ansiCyan': '#11a8cd'
                };
                for (const [name, value] of Object.entries(colours)) {
                    document.documentElement.style.setProperty(`--vscode-${name}`, value);
                }
            });
            const [charter] = previewOf(charterDocument, services).charters;
            const views = await renderViews({ charter: charter.model, health: charter.health, findings: charter.findings });
            await send({ type: 'update', id: ++updates, content: content({ governance: views.governance }) });
            await page.locator('#view-governance svg [data-element="Gus"]').waitFor({ state: 'attached' });
            const boxes = await page.$$eval('#view-governance svg rect[style*="--entente-party-"]', rects => rects.map(rect => {
                const style = getComputedStyle(rect);
                return `${rect.closest('[data-element]')!.getAttribute('data-element')}: ${style.stroke === style.fill ? 'as filled' : `${style.stroke} around ${style.fill}`}`;
            }));
            assert.deepEqual(boxes, parties.flatMap(party => [`${party}: as filled`, `${party}.Lead: as filled`]));
        } finally {
            await clearDocuments(services);
        }
    });

    /** The webview's `drawn` messages so far. */
    const drawnMessages = async () => (await posted()).filter(message => message.type === 'drawn') as Array<{ id: number; view: string; receivedAt: number; drawnAt: number; changed: string[] }>;

    it('says when it has drawn an update on screen, in the view shown, and draws the other views after it', async () => {
        const id = ++updates;
        const sentAt = Date.now();
        await send({ type: 'update', id, content: content({ health: HOSTILE_SVG, governance: HOSTILE_SVG.replace('width="300"', 'width="302"') }) });
        await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'drawn'));
        const [drawn] = await drawnMessages();
        assert.equal(drawn.id, id);
        assert.equal(drawn.view, 'health');
        assert.ok(sentAt <= drawn.receivedAt && drawn.receivedAt <= drawn.drawnAt && drawn.drawnAt <= Date.now(), JSON.stringify(drawn));
        assert.deepEqual(drawn.changed, []);
        // The views not shown are drawn soon after, without being shown.
        await page.waitForFunction(() => document.querySelector('#view-governance svg')?.getAttribute('width') === '302');
        assert.ok(await page.locator('#view-governance').isHidden());
        assert.equal((await drawnMessages()).length, 1);
    });

    it('highlights what an edit changed: new elements, elements whose text changed, new edges; nothing for another charter', async () => {
        const map = (nodes: Array<[string, string]>, edges: string[]) => `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300">${
            nodes.map(([id, text], index) => `<g data-element="${id}"><rect x="10" y="${10 + index * 40}" width="100" height="30"/><text x="14" y="${30 + index * 40}">${text}</text></g>`).join('')}${
            edges.map(edge => `<path class="edge" data-edge="${edge}" d="M 0 0 L 10 10"/>`).join('')}</svg>`;
        await send({ type: 'showView', view: 'governance' });
        await send({ type: 'update', id: ++updates, content: content({ governance: map([['Deal.A', 'Orbit alone'], ['Deal.B', 'Orbit alone']], ['decides:Acme→Deal.A']) }) });
        await page.waitForFunction(() => document.querySelector('#view-governance [data-element="Deal.B"]'));
        const edit = ++updates;
        await send({ type: 'update', id: edit, content: content({ governance: map([['Deal.A', 'Orbit alone'], ['Deal.B', 'joint'], ['Deal.C', 'Globex alone']], ['decides:Acme→Deal.A', 'decides:Globex→Deal.B']) }) });
        await page.waitForFunction(() => document.querySelector('#view-governance [data-element="Deal.C"]'));
        const changed = await page.locator('#view-governance .entente-changed').evaluateAll(elements => elements.map(element => element.getAttribute('data-element') ?? element.getAttribute('data-edge')));
        assert.deepEqual(changed, ['Deal.B', 'Deal.C', 'decides:Globex→Deal.B']);
        await page.waitForFunction(id => (window as unknown as { posted: Array<{ type: string; id?: number }> }).posted.some(message => message.type === 'drawn' && message.id === id), edit);
        assert.deepEqual((await drawnMessages()).find(message => message.id === edit)?.changed, ['Deal.B', 'Deal.C', 'edge decides:Globex→Deal.B']);
        // The same drawing of another charter is no edit: nothing glows.
        await send({ type: 'update', id: ++updates, content: content({ governance: map([['Deal.A', 'x'], ['Deal.D', 'y']], []) }, { charter: 'Other' }) });
        await page.waitForFunction(() => document.querySelector('#view-governance [data-element="Deal.D"]'));
        assert.equal(await page.locator('#view-governance .entente-changed').count(), 0);
    });

    it('runs with its script and stylesheet in the page, as the extension builds it, and opens on the panel\'s view', async () => {
        const inline = await browser.newPage({ viewport: { width: 800, height: 600 } });
        try {
            await inline.addInitScript(`
                window.posted = [];
                window.violations = [];
                document.addEventListener('securitypolicyviolation', event => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));
                window.acquireVsCodeApi = () => ({ postMessage: message => window.posted.push(message), getState: () => null, setState: () => {} });
            `);
            await inline.goto(pathToFileURL(path.join(folder, 'inline.html')).href);
            await inline.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'ready'));
            assert.ok(await inline.locator('#tab-matrix').evaluate(tab => tab.classList.contains('selected')));
            await inline.evaluate(message => window.postMessage(message, '*'), { type: 'update', id: 1, content: content({ matrix: HOSTILE_SVG }) } satisfies ToWebview);
            await inline.waitForFunction(() => (window as unknown as { posted: Array<{ type: string; view?: string }> }).posted.some(message => message.type === 'drawn' && message.view === 'matrix'));
            assert.equal(await inline.evaluate(() => (window as unknown as { pwned?: string }).pwned), undefined);
            assert.ok(await inline.locator('#views').evaluate(views => getComputedStyle(views).flexGrow === '1'), 'the stylesheet applies');
            const violations = await inline.evaluate(() => (window as unknown as { violations: string[] }).violations);
            assert.deepEqual(violations.filter(violation => !/^(script|style)-src-(attr|elem) inline$/.test(violation)), []);
        } finally {
            await inline.close();
        }
    });
});
