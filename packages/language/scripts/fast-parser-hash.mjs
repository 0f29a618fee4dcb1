//@ts-check
// Whether the generated reader (src/parser/generated/fast-parser.ts) was made
// from the grammar as it is now: scripts/build.mjs asks before it bundles, so
// that a change to charter.langium followed by a build is all it takes.
// Without dependencies, so that asking costs nothing.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GRAMMAR_FILE = join(packageDir, 'src', 'charter.langium');
export const OUT_FILE = join(packageDir, 'src', 'parser', 'generated', 'fast-parser.ts');

/** The hash of a grammar's text, as the generated file records it (sha-256, first 16 digits). */
export function hashOf(/** @type {string} */ text) {
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The hash of the grammar file now. */
export function grammarHash() {
    return hashOf(readFileSync(GRAMMAR_FILE, 'utf8'));
}

/** The hash recorded in the generated file, if there is one. */
export function generatedHash() {
    return existsSync(OUT_FILE) ? /GRAMMAR_HASH = "([0-9a-f]+)"/.exec(readFileSync(OUT_FILE, 'utf8'))?.[1] : undefined;
}
