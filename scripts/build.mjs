//@ts-check
// Bundles the CLI and the language server with esbuild: one file each, so
// they start fast (no module resolution of hundreds of files at run time).
import * as esbuild from 'esbuild';
import './rule-docs.mjs';

const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: true,
    keepNames: false,
    logLevel: 'warning',
    legalComments: 'none',
    // Langium is ESM and reads import.meta.url in a few places; a CJS bundle provides it.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

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
 * The CLI is an ES module: its `bin` shim is one, and Node loads an ES module
 * without first scanning a CommonJS file for its exports (40 ms for the bundle).
 * @type {import('esbuild').BuildOptions}
 */
const esm = {
    ...common,
    format: 'esm',
    define: {},
    banner: { js: "import { createRequire as __entente_createRequire } from 'node:module'; const require = __entente_createRequire(import.meta.url);" }
};

const builds = [
    { ...esm, entryPoints: ['packages/cli/src/entry.ts'], outfile: 'packages/cli/dist/entente.mjs', plugins: [lazyDiagrams] },
    { ...common, entryPoints: ['packages/diagrams/src/index.ts'], outfile: 'packages/cli/dist/diagrams.cjs' },
    { ...common, entryPoints: ['packages/language/src/main.ts'], outfile: 'packages/language/dist/server.cjs' }
];

if (watch) {
    for (const options of builds) {
        const context = await esbuild.context(options);
        await context.watch();
    }
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}

// The VS Code extension: its bundles, the server copy it ships and its extension-host tests.
const { build: buildExtension } = await import('../packages/vscode/esbuild.mjs');
await buildExtension({ watch });
