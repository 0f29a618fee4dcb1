/**
 * Runs the extension's own test suite (packages/vscode/src/test, mocha inside
 * the extension host) in a real VS Code workbench: the VS Code server from the
 * npm package code-server (prepared by scripts/workbench/prepare.mjs) and
 * Debian's Chromium driven by playwright-core. Nothing is downloaded.
 *
 * The suite talks to the harness through its log: a line
 * `[entente-harness] {"id":…,"op":…}` asks for something only the browser can
 * do (a screenshot, a click inside the preview's webview, reading what the
 * webview shows); the harness answers by writing `<replies>/<id>.json`, a
 * folder the suite learns from ENTENTE_WORKBENCH_REPLIES (the server passes
 * its environment to the extension host). See
 * packages/vscode/src/test/suite/harness.ts for the other side.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { workbenchPaths, type WorkbenchPaths } from '../../../scripts/workbench/paths.mjs';
import { USER_SETTINGS } from '../../../scripts/workbench/workspace.mjs';
import { CHROMIUM, CHROMIUM_ARGS, chromiumNetworkAttempts, isLocalUrl, writeChromiumProfile } from '../../helpers/browser.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_ROOT = path.join(REPO_ROOT, 'packages/vscode');

/** Preloaded into the server and the extension host: records their DNS lookups and connections beyond this machine. */
const NETWORK_LOG_PRELOAD = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'network-log.mjs')).href;

/** A line of the server's or the extension host's log that says something tried the network. */
export const NETWORK_FAILURE = /\b(ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|getaddrinfo)\b/;

/** A webview's resource URL, answered by the webview's service worker (VS Code's `webview/browser/pre/service-worker.js`). */
const WEBVIEW_RESOURCE = /^https:\/\/[^/]+\.vscode-resource\.vscode-cdn\.net\//;

/** The prefix of a request from the suite in the extension host's log. */
export const REQUEST_PREFIX = '[entente-harness] ';

export interface WorkbenchOptions {
    /** A name for the run: its log and screenshots go to `<resultsDir>/<name>/`. */
    name: string;
    /** The folder the workbench opens. */
    workspace: string;
    /** Install this .vsix into the server's extensions folder first and test it (instead of the development extension). */
    vsix?: string;
    /** Only the extension tests whose titles match (mocha grep; ENTENTE_TEST_GREP). */
    grep?: string;
    /** Where logs and screenshots go (default test-results/workbench). */
    resultsDir?: string;
    /** Gives up after this long (default 180 s). */
    timeoutMs?: number;
    /** Sees every line of the extension host's test log as it comes. */
    onLog?: (line: string) => void;
    paths?: WorkbenchPaths;
}

export interface WorkbenchResult {
    /** The suite's exit code from `codeAutomationExit` (0: every test passed). */
    exitCode: number;
    /** The extension host's test log (mocha's spec reporter, and the suite's requests). */
    log: string[];
    /** Screenshots taken for the suite, by name. */
    screenshots: Map<string, string>;
    /** Values the suite reported (`report` requests), by key. */
    reports: Map<string, unknown>;
    /** Where the run's files are. */
    outputDir: string;
    /**
     * Every attempt to reach beyond this machine, once each: the browser's requests (the page,
     * its frames and workers), the server's and the extension host's DNS lookups and connections,
     * and their log lines that report a network failure. Empty when the run stayed offline.
     */
    network: string[];
    durationMs: number;
}

/** A request from the suite. */
interface HarnessRequest {
    id: string;
    op: 'screenshot' | 'click' | 'inspectPreview' | 'report' | 'clickNotification' | 'webviewTexts';
    name?: string;
    element?: string;
    view?: string;
    key?: string;
    /** clickNotification: the button's label, and a text of the notification's message. */
    button?: string;
    message?: string;
    value?: unknown;
}

/** Why the workbench cannot run here, or undefined when it can. */
export function workbenchMissing(paths = workbenchPaths()): string | undefined {
    if (!fs.existsSync(paths.stamp) || !fs.existsSync(paths.node) || !fs.existsSync(paths.serverMain)) {
        return `the workbench is not prepared in ${paths.root} (run: node scripts/workbench/prepare.mjs)`;
    }
    if (!fs.existsSync(CHROMIUM)) {
        return `${CHROMIUM} is missing (apt-get install -y chromium; .ci/run does)`;
    }
    return undefined;
}

/**
 * The server's environment for an offline run. Its network log (network-log.mjs) goes to
 * `networkLog`, which the extension host inherits with the rest.
 */
