//@ts-check
// The language server's bundle, built once (scripts/build.mjs) with the
// settings the bench measures, and shipped as it is: the VS Code extension
// (packages/vscode/esbuild.mjs) copies this file into its dist/ instead of
// bundling the server again with settings of its own.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where the server bundle is written (what `entente-language-server`, the bench and the .vsix use). */
export const SERVER_BUNDLE = fileURLToPath(new URL('../packages/language/dist/server.cjs', import.meta.url));

/**
 * Options shared by the Node bundles: one CommonJS file each, minified,
 * without keepNames (it costs a 1,000-file check about a fifth of its time).
 * @type {import('esbuild').BuildOptions}
 */
export const nodeBundle = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: true,
    keepNames: false,
    logLevel: 'warning',
    legalComments: 'none',
    absWorkingDir: root,
    // Langium is ESM and reads import.meta.url in a few places; a CJS bundle provides it. The sources are ES
    // modules, strict code: esbuild's own "use strict" would come after the banner, where it is no directive.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "\"use strict\";const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

/** @type {import('esbuild').BuildOptions} */
export const serverBundle = { ...nodeBundle, entryPoints: ['packages/language/src/main.ts'], outfile: SERVER_BUNDLE };
