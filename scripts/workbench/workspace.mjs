//@ts-check
// The folder the extension's end-to-end tests open (in the code-server workbench
// and under @vscode/test-electron): the broken example with the parties it
// names, and workspace settings for quiet, reproducible runs and clean screenshots.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Settings of the test workspace (the last three give clean screenshots in VS Code 1.139). */
export const WORKSPACE_SETTINGS = {
    'entente.today': '2026-11-22',
    // The web workbench saves after a delay by default; the tests' edits must stay in the editor.
    'files.autoSave': 'off',
    'editor.minimap.enabled': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none'
};

/**
 * User settings of the test runs: whatever would reach beyond the machine, off. Application-wide
 * settings (updates, telemetry) count only in the user's settings, not in a workspace's.
 */
export const USER_SETTINGS = {
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'workbench.enableExperiments': false,
    'npm.fetchOnlinePackageInfo': false,
    'json.schemaDownload.enable': false
};

/**
 * Fills `folder` with the test workspace: broken/orbit-kestrel.charter,
 * parties/*.charter, operations/ (a charter with its journal) and .vscode/settings.json. Returns the folder.
 * @param {string} folder
 */
export function createTestWorkspace(folder) {
    mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    cpSync(path.join(repository, 'examples/broken'), path.join(folder, 'broken'), { recursive: true });
    cpSync(path.join(repository, 'examples/parties'), path.join(folder, 'parties'), { recursive: true });
    // OPERATIONS.md's charter and journal, for the journal views in the preview.
    cpSync(path.join(repository, 'test/fixtures/operations'), path.join(folder, 'operations'), { recursive: true });
    writeFileSync(path.join(folder, '.vscode/settings.json'), `${JSON.stringify(WORKSPACE_SETTINGS, null, 4)}\n`);
    return folder;
}