function serverEnvironment(env: NodeJS.ProcessEnv, networkLog: string | undefined): NodeJS.ProcessEnv {
    return {
        ...env,
        // No extension gallery: code-server's VS Code falls back to open-vsx.org without one.
        EXTENSIONS_GALLERY: '{}',
        ENTENTE_WORKBENCH_NETWORK_LOG: networkLog,
        VSCODE_CLI: undefined,
        ELECTRON_RUN_AS_NODE: undefined
    };
}

/** Installs a .vsix into an extensions folder with the server's own CLI (`--install-extension`). */
export function installVsix(vsix: string, extensionsDir: string, paths = workbenchPaths(), networkLog?: string): string {
    const result = spawnSync(paths.node, ['--import', NETWORK_LOG_PRELOAD, paths.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--force'], {
        encoding: 'utf8', timeout: 60_000, env: serverEnvironment(process.env, networkLog)
    });
    if (result.status !== 0) {
        throw new Error(`--install-extension ${path.basename(vsix)} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim().slice(-1000)}`);
    }
    return result.stdout;
}

/** Starts the VS Code server in a process group of its own; resolves with its port once it listens. */
export async function startServer(paths: WorkbenchPaths, dirs: { data: string; user: string; extensions: string; tmp: string; networkLog: string }, env: NodeJS.ProcessEnv, serverLog: string[]): Promise<{ server: ChildProcess; port: number }> {
    const server = spawn(paths.node, [
        // The extension host is forked with the server's execArgv, so it records too.
        '--import', NETWORK_LOG_PRELOAD,
        paths.serverMain,
        '--host', '127.0.0.1', '--port', '0', '--without-connection-token', '--accept-server-license-terms',
        '--enable-smoke-test-driver', '--disable-workspace-trust',
        // Nothing reported, no update check (code-server's page would poll the server's /update/check), no experiments.
        '--disable-telemetry', '--disable-update-check', '--disable-experiments',
        '--server-data-dir', dirs.data, '--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions
    ], {
        // Its own process group: the server's children (extension host, language server) outlive it otherwise.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...serverEnvironment(env, dirs.networkLog), TMPDIR: dirs.tmp }
    });
    const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the VS Code server did not start within 60 s:\n${serverLog.join('').slice(-2000)}`)), 60_000);
        const onData = (data: Buffer) => {
            serverLog.push(data.toString());
            const listening = /Extension host agent listening on (\d+)/.exec(serverLog.join(''));
            if (listening) {
                clearTimeout(timer);
                resolve(Number(listening[1]));
            }
        };
        server.stdout!.on('data', onData);
        server.stderr!.on('data', onData);
        server.on('exit', code => {
            clearTimeout(timer);
            reject(new Error(`the VS Code server exited (${code}) before listening:\n${serverLog.join('').slice(-2000)}`));
        });
    });
    return { server, port };
}

/** Stops a process group: TERM, then KILL what is left. */
export async function stopGroup(pid: number | undefined): Promise<void> {
    if (!pid) {
        return;
    }
    const alive = () => {
        try {
            process.kill(-pid, 0);
            return true;
        } catch {
            return false;
        }
    };
    try {
        process.kill(-pid, 'SIGTERM');
    } catch {
        return;
    }
    for (let waited = 0; waited < 3000 && alive(); waited += 100) {
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    if (alive()) {
        try {
            process.kill(-pid, 'SIGKILL');
        } catch {
            // gone meanwhile
        }
    }
}

/**
 * A console call of the extension host as the workbench relays it (`console.log(format, ...args)`
 * arrives as one array): the text Node would have printed, for %s, %d, %i, %f, %j, %o and %O.
 */
export function formatConsole(args: unknown[]): string {
    const show = (value: unknown) => typeof value === 'string' ? value : JSON.stringify(value);
    const [first, ...rest] = args;
    if (typeof first !== 'string') {
        return args.map(show).join(' ');
    }
    const text = first.replace(/%([sdifjoO%])/g, (match, kind: string) => {
        if (kind === '%') {
            return '%';
        }
        if (rest.length === 0) {
            return match;
        }
        const value = rest.shift();
        return kind === 'd' || kind === 'i' ? String(Math.trunc(Number(value))) : kind === 'f' ? String(Number(value)) : show(value);
    });
    return [text, ...rest.map(show)].join(' ');
}

/** The preview's content frame: the workbench's webview iframe, and inside it the frame with the preview's own document. */
function previewFrame(page: Page): FrameLocator {
    return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

async function previewContentFrame(page: Page): Promise<Frame> {
    const handle = await previewFrame(page).locator('body').elementHandle({ timeout: 20_000 });
    const frame = await handle?.ownerFrame();
    if (!frame) {
        throw new Error('the preview webview has no content frame');
    }
    return frame;
}

/** What the preview webview shows: per view, whether it is drawn, its size on screen and its elements. */
async function inspectPreview(page: Page, screenshotDir: string, screenshots: Map<string, string>, shoot: string | undefined): Promise<unknown> {
    const frame = await previewContentFrame(page);
    const tabs = await frame.$$eval('.tab', nodes => nodes.map(node => (node as HTMLElement).dataset.view ?? ''));
    const views: Record<string, { width: number; height: number; elements: string[]; text: string; positions: Record<string, [number, number]>; changed: string[] }> = {};
    const selected = await frame.$eval('.tab.selected', node => (node as HTMLElement).dataset.view ?? '').catch(() => undefined);
    for (const view of tabs) {
        await frame.click(`#tab-${view}`);
        await frame.waitForSelector(`#view-${view}:not([hidden]) > svg`, { timeout: 10_000 });
        views[view] = await frame.$eval(`#view-${view}`, node => {
            const svg = node.querySelector(':scope > svg')!;
            const box = svg.getBoundingClientRect();
            return {
                width: Math.round(box.width),
                height: Math.round(box.height),
                elements: [...new Set(Array.from(svg.querySelectorAll('[data-element]')).map(element => element.getAttribute('data-element') ?? ''))],
                text: (svg.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 2000),
                // Where each element's box is in the drawing (its first rect's x and y), and what is highlighted as changed.
                positions: Object.fromEntries(Array.from(svg.querySelectorAll('[data-element]')).reverse().flatMap(element => {
                    const box = element.querySelector(':scope > rect');
                    return box ? [[element.getAttribute('data-element') ?? '', [Number(box.getAttribute('x')), Number(box.getAttribute('y'))]]] : [];
                })),
                changed: [...new Set(Array.from(svg.querySelectorAll('.entente-changed')).map(element =>
                    element.getAttribute('data-element') ?? `edge ${element.getAttribute('data-edge') ?? ''}`))]
            };
        });
        if (shoot) {
            const name = `${shoot}-${view}`.replace(/[^A-Za-z0-9_.-]/g, '_');
            const file = path.join(screenshotDir, `${name}.png`);
            await page.screenshot({ path: file });
            screenshots.set(name, file);
        }
    }
    if (selected) {
        await frame.click(`#tab-${selected}`);
    }
    const status = await frame.$eval('#status', node => node.textContent ?? '');
    const version = await frame.$eval('body', node => (node as HTMLElement).dataset.version ?? '');
    return { views, status, version: version === '' ? undefined : Number(version), selected };
}

