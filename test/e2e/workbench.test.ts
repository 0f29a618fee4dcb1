import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestWorkspace } from '../../scripts/workbench/workspace.mjs';
import { isLocalUrl } from '../helpers/browser.js';
import { EXTENSION_ROOT, formatConsole, REPO_ROOT, runWorkbench, workbenchMissing, type WorkbenchResult } from './workbench/harness.js';

// The extension's own suite (packages/vscode/src/test) in a real VS Code workbench: the VS Code
// server of the npm package code-server, in Debian's Chromium. `.ci/run` prepares the workbench
// (scripts/workbench/prepare.mjs); this test prepares it too when it is missing (minutes, once).
// In CI a workbench that cannot be prepared is a failure, never a skip.

const MANIFEST = JSON.parse(fs.readFileSync(path.join(EXTENSION_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const VSIX = path.join(EXTENSION_ROOT, `${MANIFEST.name}-${MANIFEST.version}.vsix`);
const README_SCREENSHOT = path.join(REPO_ROOT, 'docs/images/editor-preview.png');

/** Width and height of a PNG file, from its header. */
function pngSize(file: string): { width: number; height: number } {
    const header = fs.readFileSync(file).subarray(0, 24);
    assert.equal(header.toString('latin1', 1, 4), 'PNG', `${file} is not a PNG`);
    return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** A screenshot of the workbench that is more than a blank page. */
function assertScreenshot(result: WorkbenchResult, name: string): string {
    const file = result.screenshots.get(name);
    assert.ok(file && fs.existsSync(file), `no screenshot ${name} (have: ${[...result.screenshots.keys()].join(', ')})`);
    assert.deepEqual(pngSize(file), { width: 1400, height: 900 });
    // A blank or half-drawn workbench compresses to a few KiB; the editor beside a drawn preview to far more.
    assert.ok(fs.statSync(file).size > 60 * 1024, `${name}.png is only ${fs.statSync(file).size} bytes`);
    return file;
}

/**
 * No network at test time: the browser (its pages, workers and own background requests), the
 * server and the extension host reached nothing beyond this machine, and no log reports a try.
 */
function assertOffline(result: WorkbenchResult): void {
    assert.ok(result.network.length === 0, `the workbench tried to reach beyond this machine (see server.log, extension-host.log, network.jsonl and chromium-netlog.json in ${result.outputDir}):\n${result.network.join('\n')}`);
}

/** The mocha summary of the extension host's log, and the log's end for messages. */
function summary(result: WorkbenchResult): { passing: number; failing: number; tail: string } {
    const text = result.log.join('\n');
    const passing = Number(/(\d+) passing/.exec(text)?.[1] ?? 0);
    const failing = Number(/(\d+) failing/.exec(text)?.[1] ?? 0);
    const tail = result.log.filter(line => !/^\[error\]|^\[harness\]|^\[entente-harness\]/.test(line)).slice(-60).join('\n');
    return { passing, failing, tail };
}

describe('the VS Code extension in a real workbench (code-server + Chromium)', function () {
    this.timeout(240_000);
    const workspaces: string[] = [];
    /** A fresh copy of the test workspace for each run. */
    const workspace = () => {
        const folder = createTestWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-workspace-')));
        workspaces.push(folder);
        return folder;
    };

    before(function () {
        // Prepared once into .cache/workbench (a stamp makes this instant afterwards).
        this.timeout(20 * 60_000);
        const prepared = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/workbench/prepare.mjs')], { encoding: 'utf8', timeout: 19 * 60_000 });
        const message = `${prepared.stderr}${prepared.stdout}`.trim().split('\n').filter(line => line.startsWith('workbench:')).pop() ?? '';
        if (prepared.status === 2 && !process.env.CI) {
            // This machine cannot host the workbench (not Linux x64, or no compiler): said, not hidden.
            console.warn(`\n  the workbench tests do not run here: ${message}`);
            this.skip();
        }
        assert.equal(prepared.status, 0, `preparing the workbench failed: ${message || prepared.error?.message}`);
        assert.equal(workbenchMissing(), undefined);
    });

    after(() => {
        for (const folder of workspaces) {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('runs the whole extension suite with the development extension, and screenshots the editor beside the preview', async () => {
        const result = await runWorkbench({ name: 'development', workspace: workspace() });
        const { passing, failing, tail } = summary(result);
        assert.equal(result.exitCode, 0, `the extension suite failed in the workbench (logs in ${result.outputDir}):\n${tail}`);
        assert.equal(failing, 0);
        assert.ok(passing >= 15, `only ${passing} extension tests ran:\n${tail}`);
        assertOffline(result);
        const extension = result.reports.get('extension') as { path: string; mode: string; version: string; vscode: string };
        assert.equal(extension.path, EXTENSION_ROOT);
        assert.equal(extension.mode, 'development');
        assert.match(extension.vscode, /^1\.\d+\.\d+/);
        // Bench rows measured in the workbench (issue #20): printed, and kept with the run's files; bench/README.md has the figures.
        const rows = [...result.reports.entries()].filter(([key]) => key.startsWith('bench:'))
            .map(([key, value]) => ({ row: key.slice('bench:'.length), ...(value as { ms: number; steps?: Record<string, number> }) }));
        fs.writeFileSync(path.join(result.outputDir, 'bench.json'), `${JSON.stringify(rows, null, 2)}\n`);
        for (const row of rows) {
            // Each step as ms from the row's start (the command, or the edit): where the time goes.
            const steps = Object.entries(row.steps ?? {}).map(([step, at]) => `${step} ${at}`).join(', ');
            console.log(`    workbench bench: ${row.row} ${row.ms} ms${steps ? ` (${steps})` : ''}`);
        }
        assert.deepEqual(rows.map(row => row.row).sort(), ['edit-to-redraw', 'first-preview']);
        const shot = assertScreenshot(result, 'editor-preview');
        // Every tab of the preview of three examples and of a six-party charter with long names (issue #20).
        for (const example of ['orbit-kestrel', 'acme-globex', 'riverton-retrofit', 'six-parties']) {
            for (const view of ['health', 'governance', 'matrix', 'escalation', 'balance', 'timeline', 'trends', 'radar']) {
                assertScreenshot(result, `preview-${example}-${view}`);
            }
        }
        if (process.env.UPDATE_SCREENSHOTS === '1') {
            fs.copyFileSync(shot, README_SCREENSHOT);
        }
    });

    it('installs the packaged .vsix with --install-extension and runs the #vsix tests against the installed extension', async () => {
        // The same package `npm run package` builds (production bundles, offline).
        for (const script of [['esbuild.mjs', '--production'], ['scripts/package.mjs']]) {
            const built = spawnSync(process.execPath, script, { cwd: EXTENSION_ROOT, encoding: 'utf8', timeout: 120_000 });
            assert.equal(built.status, 0, `${script.join(' ')} failed:\n${built.stdout}\n${built.stderr}`);
        }
        const result = await runWorkbench({ name: 'installed', workspace: workspace(), vsix: VSIX, grep: '#vsix' });
        const { passing, failing, tail } = summary(result);
        assert.equal(result.exitCode, 0, `the #vsix tests failed against the installed extension (logs in ${result.outputDir}):\n${tail}`);
        assert.equal(failing, 0);
        assert.ok(passing >= 5, `only ${passing} #vsix tests ran:\n${tail}`);
        assertOffline(result);
        const extension = result.reports.get('extension') as { path: string; mode: string; version: string };
        assert.equal(extension.mode, 'installed');
        // Loaded from the server's extensions folder, where --install-extension unpacked it, not from the repository.
        assert.match(extension.path, new RegExp(`/extensions/${MANIFEST.name}\\.${MANIFEST.name}-${MANIFEST.version.replace(/\./g, '\\.')}$`));
        assert.ok(!extension.path.startsWith(EXTENSION_ROOT));
        assertScreenshot(result, 'editor-preview');
    });
});

describe('the workbench harness', () => {
    it('prints the extension host\'s console calls as Node would (mocha\'s spec reporter uses format strings)', () => {
        assert.equal(formatConsole(['    ✔ %s (%dms)', 'activates', 1416.7]), '    ✔ activates (1416ms)');
        assert.equal(formatConsole(['  %d passing (%s)', 15, '15s']), '  15 passing (15s)');
        assert.equal(formatConsole(['100%% of %s', 'tests', 'extra']), '100% of tests extra');
        assert.equal(formatConsole(['[entente-harness] {"id":"1-1","op":"report"}']), '[entente-harness] {"id":"1-1","op":"report"}');
        assert.equal(formatConsole([{ a: 1 }, 'b']), '{"a":1} b');
        assert.equal(formatConsole(['%s and %s', 'one']), 'one and %s');
    });

    it('tells the local server\'s URLs, and URLs that are no request at all, from the rest', () => {
        for (const url of ['http://127.0.0.1:41231/stable-1/static/out/vs/workbench.js', 'ws://127.0.0.1:41231/?reconnectionToken=1', 'http://localhost:8080/', 'http://[::1]:80/', 'data:text/plain,x', 'blob:http://127.0.0.1:1/id', 'about:blank']) {
            assert.ok(isLocalUrl(url), url);
        }
        for (const url of ['https://open-vsx.org/vscode/gallery/extensionquery', 'https://update.code.visualstudio.com/api/update', 'http://10.0.0.1/', 'wss://example.com/', 'https://127.0.0.1.nip.io/', 'not a url']) {
            assert.ok(!isLocalUrl(url), url);
        }
    });

    it('records the connections the server and the extension host make beyond this machine, and only those', () => {
        // The preload the server runs under, in a real Node process. Each socket is destroyed before
        // Node starts connecting it (the next tick), so nothing leaves the machine here either.
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-network-log-'));
        try {
            const networkLog = path.join(folder, 'network.jsonl');
            const script = [
                "const net = require('node:net');",
                "net.connect(9, '192.0.2.1').destroy();",
                "net.connect({ host: '192.0.2.2', port: 443 }).destroy();",
                "net.connect(9, '127.0.0.1').destroy();",
                "net.connect({ host: 'localhost', port: 9 }).destroy();",
                `net.connect({ path: ${JSON.stringify(path.join(folder, 'no.sock'))} }).on('error', () => {});`
            ].join('\n');
            const preload = new URL('./workbench/network-log.mjs', import.meta.url).href;
            const ran = spawnSync(process.execPath, ['--import', preload, '-e', script], { encoding: 'utf8', env: { ...process.env, ENTENTE_WORKBENCH_NETWORK_LOG: networkLog } });
            assert.equal(ran.status, 0, ran.stderr);
            const entries = fs.readFileSync(networkLog, 'utf8').trim().split('\n').map(line => JSON.parse(line) as { kind: string; host: string; port: number; process: string });
            assert.deepEqual(entries.map(({ kind, host, port, process: where }) => ({ kind, host, port, where })), [
                { kind: 'connect', host: '192.0.2.1', port: 9, where: 'server' },
                { kind: 'connect', host: '192.0.2.2', port: 443, where: 'server' }
            ]);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });
});
