import type { ILexerErrorMessageProvider } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';

/** Typographic quotes, as a word processor writes them: a charter's texts are between straight double quotes. */
export const TYPOGRAPHIC_QUOTES: ReadonlySet<string> = new Set(['\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2018', '\u2019', '\u201A']);

/**
 * The lexer's messages in the words of the other findings. Chevrotain's say
 * "unexpected character: ->“<- at offset: 182, skipped 1 characters."; these
 * name the characters, and what was probably meant where that is clear: a
 * typographic quote pasted from a word processor. (A date not written in
 * full is read as a date, and the checker says it is none: see `DATE` in
 * charter.langium.)
 */
export class CharterLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const characters = fullText.slice(startOffset, startOffset + length);
        const quote = [...characters].find(character => TYPOGRAPHIC_QUOTES.has(character));
        if (quote) {
            return `${shown(quote)} is a typographic quote: write texts between straight double quotes ("…").`;
        }
        if (characters === '"') {
            return 'This quote is not closed on its line: a text in quotes ends on the line it starts (write the closing `"`).';
        }
        return characters.length === 1 ? `Unexpected character ${shown(characters)}.` : `Unexpected characters ${shown(characters)}.`;
    }
}

/** Characters in backquotes, control and invisible ones by their code (`U+200B`). */
function shown(characters: string): string {
    return `\`${[...characters].map(character => (/[\p{Cc}\p{Cf}\p{Z}]/u.test(character) && character !== ' ' ? `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : character)).join('')}\``;
}
