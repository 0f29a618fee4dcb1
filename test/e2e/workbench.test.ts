import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestWorkspace } from '../../scripts/workbench/workspace.mjs';
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
        const extension = result.reports.get('extension') as { path: string; mode: string; version: string; vscode: string };
        assert.equal(extension.path, EXTENSION_ROOT);
        assert.equal(extension.mode, 'development');
        assert.match(extension.vscode, /^1\.\d+\.\d+/);
        const shot = assertScreenshot(result, 'editor-preview');
        for (const view of ['health', 'governance', 'matrix', 'escalation', 'balance']) {
            assert.ok(fs.statSync(assertScreenshot(result, `preview-${view}`)).size > 0);
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
});
