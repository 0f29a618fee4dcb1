import type { BuildOptions } from 'esbuild';
/** Where the server bundle is written (what `entente-language-server`, the bench and the .vsix use). */
export const SERVER_BUNDLE: string;
/** Options shared by the Node bundles: one CommonJS file each, minified, without keepNames. */
export const nodeBundle: BuildOptions;
/** The language server's bundle. */
export const serverBundle: BuildOptions;
