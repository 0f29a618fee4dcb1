import type { ILexerErrorMessageProvider } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';

/** Typographic quotes, as a word processor writes them, and the straight quote a charter's texts are written in. */
const TYPOGRAPHIC_QUOTES: Record<string, string> = { '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"', '\u2018': "'", '\u2019': "'" };

/** A date being written: a year and a month, perhaps part of a day (`2026-11`, `2026-11-2`). */
const DATE_BEGUN = /^\d{4}-\d{1,2}(-\d{0,3})?$/;

/**
 * The lexer's messages in the words of the other findings. Chevrotain's say
 * "unexpected character: ->“<- at offset: 182, skipped 1 characters."; these
 * name the characters, and what was probably meant where that is clear: a
 * typographic quote pasted from a word processor, a date not written in full.
 */
export class CharterLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const characters = fullText.slice(startOffset, startOffset + length);
        const quote = [...characters].find(character => character in TYPOGRAPHIC_QUOTES);
        if (quote) {
            return `${shown(quote)} is a typographic quote: write texts between straight quotes (${TYPOGRAPHIC_QUOTES[quote]}…${TYPOGRAPHIC_QUOTES[quote]}).`;
        }
        const date = runAround(fullText, startOffset, length, /[0-9-]/);
        if (DATE_BEGUN.test(date)) {
            return `${shown(date)} is not a date: write dates in full, as YYYY-MM-DD (2026-01-31).`;
        }
        return characters.length === 1 ? `Unexpected character ${shown(characters)}.` : `Unexpected characters ${shown(characters)}.`;
    }
}

/** The characters matching `pattern` on both sides of (and including) the given span. */
function runAround(text: string, start: number, length: number, pattern: RegExp): string {
    let from = start;
    let to = start + length;
    while (from > 0 && pattern.test(text[from - 1])) from--;
    while (to < text.length && pattern.test(text[to])) to++;
    return text.slice(from, to);
}

/** Characters in backquotes, control and invisible ones by their code (`U+200B`). */
function shown(characters: string): string {
    return `\`${[...characters].map(character => (/[\p{Cc}\p{Cf}\p{Z}]/u.test(character) && character !== ' ' ? `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : character)).join('')}\``;
}
