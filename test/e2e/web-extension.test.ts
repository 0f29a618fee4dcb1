/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { workbenchPaths } from '../../scripts/workbench/paths.mjs';
import { createTestWorkspace, USER_SETTINGS } from '../../scripts/workbench/workspace.mjs';
import { CHROMIUM, CHROMIUM_ARGS, writeChromiumProfile } from '../helpers/browser.js';
import { EXTENSION_ROOT, startServer, stopGroup, workbenchMissing } from './workbench/harness.js';

/**
 * The extension on the web: its `browser` entry in code-server's web worker
 * extension host (the one vscode.dev and github.dev run extensions in), in
 * Chromium. The extension is loaded as a web-only variant (package.json
 * without `main`), so nothing of it can run in Node: the language server runs
 * in a web worker, the files come through VS Code's file system API. Opens a
 * charter, waits for its diagnostics, opens the preview and finds the drawing.
 */

/** A copy of the built extension with the `browser` entry only. */
function webOnlyVariant(folder: string): string {
    const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(manifest.browser, 'package.json has a browser entry');
    delete manifest.main;
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
    for (const entry of ['dist/extension-web.cjs', 'dist/server-web.js', 'dist/webview.js', 'dist/webview.css', 'language-configuration.json', 'syntaxes', 'snippets', 'schemas', 'media', 'docs']) {
        fs.cpSync(path.join(EXTENSION_ROOT, entry), path.join(folder, entry), { recursive: true });
    }
    return folder;
}

/** The frame whose document has the selector (the preview's webview is frames within frames). */
async function frameWith(page: Page, selector: string, timeoutMs: number): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        for (const frame of page.frames()) {
            if (await frame.$(selector).catch(() => null)) {
                return frame;
            }
        }
        if (Date.now() > deadline) {
            throw new Error(`no frame has ${selector} within ${timeoutMs} ms`);
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

/**
 * Runs a command from the command palette, as a user does: F1, its title, Enter. The palette is opened
 * again when its list stays empty (the typed title can land before the input takes focus).
 */
async function runCommand(page: Page, title: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        const input = await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 20_000 });
        await input.fill(`>${title}`);
        try {
            await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 20_000 });
            await page.keyboard.press('Enter');
            return;
        } catch (error) {
            if (attempt === 3) {
                throw error;
            }
            await page.keyboard.press('Escape');
        }
    }
}

describe('the extension on the web (code-server\'s web worker extension host, Chromium)', function () {
    this.timeout(240_000);
    let temp: string;
    let server: ChildProcess | undefined;
    let context: BrowserContext | undefined;
    const serverLog: string[] = [];
    const hostLog: string[] = [];

    before(function () {
        const missing = workbenchMissing();
        if (missing) {
            if (process.env.CI) {
                throw new Error(missing);
            }
            console.log(`      skipped: ${missing}`);
            this.skip();
        }
        temp = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-web-extension-'));
    });
    after(async () => {
        await context?.close().catch(() => undefined);
        await stopGroup(server?.pid);
        if (temp) {
            fs.rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
        }
    });

    it('opens a charter: diagnostics from the server in a web worker, and the preview draws it', async () => {
        const dirs = Object.fromEntries(['data', 'user', 'extensions', 'tmp', 'profile'].map(name => [name, path.join(temp, name)])) as Record<'data' | 'user' | 'extensions' | 'tmp' | 'profile', string>;
        for (const dir of Object.values(dirs)) {
            fs.mkdirSync(dir, { recursive: true });
        }
        fs.mkdirSync(path.join(dirs.user, 'User'));
        fs.writeFileSync(path.join(dirs.user, 'User/settings.json'), JSON.stringify(USER_SETTINGS));
        const workspace = createTestWorkspace(path.join(temp, 'workspace'));
        const extension = webOnlyVariant(path.join(temp, 'entente-web'));
        const started = await startServer(workbenchPaths(), { ...dirs, networkLog: path.join(temp, 'network.jsonl') }, process.env, serverLog);
        server = started.server;
        const authority = `127.0.0.1:${started.port}`;
        context = await chromium.launchPersistentContext(writeChromiumProfile(dirs.profile), {
            executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1
        });
        const page = context.pages()[0] ?? await context.newPage();
        page.on('console', message => hostLog.push(`${message.type()}: ${message.text()}`));
        // The broken charter opens with the workbench, as a link to a file does (`openFile`): Quick Open's
        // file search goes through the server's ripgrep, which in CI once found nothing within 20 s.
        const charter = path.join(workspace, 'broken', 'orbit-kestrel.charter');
        const payload = JSON.stringify([
            ['extensionDevelopmentPath', `vscode-remote://${authority}${extension}`],
            ['openFile', `vscode-remote://${authority}${charter}`]
        ]);
        await page.goto(`http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
        await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
        await page.waitForSelector('.tab[aria-label*="orbit-kestrel.charter"]', { timeout: 60_000 });
        await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20_000 });

        // The server's findings: squiggles in the editor and the problem count in the status bar.
        try {
            await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 90_000 });
        } catch (error) {
            await page.screenshot({ path: path.join(temp, 'no-diagnostics.png') });
            throw new Error(`no diagnostics: ${(error as Error).message}\nconsole:\n${hostLog.slice(-40).join('\n')}\nserver:\n${serverLog.join('').slice(-2000)}`);
        }
        const problems = await page.textContent('[id="status.problems"]');
        assert.match(problems ?? '', /[1-9]\d*/, `problems in the status bar: ${problems}`);

        // The preview beside the editor, drawn in its webview.
        await runCommand(page, 'Entente: Open Preview to the Side');
        const frame = await frameWith(page, 'svg[data-view]', 90_000);
        const drawn = await frame.$$eval('svg[data-view]', svgs => svgs.map(svg => svg.getAttribute('data-view')));
        assert.ok(drawn.length >= 1, drawn.join(', '));
        // The extension ran in the browser only: the server's extension host never loaded it.
        assert.doesNotMatch(serverLog.join(''), /entente\.entente|extension-web\.cjs/i);
    });
});
