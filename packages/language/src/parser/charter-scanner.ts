import type { TokenType, TokenTypeDictionary } from 'chevrotain';
import { CompactLeafCstNode } from './charter-cst.js';

/**
 * Thrown where the scanner or the fast parser meets what it does not read the
 * way Chevrotain and Langium's parser would (a syntax or lexing error, or a
 * rare form): the text is then parsed by Langium's parser instead.
 */
export class GiveUp {
    /** `readUpTo`: how much of the text the outcome depends on; a text that starts the same up to there ends the same way. */
    constructor(readonly readUpTo: number) {}

    /** Giving up on what only the end of the text decides (a string or comment that is never closed). */
    static atEnd(): GiveUp {
        return new GiveUp(Number.POSITIVE_INFINITY);
    }
}

/** The token types of the charter grammar, found by name in Langium's lexer definition. */
export class Vocabulary {
    /** Keywords made of word characters (`party`, `days`), by text. */
    readonly wordKeywords = new Map<string, TokenType>();
    /** The same, by length and first character, to be found without cutting the word out of the text. */
    readonly wordKeywordsByLength: Array<Map<number, Array<[string, TokenType]>>> = [];
    /** Keywords starting with a letter but holding other characters (`executive-decision`), longest first. */
    readonly otherLetterKeywords: Array<[string, TokenType]> = [];
    /** Keywords starting with another character (`{`, `>=`), by first character, longest first. */
    readonly symbolKeywords = new Map<number, Array<[string, TokenType]>>();
    readonly id: TokenType;
    readonly string: TokenType;
    readonly number: TokenType;
    readonly date: TokenType;
    readonly multiLineComment: TokenType;
    readonly singleLineComment: TokenType;

    /** Undefined when the definition is not the one this scanner was written for. */
    static of(definition: TokenTypeDictionary): Vocabulary | undefined {
        const names = ['ID', 'STRING', 'NUMBER', 'DATE', 'ML_COMMENT', 'SL_COMMENT', 'WS'];
        if (!names.every(name => definition[name] !== undefined)) {
            return undefined;
        }
        const vocabulary = new Vocabulary(definition);
        return vocabulary.keywordsAsExpected ? vocabulary : undefined;
    }

    private keywordsAsExpected = true;

    private constructor(definition: TokenTypeDictionary) {
        this.id = definition.ID;
        this.string = definition.STRING;
        this.number = definition.NUMBER;
        this.date = definition.DATE;
        this.multiLineComment = definition.ML_COMMENT;
        this.singleLineComment = definition.SL_COMMENT;
        // Langium lists keywords longest first, as Chevrotain tries them; a keyword's pattern is its text.
        for (const type of Object.values(definition)) {
            const text = type.PATTERN;
            if (typeof text !== 'string' || text.length === 0) {
                continue;
            }
            const first = text.charCodeAt(0);
            if (isWordStart(first)) {
                if (/^\w+$/.test(text)) {
                    this.wordKeywords.set(text, type);
                    const byFirst = (this.wordKeywordsByLength[text.length] ??= new Map());
                    byFirst.set(first, [...(byFirst.get(first) ?? []), [text, type]]);
                } else {
                    this.otherLetterKeywords.push([text, type]);
                }
            } else if (isDigit(first) || first === QUOTE || first === SLASH || /\s/.test(text[0])) {
                // A keyword that competes with a terminal's first character: not written for.
                this.keywordsAsExpected = false;
            } else {
                const list = this.symbolKeywords.get(first) ?? [];
                list.push([text, type]);
                list.sort((a, b) => b[0].length - a[0].length);
                this.symbolKeywords.set(first, list);
            }
        }
        this.otherLetterKeywords.sort((a, b) => b[0].length - a[0].length);
    }
}

const QUOTE = 34;
const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const DASH = 45;
const DOT = 46;
const LF = 10;
const CR = 13;

function isDigit(code: number): boolean {
    return code >= 48 && code <= 57;
}

