/**
 * What the bench's in-process rows run: the language's API, bundled by
 * bench/run.ts with the settings of the bundles users run (`nodeBundle` in
 * scripts/server-bundle.mjs: minified, no keepNames), not the TypeScript
 * sources as tsx serves them (with keepNames, which costs a check about a
 * fifth of its time).
 */
export { createCharterServices } from '@entente/language';
export { NodeFileSystem } from 'langium/node';
export { URI } from 'vscode-uri';
// The YAML side's JS pass runs Entente's rules: bundled alike, so that both sides of that comparison run the same way.
export { checkYamlCharter } from './yaml-pass.js';
