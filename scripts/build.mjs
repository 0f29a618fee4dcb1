//@ts-check
// Bundles the CLI and the language server with esbuild: one file each, so
// they start fast (no module resolution of hundreds of files at run time).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { buildPlayground } from './build-web.mjs';
import './rule-docs.mjs';
import { generatedHash, grammarHash } from '../packages/language/scripts/fast-parser-hash.mjs';
import { nodeBundle, serverBundle } from './server-bundle.mjs';

const watch = process.argv.includes('--watch');

/**
 * A change to charter.langium is all it takes: when the grammar is not the
 * one the generated files were made from, the build regenerates Langium's
 * (`langium generate`) and the fast parser's reader
 * (packages/language/scripts/generate-fast-parser.mjs, which prints what of
 * the grammar it leaves to Langium's parser).
 */
if (generatedHash() !== grammarHash()) {
    console.log('build: charter.langium changed; regenerating Langium\'s files and the fast parser');
    const langium = spawnSync(process.execPath, ['node_modules/langium-cli/bin/langium.js', 'generate'], { stdio: 'inherit' });
    if (langium.status !== 0) {
        process.exit(1);
    }
    const { finishTextMateFile } = await import('../packages/language/scripts/finish-textmate.mjs');
    finishTextMateFile();
    const { run } = await import('../packages/language/scripts/generate-fast-parser.mjs');
    await run();
}

/** @type {import('esbuild').BuildOptions} */
const common = nodeBundle;

/**
 * The CLI loads the diagram code (and elkjs, most of its size) only when it
 * renders: `@entente/diagrams` is its own bundle beside the CLI's, required on
 * first use, so `entente check` does not parse it at start-up.
 * @type {import('esbuild').Plugin}
 */
const lazyDiagrams = {
    name: 'lazy-diagrams',
    setup(build) {
        build.onResolve({ filter: /^@entente\/diagrams$/ }, () => ({ path: './diagrams.cjs', external: true }));
    }
};

/**
 * The CLI is a CommonJS bundle that `bin/entente.js` starts through V8's code
 * cache (`packages/cli/src/launch.ts`, built beside it): Node 20 has no compile
 * cache of its own, and compiling the bundle is a fifth of a small check.
 * `import()` becomes `require()` so the bundle runs in a `vm.Script`, which
 * has no loader for dynamic imports.
 * @type {import('esbuild').BuildOptions}
 */
const cli = {
    ...common,
    supported: { 'dynamic-import': false }
};

/**
 * Langium's document builder imports two error types from the LSP protocol
 * package, which the CLI never meets; in the CLI's bundle they come from
 * packages/language/src/parser/document-builder-protocol.ts (with the
 * other places that rely on Langium's internals), so a run does not evaluate
 * the protocol and its JSON-RPC transport.
 * @type {import('esbuild').Plugin}
 */
const noProtocolInCli = {
    name: 'no-protocol-in-cli',
    setup(build) {
        build.onResolve({ filter: /^vscode-languageserver-protocol$/ }, args =>
            /langium[\\/]lib[\\/]workspace[\\/]document-builder\.js$/.test(args.importer)
                ? { path: new URL('../packages/language/src/parser/document-builder-protocol.ts', import.meta.url).pathname }
                : undefined);
    }
};

const CLI_BUNDLE = 'packages/cli/dist/entente.cjs';
const CLI_CODE_CACHE = 'packages/cli/dist/entente.code-cache';

/**
 * Makes the CLI's code cache: a run that finds none writes one as it exits,
 * with the bytecode of every function it compiled, so the build runs a check
 * of the examples (findings and all) once. Without a cache the CLI still
 * works, a little slower; in watch mode the first run after a rebuild writes it.
 */
function buildCliCodeCache() {
    rmSync(CLI_CODE_CACHE, { force: true });
    // Without NODE_OPTIONS: only a run without Node options writes the cache (see launch.ts).
    const env = { ...process.env, NODE_OPTIONS: undefined };
    spawnSync(process.execPath, ['packages/cli/bin/entente.js', 'check', 'examples', '--today', '2026-01-01'], { stdio: 'ignore', env });
    if (!existsSync(CLI_CODE_CACHE)) {
        console.warn("build: the CLI's code cache was not made; it starts without one (NODE_DEBUG=entente says why)");
    }
}

/**
 * The installable language server (`packages/language-server`, published as
 * `@entente/language-server`) ships the same bundle as the editor gets.
 */
function copyServerIntoItsPackage() {
    mkdirSync('packages/language-server/dist', { recursive: true });
    cpSync('packages/language/dist/server.cjs', 'packages/language-server/dist/server.cjs');
}

const builds = [
    { ...cli, entryPoints: ['packages/cli/src/entry.ts'], outfile: CLI_BUNDLE, plugins: [lazyDiagrams, noProtocolInCli] },
    { ...cli, entryPoints: ['packages/cli/src/launch.ts'], outfile: 'packages/cli/dist/launch.cjs', sourcemap: false, minify: false, banner: {}, define: {} },
    { ...common, entryPoints: ['packages/diagrams/src/index.ts'], outfile: 'packages/cli/dist/diagrams.cjs' },
    serverBundle,
    // The GitHub Action (action.yml): the CLI's commands in one file that runs under the runner's Node 20.
    { ...cli, entryPoints: ['packages/cli/src/action/main.ts'], outfile: 'action/index.cjs', sourcemap: false, plugins: [lazyDiagrams, noProtocolInCli] }
];

if (watch) {
    for (const options of builds) {
        const context = await esbuild.context(options);
        await context.watch();
    }
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
    buildCliCodeCache();
    copyServerIntoItsPackage();
    // The playground page the CLI writes (`entente playground --out DIR`).
    writeFileSync('packages/cli/dist/playground.html', await buildPlayground());
}

// The VS Code extension: its bundles, the server it ships (the one just built, copied) and its extension-host tests.
const { build: buildExtension } = await import('../packages/vscode/esbuild.mjs');
await buildExtension({ watch });