function isWordStart(code: number): boolean {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

function isWord(code: number): boolean {
    return isWordStart(code) || isDigit(code);
}

const WHITESPACE = /\s/;

/**
 * Reads a charter's tokens as Langium's Chevrotain lexer does, one at a time:
 * keywords before terminals, the longest keyword first, a word keyword giving
 * way to a longer identifier; whitespace skipped; comments kept, as hidden
 * leaves, for the parser to place. Lines and columns count from 0, a line
 * ending at `\n`, `\r\n` or `\r`, as Chevrotain counts them.
 */
export class CharterScanner {
    /** The current token: its type (undefined at the end of the text), where it starts and ends. */
    type: TokenType | undefined;
    start = 0;
    end = 0;
    line = 0;
    column = 0;
    multiLine = false;
    /** Comments between the previous token and the current one. */
    comments: CompactLeafCstNode[] = [];
    /** How much of the text the scanner has looked at so far: the tokens up to the current one depend on nothing after it. */
    examined = 0;

    private position = 0;
    private lineNumber = 0;
    private lineStart = 0;

    constructor(private readonly vocabulary: Vocabulary, readonly text: string) {
        this.next();
    }

    get image(): string {
        return this.text.substring(this.start, this.end);
    }

    /** Moves to the next token that is not whitespace or a comment. */
    next(): void {
        const text = this.text;
        const length = text.length;
        for (;;) {
            let position = this.position;
            if (position >= length) {
                this.type = undefined;
                this.start = this.end = length;
                // The end of the text was seen: a longer text would read on.
                this.saw(length + 1);
                return;
            }
            const code = text.charCodeAt(position);
            if (code === 32 || (code >= 9 && code <= 13)) {
                this.skipWhitespace();
                continue;
            }
            this.start = position;
            this.line = this.lineNumber;
            this.column = position - this.lineStart;
            this.multiLine = false;
            if (isWordStart(code)) {
                position++;
                while (position < length && isWord(text.charCodeAt(position))) {
                    position++;
                }
                this.word(position);
                return;
            }
            if (isDigit(code)) {
                this.numberOrDate(position);
                return;
            }
            if (code === QUOTE) {
                this.string(position);
                return;
            }
            if (code === SLASH) {
                this.comment(position);
                continue;
            }
            const keywords = this.vocabulary.symbolKeywords.get(code);
            if (keywords) {
                this.saw(position + keywords[0][0].length);
                for (const [keyword, type] of keywords) {
                    if (text.startsWith(keyword, position)) {
                        this.type = type;
                        this.end = this.position = position + keyword.length;
                        return;
                    }
                }
            }
            if (code > 127 && WHITESPACE.test(text[position])) {
                this.skipWhitespace();
                continue;
            }
            throw this.giveUp(position + 1);
        }
    }

    /** Notes that the scanner has looked at the text before `end`. */
    private saw(end: number): void {
        if (end > this.examined) {
            this.examined = end;
        }
    }

    /** Giving up at what the scanner has looked at, and at `end`. */
    giveUp(end = 0): GiveUp {
        this.saw(end);
        return new GiveUp(this.examined);
    }

    /** Ends the token at `wordEnd`, or at the end of a longer keyword that is not a word. */
    private word(wordEnd: number): void {
        const text = this.text;
        const start = this.start;
        const keyword = this.wordKeyword(start, wordEnd);
        this.type = keyword ?? this.vocabulary.id;
        this.end = this.position = wordEnd;
        this.saw(wordEnd + 1);
        if (wordEnd < text.length && !isWord(text.charCodeAt(wordEnd))) {
            for (const [other, type] of this.vocabulary.otherLetterKeywords) {
                const matched = commonPrefixLength(text, start, other);
                // One character past a partial match was looked at, to see it differ.
                this.saw(start + Math.min(matched + 1, other.length));
                // `executive-decision`: a keyword wins over the word keywords it is longer than.
                if (matched === other.length && other.length > (keyword ? wordEnd - start : longestKeywordPrefix(text.substring(start, wordEnd), this.vocabulary.wordKeywords))) {
                    this.type = type;
                    this.end = this.position = start + other.length;
                    return;
                }
            }
        }
    }

    /** The keyword that is the whole word `[start, end)`, if any. */
    private wordKeyword(start: number, end: number): TokenType | undefined {
        const candidates = this.vocabulary.wordKeywordsByLength[end - start]?.get(this.text.charCodeAt(start));
        if (candidates) {
            for (const [keyword, type] of candidates) {
                if (this.text.startsWith(keyword, start)) {
                    return type;
                }
            }
        }
        return undefined;
    }

    private numberOrDate(start: number): void {
        const text = this.text;
        this.saw(start + 10);
        // DATE comes before NUMBER in the grammar: 2026-01-31 is a date, 2026 a number.
        if (isDate(text, start)) {
            this.type = this.vocabulary.date;
            this.end = this.position = start + 10;
            return;
        }
        let position = start + 1;
        while (position < text.length && isDigit(text.charCodeAt(position))) {
            position++;
        }
        if (text.charCodeAt(position) === DOT && isDigit(text.charCodeAt(position + 1))) {
            position += 2;
            while (position < text.length && isDigit(text.charCodeAt(position))) {
                position++;
            }
        }
        this.type = this.vocabulary.number;
        this.end = this.position = position;
        this.saw(position + 2);
    }

    private string(start: number): void {
        const text = this.text;
        let position = start + 1;
        for (;;) {
            if (position >= text.length) {
                throw GiveUp.atEnd();
            }
            const code = text.charCodeAt(position);
            if (code === QUOTE) {
                break;
            }
            if (code === BACKSLASH) {
                // `\.`: any character but a line terminator follows a backslash.
                const escaped = text.charCodeAt(position + 1);
                if (position + 1 >= text.length || escaped === LF || escaped === CR || escaped === 0x2028 || escaped === 0x2029) {
                    throw this.giveUp(position + 2);
                }
                position += 2;
                continue;
            }
            position++;
        }
        this.type = this.vocabulary.string;
        this.end = this.position = position + 1;
        this.saw(this.end);
        this.multiLine = this.countLines(start, this.end);
    }

    private comment(start: number): void {
        const text = this.text;
        const second = text.charCodeAt(start + 1);
        let end: number;
        let type: TokenType;
        if (second === SLASH) {
            end = start + 2;
            while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) {
                end++;
            }
            type = this.vocabulary.singleLineComment;
        } else if (second === STAR) {
            const close = text.indexOf('*/', start + 2);
            if (close < 0) {
                throw GiveUp.atEnd();
            }
            end = close + 2;
            type = this.vocabulary.multiLineComment;
        } else {
            throw this.giveUp(start + 2);
        }
        this.saw(end + 1);
        const line = this.lineNumber;
        const column = start - this.lineStart;
        const multiLine = this.countLines(start, end);
        this.comments.push(new CompactLeafCstNode(start, end - start, type, line, column, true, multiLine));
        this.position = end;
    }

    private skipWhitespace(): void {
        const text = this.text;
        let position = this.position;
        while (position < text.length) {
            const code = text.charCodeAt(position);
            if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITESPACE.test(text[position]))) {
                position++;
            } else {
                break;
            }
        }
        this.countLines(this.position, position);
        this.position = position;
        this.saw(position + 1);
    }

    /** Counts the line ends in `[from, to)`; true if there are any. */
    private countLines(from: number, to: number): boolean {
        const text = this.text;
        let found = false;
        for (let position = from; position < to; position++) {
            const code = text.charCodeAt(position);
            if (code === LF || code === CR) {
                if (code === CR && text.charCodeAt(position + 1) === LF && position + 1 < to) {
                    position++;
                }
                this.lineNumber++;
                this.lineStart = position + 1;
                found = true;
            }
        }
        return found;
    }
}

function isDate(text: string, start: number): boolean {
    for (let i = 0; i < 10; i++) {
        const code = text.charCodeAt(start + i);
        if (i === 4 || i === 7 ? code !== DASH : !isDigit(code)) {
            return false;
        }
    }
    return true;
}

function longestKeywordPrefix(word: string, keywords: Map<string, TokenType>): number {
    for (let length = word.length - 1; length > 0; length--) {
        if (keywords.has(word.substring(0, length))) {
            return length;
        }
    }
    return 0;
}

/** How many characters of `text` from `start` are those of `prefix`. */
function commonPrefixLength(text: string, start: number, prefix: string): number {
    let length = 0;
    while (length < prefix.length && text.charCodeAt(start + length) === prefix.charCodeAt(length)) {
        length++;
    }
    return length;
}
