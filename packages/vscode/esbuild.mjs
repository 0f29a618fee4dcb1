//@ts-check
// Bundles the extension (Node, CommonJS, `vscode` external), the preview
// webview (browser IIFE) and the extension-host tests (out/test), and copies
// in the language server it starts (dist/server.cjs: the repository's one
// server bundle, scripts/server-bundle.mjs), the TextMate grammar and the
// rule docs. `node esbuild.mjs [--watch] [--production]`.
import * as esbuild from 'esbuild';
import { SERVER_BUNDLE, serverBundle } from '../../scripts/server-bundle.mjs';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

/** Files under a folder whose names end with a suffix (recursively). */
function filesUnder(folder, suffix) {
    if (!existsSync(folder)) {
        return [];
    }
    return readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith(suffix))
        .map(entry => path.join(entry.parentPath, entry.name));
}

/** Copies what the extension ships from the repository: the grammar, the entente.json schema and the rule docs. */
function copyAssets() {
    mkdirSync(path.join(here, 'syntaxes'), { recursive: true });
    cpSync(path.join(root, 'syntaxes/charter.tmLanguage.json'), path.join(here, 'syntaxes/charter.tmLanguage.json'));
    mkdirSync(path.join(here, 'schemas'), { recursive: true });
    cpSync(path.join(root, 'docs/entente.schema.json'), path.join(here, 'schemas/entente.schema.json'));
    const rules = path.join(root, 'docs/rules');
    rmSync(path.join(here, 'docs'), { recursive: true, force: true });
    if (existsSync(rules)) {
        mkdirSync(path.join(here, 'docs/rules'), { recursive: true });
        for (const file of filesUnder(rules, '.md')) {
            cpSync(file, path.join(here, 'docs/rules', path.basename(file)));
        }
    }
}

/**
 * @param {{ watch?: boolean, production?: boolean }} options
 * @returns {esbuild.BuildOptions[]}
 */
function buildOptions({ production = false }) {
    /** @type {esbuild.BuildOptions} */
    const node = {
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        sourcemap: !production,
        minify: production,
        keepNames: true,
        logLevel: 'warning',
        legalComments: 'none',
        absWorkingDir: here
    };
    return [
        { ...node, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] },
        {
            bundle: true,
            platform: 'browser',
            target: 'chrome114',
            format: 'iife',
            sourcemap: !production,
            minify: production,
            logLevel: 'warning',
            legalComments: 'none',
            absWorkingDir: here,
            entryPoints: { webview: 'src/webview/main.ts' },
            outdir: 'dist'
        },
        {
            bundle: true,
            minify: production,
            logLevel: 'warning',
            absWorkingDir: here,
            entryPoints: { webview: 'src/webview/preview.css' },
            outdir: 'dist'
        },
        {
            ...node,
            minify: false,
            sourcemap: true,
            entryPoints: ['src/test/index.ts', ...filesUnder(path.join(here, 'src/test'), '.test.ts')],
            outbase: 'src/test',
            outdir: 'out/test',
            // Tests run in the extension host from the repository, where mocha is installed.
            external: ['vscode', 'mocha']
        }
    ];
}

/**
 * The server the extension starts is the repository's one server bundle
 * (scripts/server-bundle.mjs, built by scripts/build.mjs with the settings the
 * bench measures), copied: built here only when it is missing, with the same
 * options; in watch mode, rebuilt into dist/ with the same options.
 */
async function shipServer(/** @type {{ watch?: boolean }} */ options) {
    const shipped = path.join(here, 'dist/server.cjs');
    if (options.watch) {
        const context = await esbuild.context({ ...serverBundle, outfile: shipped });
        await context.watch();
        return;
    }
    if (!existsSync(SERVER_BUNDLE)) {
        await esbuild.build(serverBundle);
    }
    mkdirSync(path.join(here, 'dist'), { recursive: true });
    cpSync(SERVER_BUNDLE, shipped);
    rmSync(`${shipped}.map`, { force: true });
}

/**
 * The extension on the web (package.json's `browser`): the browser entry,
 * with the desktop language client's module (imported for types and `State`
 * only) mapped to its browser twin and `node:crypto` to the Web Crypto API.
 * @type {esbuild.Plugin}
 */
const webAliases = {
    name: 'web-aliases',
    setup(build) {
        build.onResolve({ filter: /^vscode-languageclient\/node(\.js)?$/ }, args =>
            build.resolve('vscode-languageclient/browser.js', { kind: args.kind, resolveDir: args.resolveDir }));
        build.onResolve({ filter: /^node:crypto$/ }, () => ({ path: 'node:crypto', namespace: 'web-crypto' }));
        build.onLoad({ filter: /.*/, namespace: 'web-crypto' }, () => ({
            contents: 'export function randomBytes(size) { return globalThis.crypto.getRandomValues(new Uint8Array(size)); }',
            loader: 'js'
        }));
    }
};

/** The web extension and its language server in a web worker (scripts/build-web.mjs builds the worker). */
async function buildWeb({ production = false }) {
    const { buildServerWorker } = await import('../../scripts/build-web.mjs');
    mkdirSync(path.join(here, 'dist'), { recursive: true });
    writeFileSync(path.join(here, 'dist/server-web.js'), await buildServerWorker());
    await esbuild.build({
        bundle: true,
        platform: 'browser',
        target: 'chrome114',
        format: 'cjs',
        sourcemap: !production,
        minify: production,
        keepNames: true,
        logLevel: 'warning',
        legalComments: 'none',
        absWorkingDir: here,
        entryPoints: ['src/extension/browser-main.ts'],
        outfile: 'dist/extension-web.cjs',
        external: ['vscode'],
        plugins: [webAliases]
    });
}

/** Builds everything once, or keeps rebuilding with `watch`. */
export async function build(options = {}) {
    copyAssets();
    await shipServer(options);
    // The package is ESM; the bundled tests are CommonJS (VS Code's test runner require()s them).
    mkdirSync(path.join(here, 'out'), { recursive: true });
    writeFileSync(path.join(here, 'out/package.json'), '{ "type": "commonjs" }\n');
    const all = buildOptions(options);
    if (options.watch) {
        for (const config of all) {
            const context = await esbuild.context(config);
            await context.watch();
        }
    } else {
        await Promise.all([...all.map(config => esbuild.build(config)), buildWeb(options)]);
    }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    await build({ watch: process.argv.includes('--watch'), production: process.argv.includes('--production') });
}
