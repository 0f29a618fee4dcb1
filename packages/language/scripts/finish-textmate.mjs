//@ts-check
// What `langium generate` cannot say in the TextMate grammar it writes
// (syntaxes/charter.tmLanguage.json), said after it: `npm run
// langium:generate`, scripts/build.mjs and test/language/generated.test.ts run
// it on the generated file.
//
// A text in quotes ends on its line (the STRING terminal: `[^"\\\r\n]`), but
// Langium's generator makes of it a region from one `"` to the next, so in an
// editor a quote left open coloured every line after it as a text until the
// next quote in the file, where the parser reads the next line as ever.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEXTMATE_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'syntaxes', 'charter.tmLanguage.json');

/** The generated grammar's text, finished: the quoted string's region ends at its closing quote or at the end of its line. */
export function finishTextMate(text) {
    const grammar = JSON.parse(text);
    const strings = grammar.patterns.filter((/** @type {{ name?: string }} */ pattern) => pattern.name === 'string.quoted.double.charter');
    if (strings.length !== 1 || strings[0].begin !== '"' || !['"', '"|$'].includes(strings[0].end)) {
        throw new Error('finish-textmate: the generated grammar has no string region from `"` to `"` any more: see what Langium writes now');
    }
    strings[0].end = '"|$';
    return `${JSON.stringify(grammar, null, 2)}\n`;
}

/** Finishes the file in place. */
export function finishTextMateFile(file = TEXTMATE_FILE) {
    writeFileSync(file, finishTextMate(readFileSync(file, 'utf8')));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    finishTextMateFile(process.argv[2]);
}
