/**
 * Starts the CLI bundle through V8's code cache. Node 20 compiles a script
 * from source on every start (Node 22's compile cache is not there), and
 * for the CLI that is a fifth of a small `entente check`: compiling the
 * 0.7 MB bundle's top level, then every function the first time it runs.
 * Compiled here with `vm.Script` and `cachedData`, V8 takes the bytecode
 * from the cache instead.
 *
 * The cache is the bytecode of a whole `entente check` run, not just of the
 * top level: `scripts/build.mjs` deletes it and runs the CLI once, and a run
 * that finds no usable cache writes one as it exits (with
 * `createCachedData()`, which includes every function compiled so far).
 * A cache that is missing, damaged, left from another build of the bundle,
 * rejected by V8 (another Node version, or V8 flags in `NODE_OPTIONS`) or
 * unwritable (a read-only package folder) costs that run its compile time
 * and nothing else. Only runs without Node options write one, so a run with
 * `--max-old-space-size` never replaces the cache every plain run uses.
 *
 * `NODE_DEBUG=entente` says what became of the cache.
 *
 * This is built on its own into `dist/launch.cjs` (CommonJS, like the bundle)
 * and required by `bin/entente.js`; nothing here may import the bundle's code.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { debuglog } from 'node:util';
import * as vm from 'node:vm';

const log = debuglog('entente');

/**
 * The cache file is a SHA-256 of the bundle and the V8 data, then the V8 data.
 * V8 checks a cache against a source's length only, and in release builds
 * does not checksum the data: a cache of another build of the same length, or
 * damaged on disk, would run wrong bytecode or abort the process.
 */
const DIGEST_LENGTH = 32;

/** Node's CommonJS wrapper, so the bundle sees `require`, `module` and `__dirname` as if Node had loaded it. */
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_END = '\n})';

/** Where the code cache of a bundle is kept: beside it. */
export function codeCachePathOf(bundlePath: string): string {
    return bundlePath.replace(/\.cjs$/, '') + '.code-cache';
}

/** Runs a CommonJS bundle as Node would, with V8's code cache beside it when there is a usable one. */
export function launch(bundlePath: string): void {
    const cachePath = codeCachePathOf(bundlePath);
    const source = fs.readFileSync(bundlePath);
    const cachedData = readCache(cachePath, source);
    const script = new vm.Script(WRAPPER_START + source.toString('utf8') + WRAPPER_END, { filename: bundlePath, cachedData });
    if (cachedData && !script.cachedDataRejected) {
        log('code cache %s: used', cachePath);
    } else {
        log('code cache %s: %s; compiling from source', cachePath, cachedData ? 'rejected by V8' : 'none, or not of this bundle');
        // A large check's worker threads start through here too (process.argv[1]); only the process's own thread writes.
        const isMainThread = isMainThreadOf(bundlePath);
        if (isMainThread && process.execArgv.length === 0 && !process.env.NODE_OPTIONS) {
            // On exit, so the cache holds every function this run compiled, not just the top level.
            process.once('exit', () => writeCache(script, cachePath, source));
        } else if (isMainThread) {
            // V8 rejects a cache made under other V8 flags: a run with options of its own leaves the plain one alone.
            log('code cache %s: not written by a run with Node options', cachePath);
        }
    }
    const bundleModule = { exports: {} };
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(bundleModule.exports, bundleModule.exports, createRequire(bundlePath), bundleModule, bundlePath, path.dirname(bundlePath));
}

/** Whether this is the process's own thread; node:worker_threads is loaded only here, where a run has no cache to use. */
function isMainThreadOf(bundlePath: string): boolean {
    return (createRequire(bundlePath)('node:worker_threads') as typeof import('node:worker_threads')).isMainThread;
}

function digestOf(source: Buffer, data: Buffer): Buffer {
    return createHash('sha256').update(source).update(data).digest();
}

/** The V8 data of the cache file, if it was made from this bundle and is whole. */
function readCache(cachePath: string, source: Buffer): Buffer | undefined {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(cachePath);
    } catch {
        return undefined;
    }
    const data = bytes.subarray(DIGEST_LENGTH);
    return data.length > 0 && digestOf(source, data).equals(bytes.subarray(0, DIGEST_LENGTH)) ? data : undefined;
}

/** Writes the cache through a temporary file, so a concurrent run never reads half of one; any failure is silent. */
function writeCache(script: vm.Script, cachePath: string, source: Buffer): void {
    const temporary = `${cachePath}.${process.pid}.tmp`;
    try {
        const data = script.createCachedData();
        fs.writeFileSync(temporary, Buffer.concat([digestOf(source, data), data]));
        fs.renameSync(temporary, cachePath);
        log('code cache %s: written', cachePath);
    } catch (error) {
        log('code cache %s: not written (%s)', cachePath, (error as Error).message);
        try {
            fs.rmSync(temporary, { force: true });
        } catch {
            // Nothing was written, or nothing may be removed: either way nothing is left to do.
        }
    }
}
