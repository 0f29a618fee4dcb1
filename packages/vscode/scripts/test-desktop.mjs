//@ts-check
// `npm run test:desktop` (from the repository root, after `npm run build`): the
// extension's test suite (out/test) in desktop VS Code through @vscode/test-electron,
// on the same test workspace as the workbench end-to-end test. Uses the VS Code
// named by VSCODE_EXECUTABLE_PATH if set; otherwise @vscode/test-electron downloads
// one into .vscode-test/ (VSCODE_VERSION: 'stable' by default), so this needs a
// desktop with a display (or xvfb-run) and, without VSCODE_EXECUTABLE_PATH, the network.
// Not part of `npm test`: the machines that run it cannot download VS Code.
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestWorkspace } from '../../../scripts/workbench/workspace.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = createTestWorkspace(mkdtempSync(path.join(tmpdir(), 'entente-workspace-')));
let code = 1;
try {
    code = await runTests({
        extensionDevelopmentPath: here,
        extensionTestsPath: path.join(here, 'out/test/index.js'),
        vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
        version: process.env.VSCODE_VERSION || undefined,
        // A fresh profile: no other extensions, no restored editors, no trust prompt.
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
            '--user-data-dir', path.join(workspace, '.vscode-test-user-data')]
    });
} catch (error) {
    console.error(`test:desktop: ${error instanceof Error ? error.message : String(error)}`);
} finally {
    rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
