import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { exampleCharters } from '../helpers/examples.js';
import { sixPartyCharter } from '../helpers/six-parties.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

// Issue #20, point 3: at 1400×900 every text of every view of every example (and of a generated
// six-party charter with long names) is drawn whole inside its box, and each view fits the pane.

const DIST = path.join(REPO_ROOT, 'packages/vscode/dist');
const VIEWS: ViewId[] = ['health', 'governance', 'matrix', 'escalation', 'balance'];

interface Problem { view: string; problem: string }

/** Runs in the page: what is cut, sticks out of its box or out of the pane in one view. */
function problemsOf(view: string): Problem[] {
    const problems: Problem[] = [];
    const panel = document.getElementById(`view-${view}`)!;
    const svg = panel.querySelector('svg') as SVGSVGElement | null;
    if (!svg) {
        return [{ view, problem: 'no drawing' }];
    }
    const pane = panel.getBoundingClientRect();
    const drawing = svg.getBoundingClientRect();
    if (drawing.width > panel.clientWidth + 1 || drawing.left < pane.left - 1) {
        problems.push({ view, problem: `the drawing (${Math.round(drawing.width)} px) is wider than the pane (${panel.clientWidth} px)` });
    }
    const box = svg.viewBox.baseVal;
    const inside = (inner: DOMRect, outer: { x: number; y: number; width: number; height: number }, slack = 1) =>
        inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
    for (const text of Array.from(svg.querySelectorAll('text'))) {
        const label = (text.textContent ?? '').slice(0, 60);
        if (label.trim() === '') {
            continue;
        }
        if (text.querySelector('title') || /…$/.test(text.textContent ?? '')) {
            problems.push({ view, problem: `"${label}" is cut short` });
        }
        const bounds = (text as SVGGraphicsElement).getBBox();
        // Texts inside a translated group: compare in the drawing's coordinates.
        const matrix = (text as SVGGraphicsElement).getCTM();
        const root = svg.getCTM();
        const dx = matrix && root ? (matrix.e - root.e) / (root.a || 1) : 0;
        const dy = matrix && root ? (matrix.f - root.f) / (root.d || 1) : 0;
        const inDrawing = new DOMRect(bounds.x + dx, bounds.y + dy, bounds.width, bounds.height);
        if (!inside(inDrawing, box)) {
            problems.push({ view, problem: `"${label}" runs past the drawing` });
        }
        const group = text.parentElement;
        // A bar row (a dimension or a journal layer): its label stands beside the bar, not in it.
        const frame = group && !group.hasAttribute('data-party') && !group.hasAttribute('data-dimension') && !group.hasAttribute('data-layer')
            ? Array.from(group.children).find(child => child.tagName === 'rect' && (child as SVGGraphicsElement).getBBox().width >= 40) as SVGGraphicsElement | undefined
            : undefined;
        if (frame && !inside(bounds as DOMRect, frame.getBBox())) {
            problems.push({ view, problem: `"${label}" sticks out of its box` });
        }
    }
    return problems;
}

describe('the preview fits every view of every example in the pane at 1400×900 (Chromium)', function () {
    this.timeout(180_000);
    let browser: Browser;
    let page: Page;
    let folder: string;
    const services = createTestServices();

    before(async () => {
        browser = await launchChromium();
        folder = mkdtempSync(path.join(tmpdir(), 'entente-fit-'));
        writeFileSync(path.join(folder, 'preview.html'), buildPreviewHtml({
            cspSource: 'file:',
            nonce: createNonce(new Uint8Array(32).map((_, i) => (i * 31 + 7) % 251)),
            scriptUri: pathToFileURL(path.join(DIST, 'webview.js')).href,
            styleUri: pathToFileURL(path.join(DIST, 'webview.css')).href
        }));
        page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.addInitScript(`
            window.posted = [];
            // tsx names the helper functions of problemsOf with __name; the page needs it too.
            window.__name = (target) => target;
            window.acquireVsCodeApi = () => ({ postMessage: message => window.posted.push(message), getState: () => null, setState: () => {} });
        `);
        await page.goto(pathToFileURL(path.join(folder, 'preview.html')).href);
        await page.waitForFunction(() => (window as unknown as { posted: Array<{ type: string }> }).posted.some(message => message.type === 'ready'));
    });
    after(async () => {
        await clearDocuments(services);
        rmSync(folder, { recursive: true, force: true });
        await closeChromium(browser);
    });

    async function problemsFor(files: Record<string, string>): Promise<string[]> {
        const checked = await checkWorkspace(services, files, { today: '2026-11-22' });
        const found: string[] = [];
        for (const { document } of Object.values(checked)) {
            const preview = previewOf(document, services);
            for (const charter of preview.charters) {
                for (const showRoles of [false, true]) {
                    const views = await renderViews({ charter: charter.model, health: charter.health, findings: charter.findings, options: { showRoles } });
                    const content: PreviewContent = {
                        documentUri: document.uri.toString(), documentLabel: 'x.charter', documentVersion: 1,
                        charters: [{ name: charter.model.name, score: charter.health?.score ?? null, band: charter.health?.band, errors: 0, warnings: 0 }],
                        charter: charter.model.name, parties: charter.model.parties, views: { ...views, timeline: '', trends: '', radar: '' }
                    };
                    await page.evaluate(message => window.postMessage(message, '*'), { type: 'update', id: 1, content } satisfies ToWebview);
                    for (const view of VIEWS) {
                        await page.locator(`#tab-${view}`).click();
                        await page.locator(`#view-${view} svg`).waitFor();
                        for (const problem of await page.evaluate(problemsOf, view)) {
                            found.push(`${charter.model.name}${showRoles ? ' (by role)' : ''} ${problem.view}: ${problem.problem}`);
                        }
                    }
                }
            }
        }
        await clearDocuments(services);
        return found;
    }

    it('every example', async () => {
        const files = Object.fromEntries(Object.entries(exampleCharters()).filter(([file]) => !file.startsWith(path.join('examples', 'changes'))));
        const problems = await problemsFor(files);
        assert.deepEqual(problems, []);
    });

    it('a six-party charter with long names', async () => {
        const problems = await problemsFor({ 'six.charter': sixPartyCharter() });
        assert.deepEqual(problems, []);
    });
});