async function answer(page: Page, request: HarnessRequest, screenshotDir: string, screenshots: Map<string, string>, reports: Map<string, unknown>): Promise<unknown> {
    switch (request.op) {
        case 'screenshot': {
            const name = (request.name ?? `shot-${request.id}`).replace(/[^A-Za-z0-9_.-]/g, '_');
            const file = path.join(screenshotDir, `${name}.png`);
            await page.screenshot({ path: file });
            screenshots.set(name, file);
            return { file };
        }
        case 'click': {
            const frame = previewFrame(page);
            if (request.view) {
                await frame.locator(`#tab-${request.view}`).click({ timeout: 10_000 });
            }
            // A real click of the mouse on the drawn element, in the webview's own frame.
            await frame.locator(`#views > section:not([hidden]) [data-element="${request.element}"]`).first().click({ timeout: 10_000 });
            return { clicked: request.element };
        }
        case 'inspectPreview':
            return inspectPreview(page, screenshotDir, screenshots, request.name);
        case 'report':
            reports.set(request.key ?? request.id, request.value);
            return { reported: request.key };
        case 'clickNotification': {
            // A real click on a button of a notification, as a toast or in the notification centre (bottom right of the workbench).
            const notification = page.locator('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item', { hasText: request.message ?? '' }).last();
            await notification.getByRole('button', { name: request.button ?? '' }).click({ timeout: 10_000 });
            return { clicked: request.button };
        }
        case 'webviewTexts': {
            // The text of every webview's own document (each is the frame #active-frame in its webview's iframe).
            const texts: string[] = [];
            for (const frame of page.frames()) {
                const element = await frame.frameElement().catch(() => undefined);
                if (element && await element.getAttribute('id') === 'active-frame') {
                    texts.push((await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')).slice(0, 5000));
                }
            }
            return texts;
        }
    }
}

/**
 * Runs the extension test suite once in a fresh workbench (fresh server data,
 * browser profile and extensions folder) and resolves with its exit code.
 * Always stops the server's process group and the browser.
 */
export async function runWorkbench(options: WorkbenchOptions): Promise<WorkbenchResult> {
    const started = Date.now();
    const paths = options.paths ?? workbenchPaths();
    const missing = workbenchMissing(paths);
    if (missing) {
        throw new Error(missing);
    }
    const outputDir = path.join(options.resultsDir ?? path.join(REPO_ROOT, 'test-results/workbench'), options.name);
    fs.rmSync(outputDir, { recursive: true, force: true });
    fs.mkdirSync(outputDir, { recursive: true });
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-workbench-'));
    const dirs = {
        data: path.join(temp, 'server-data'), user: path.join(temp, 'user-data'), extensions: path.join(temp, 'extensions'),
        tmp: path.join(temp, 'tmp'), replies: path.join(temp, 'replies'), profile: path.join(temp, 'chromium-profile')
    };
    for (const dir of Object.values(dirs)) {
        fs.mkdirSync(dir, { recursive: true });
    }
    // Kept with the run's logs: what the server and the extension host tried to reach (one JSON line each).
    const networkLog = path.join(outputDir, 'network.jsonl');
    const chromiumNetLog = path.join(outputDir, 'chromium-netlog.json');
    // The server keeps the web workbench's user settings in its user data folder.
    fs.mkdirSync(path.join(dirs.user, 'User'));
    fs.writeFileSync(path.join(dirs.user, 'User/settings.json'), `${JSON.stringify(USER_SETTINGS, null, 4)}\n`);

    let developmentPath = EXTENSION_ROOT;
    if (options.vsix) {
        installVsix(options.vsix, dirs.extensions, paths, networkLog);
        // VS Code runs extension tests only with a development extension: an empty one, so the installed extension is the one tested.
        developmentPath = path.join(temp, 'test-host-extension');
        fs.mkdirSync(developmentPath);
        fs.writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify({
            name: 'entente-test-host', publisher: 'entente-tests', version: '0.0.0', engines: { vscode: '*' }
        }));
    }

    const log: string[] = [];
    const serverLog: string[] = [];
    const screenshots = new Map<string, string>();
    const reports = new Map<string, unknown>();
    const logFile = fs.createWriteStream(path.join(outputDir, 'extension-host.log'));
    const emit = (line: string) => {
        log.push(line);
        logFile.write(`${line}\n`);
        options.onLog?.(line);
    };
    let server: ChildProcess | undefined;
    let context: BrowserContext | undefined;
    const browserRequests = new Map<object, string>();
    let result: Omit<WorkbenchResult, 'network'>;
    const killOnExit = () => {
        if (server?.pid) {
            try {
                process.kill(-server.pid, 'SIGKILL');
            } catch {
                // already gone
            }
        }
    };
    // The server is in a process group of its own, so a Ctrl-C in the terminal does not reach it: pass it on.
    const onSignal = (signal: NodeJS.Signals) => {
        killOnExit();
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        process.kill(process.pid, signal);
    };
    process.once('exit', killOnExit);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            ENTENTE_WORKBENCH_REPLIES: dirs.replies,
            ENTENTE_WORKBENCH_MODE: options.vsix ? 'installed' : 'development',
            ENTENTE_TEST_GREP: options.grep ?? ''
        };
        const started_ = await startServer(paths, { ...dirs, networkLog }, env, serverLog);
        server = started_.server;
        const authority = `127.0.0.1:${started_.port}`;

        context = await chromium.launchPersistentContext(writeChromiumProfile(dirs.profile), {
            executablePath: CHROMIUM,
            // The switches every browser test uses (scripts/chromium.mjs), and Chromium's own record of its
            // network use, its background requests included (which the page's events miss).
            args: [...CHROMIUM_ARGS, `--log-net-log=${chromiumNetLog}`],
            viewport: { width: 1400, height: 900 },
            deviceScaleFactor: 1
        });
        // Every request of the page, its frames (the webviews) and its workers, the service worker included.
        // A webview loads its resources from https://*.vscode-resource.vscode-cdn.net/…, which the webview's
        // service worker answers from the workbench, never the network: such a request does not count once
        // the service worker answered it, or when it was cancelled first (a preview redrawn or closed).
        context.on('request', request => {
            if (!isLocalUrl(request.url())) {
                browserRequests.set(request, `browser: ${request.method()} ${request.url().slice(0, 200)} (${request.resourceType()})`);
            }
        });
        context.on('response', response => {
            if (response.fromServiceWorker()) {
                browserRequests.delete(response.request());
            }
        });
        context.on('requestfailed', request => {
            if (WEBVIEW_RESOURCE.test(request.url()) && request.failure()?.errorText === 'net::ERR_ABORTED') {
                browserRequests.delete(request);
            }
        });
        const page = context.pages()[0] ?? await context.newPage();
        page.on('websocket', socket => {
            if (!isLocalUrl(socket.url())) {
                browserRequests.set(socket, `browser: websocket ${socket.url().slice(0, 200)}`);
            }
        });
        let exitCode: number | undefined;
        const pending: Array<Promise<void>> = [];
        // One request at a time, in order: a click must not race a screenshot.
        let queue = Promise.resolve();
        await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
            const text = formatConsole(Array.isArray(args) ? args : [args]);
            for (const line of (level === 'error' ? `[error] ${text}` : text).split('\n')) {
                emit(line);
                const at = line.indexOf(REQUEST_PREFIX);
                if (at < 0) {
                    continue;
                }
                let request: HarnessRequest;
                try {
                    request = JSON.parse(line.slice(at + REQUEST_PREFIX.length)) as HarnessRequest;
                } catch {
                    continue;
                }
                queue = queue.then(async () => {
                    let reply: unknown;
                    try {
                        reply = { ok: true, result: await answer(page, request, outputDir, screenshots, reports) };
                    } catch (error) {
                        reply = { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
                    }
                    emit(`[harness] ${request.op} ${request.element ?? request.name ?? request.key ?? ''}: ${JSON.stringify(reply).slice(0, 300)}`);
                    const file = path.join(dirs.replies, `${request.id}.json`);
                    fs.writeFileSync(`${file}.tmp`, JSON.stringify(reply));
                    fs.renameSync(`${file}.tmp`, file);
                });
                pending.push(queue);
            }
        });
        await page.exposeFunction('codeAutomationExit', (code: number) => {
            exitCode = code;
        });
        const payload = JSON.stringify([
            ['extensionDevelopmentPath', `vscode-remote://${authority}${developmentPath}`],
            ['extensionTestsPath', `vscode-remote://${authority}${EXTENSION_ROOT}/out/test/index.js`]
        ]);
        await page.goto(`http://${authority}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(payload)}`);
        const timeoutMs = options.timeoutMs ?? 180_000;
        while (exitCode === undefined && Date.now() - started < timeoutMs) {
            await new Promise(resolve => setTimeout(resolve, 200));
        }
        await Promise.allSettled(pending);
        const last = path.join(outputDir, 'last.png');
        await page.screenshot({ path: last }).then(() => screenshots.set('last', last), () => undefined);
        if (exitCode === undefined) {
            emit(`[harness] timed out after ${timeoutMs} ms; the server's log ends:\n${serverLog.join('').slice(-3000)}`);
        }
        result = { exitCode: exitCode ?? -1, log, screenshots, reports, outputDir, durationMs: Date.now() - started };
    } finally {
        await context?.close().catch(() => undefined);
        await stopGroup(server?.pid);
        process.removeListener('exit', killOnExit);
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
        fs.writeFileSync(path.join(outputDir, 'server.log'), serverLog.join(''));
        await new Promise(resolve => logFile.end(resolve));
        fs.rmSync(temp, { recursive: true, force: true, maxRetries: 3 });
    }
    // Read once the server's process group is gone: its log and network log are complete then.
    return { ...result, network: [...networkAttempts(browserRequests.values(), networkLog, serverLog.join(''), log), ...chromiumNetworkAttempts(chromiumNetLog)] };
}

/** One line per distinct attempt to go beyond this machine; see WorkbenchResult.network. */
function networkAttempts(browserRequests: Iterable<string>, networkLog: string, serverLog: string, hostLog: string[]): string[] {
    const attempts = new Set<string>(browserRequests);
    const recorded = fs.existsSync(networkLog) ? fs.readFileSync(networkLog, 'utf8').split('\n').filter(line => line !== '') : [];
    for (const line of recorded) {
        const entry = JSON.parse(line) as { kind: string; host: string; port?: number; process: string };
        const where = entry.process === 'server' ? 'server' : entry.process.replace(/^--type=/, '');
        attempts.add(`${where}: ${entry.kind} ${entry.host}${entry.port ? `:${entry.port}` : ''}`);
    }
    for (const line of [...serverLog.split('\n'), ...hostLog]) {
        if (NETWORK_FAILURE.test(line)) {
            attempts.add(`log: ${line.trim().slice(0, 300)}`);
        }
    }
    return [...attempts];
}
