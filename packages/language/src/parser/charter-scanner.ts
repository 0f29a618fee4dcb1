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

/** A token of the generated module's TOKENS table: kind 0 is the end of the text. */
export interface TokenEntry {
    readonly name: string;
    readonly kind: 'end' | 'terminal' | 'keyword';
    readonly role?: string | null;
    readonly hidden?: boolean;
}

/**
 * The token types of the grammar, by kind (the generated TOKENS table's
 * numbering), found by name in Langium's lexer definition, with the tables
 * the scanner reads keywords by.
 */
export class Vocabulary {
    /** The token type of each kind (undefined for kind 0, the end of the text). */
    readonly types: TokenType[] = [];
    /** Keywords made of word characters (`party`, `days`), by text: their kinds. */
    readonly wordKeywords = new Map<string, number>();
    /**
     * The same, by length and first character (at `length * 128 + code`), to
     * be found without cutting the word out of the text; words longer than
     * `longestWordKeyword` are none of them.
     */
    readonly wordKeywordTable: Array<Array<[string, number]> | undefined> = [];
    longestWordKeyword = 0;
    /** Keywords starting with a letter but holding other characters (`executive-decision`), longest first. */
    readonly otherLetterKeywords: Array<[string, number]> = [];
    /**
     * Where such a keyword can start: true at `length * 128 + code` for the
     * length and first character of each one's leading word (`executive`). A
     * word can only be the start of one of these keywords if it is exactly
     * that leading word; for any other word (nearly all of them) the scanner
     * skips the keywords' loop, which would look at nothing past the word's
     * end and find nothing (see `CharterScanner.word`).
     */
    readonly otherLetterKeywordStarts: boolean[] = [];
    /** Keywords starting with another character (`{`, `>=`), by first character, longest first. */
    readonly symbolKeywords = new Map<number, Array<[string, number]>>();
    /** The same, indexed by first character (below 128): read once per token, an array is cheaper than a map. */
    readonly symbolKeywordsByCode: Array<Array<[string, number]> | undefined> = new Array<Array<[string, number]> | undefined>(128).fill(undefined);
    id = 0;
    string = 0;
    number = 0;
    date = 0;
    multiLineComment = 0;
    singleLineComment = 0;

    /**
     * Undefined when the scanner cannot read the grammar's tokens as
     * Chevrotain does: a terminal it has no reader for (the generator names
     * it at build time), a keyword it does not expect, or a lexer definition
     * that is not the generated table's.
     */
    static of(definition: TokenTypeDictionary, tokens: readonly TokenEntry[]): Vocabulary | undefined {
        const vocabulary = new Vocabulary();
        return vocabulary.read(definition, tokens) ? vocabulary : undefined;
    }

    private read(definition: TokenTypeDictionary, tokens: readonly TokenEntry[]): boolean {
        const roles = new Map<string, number>();
        let known = 0;
        for (let kind = 1; kind < tokens.length; kind++) {
            const token = tokens[kind];
            const type = definition[token.name];
            if (!type) {
                return false;
            }
            this.types[kind] = type;
            known++;
            if (token.kind === 'terminal') {
                if (!token.role || roles.has(token.role) || (token.hidden === true) !== HIDDEN_ROLES.has(token.role)) {
                    return false;
                }
                roles.set(token.role, kind);
            } else if (!this.addKeyword(type, kind)) {
                return false;
            }
        }
        // Every token type of the lexer is in the table, and the terminals the scanner reads are all there.
        if (known !== Object.keys(definition).length || !REQUIRED_ROLES.every(role => roles.has(role))) {
            return false;
        }
        this.id = roles.get('id')!;
        this.string = roles.get('string')!;
        this.number = roles.get('number')!;
        this.date = roles.get('date')!;
        this.multiLineComment = roles.get('multiLineComment')!;
        this.singleLineComment = roles.get('singleLineComment')!;
        this.otherLetterKeywords.sort((a, b) => b[0].length - a[0].length);
        for (const [text] of this.otherLetterKeywords) {
            let wordLength = 1;
            while (isWord(text.charCodeAt(wordLength))) {
                wordLength++;
            }
            this.otherLetterKeywordStarts[wordLength * 128 + text.charCodeAt(0)] = true;
        }
        for (const [code, list] of this.symbolKeywords) {
            if (code < 128) {
                this.symbolKeywordsByCode[code] = list;
            }
        }
        return true;
    }

    private addKeyword(type: TokenType, kind: number): boolean {
        // A keyword's pattern is its text.
        const text = type.PATTERN;
        if (typeof text !== 'string' || text.length === 0) {
            return false;
        }
        const first = text.charCodeAt(0);
        if (isWordStart(first)) {
            if (/^\w+$/.test(text)) {
                this.wordKeywords.set(text, kind);
                const slot = text.length * 128 + first;
                this.wordKeywordTable[slot] = [...(this.wordKeywordTable[slot] ?? []), [text, kind]];
                this.longestWordKeyword = Math.max(this.longestWordKeyword, text.length);
            } else {
                this.otherLetterKeywords.push([text, kind]);
            }
            return true;
        }
        if (isDigit(first) || first === QUOTE || first === SLASH || /\s/.test(text[0])) {
            // A keyword that competes with a terminal's first character: not written for.
            return false;
        }
        const list = this.symbolKeywords.get(first) ?? [];
        list.push([text, kind]);
        list.sort((a, b) => b[0].length - a[0].length);
        this.symbolKeywords.set(first, list);
        return true;
    }
}

/** The terminals the scanner has a reader for (the generator's SCANNER_ROLES), and which of them are hidden. */
const REQUIRED_ROLES = ['id', 'string', 'number', 'date', 'multiLineComment', 'singleLineComment', 'whitespace'];
const HIDDEN_ROLES = new Set(['whitespace', 'multiLineComment', 'singleLineComment']);

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

/** Word characters (`[A-Za-z0-9_]`) among the first 128, by code: one look-up per character of a name. */
const WORD_CHARACTERS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
    WORD_CHARACTERS[code] = isWordStart(code) || isDigit(code) ? 1 : 0;
}

function isWord(code: number): boolean {
    return code < 128 && WORD_CHARACTERS[code] === 1;
}

const WHITESPACE = /\s/;

/** The comments before a token that has none: shared, never added to. */
const NO_COMMENTS = Object.freeze([]) as unknown as CompactLeafCstNode[];

/**
 * Reads a charter's tokens as Langium's Chevrotain lexer does, one at a time:
 * keywords before terminals, the longest keyword first, a word keyword giving
 * way to a longer identifier; whitespace skipped; comments kept, as hidden
 * leaves, for the parser to place. Lines and columns count from 0, a line
 * ending at `\n`, `\r\n` or `\r`, as Chevrotain counts them.
 */
export class CharterScanner {
    /** The current token: its kind (the generated TOKENS table's; 0 at the end of the text), where it starts and ends. */
    kind = 0;
    start = 0;
    end = 0;
    line = 0;
    column = 0;
    multiLine = false;
    /**
     * Comments between the previous token and the current one. Most tokens
     * have none: they share one empty list, never added to (the first comment
     * makes a list of its own; `dropComments` goes back to the shared one).
     */
    comments: CompactLeafCstNode[] = NO_COMMENTS;
    /** How much of the text the scanner has looked at so far: the tokens up to the current one depend on nothing after it. */
    examined = 0;

    /** @internal Where the scanner is in the text (`Lookahead` saves and restores it). */
    position = 0;
    /** @internal */
    lineNumber = 0;
    /** @internal */
    lineStart = 0;
    /** The token after the current one, if `peek` has read it (`hasAhead`); one object, written over. */
    private ahead: Lookahead | undefined = undefined;
    private hasAhead = false;

    /** Reads `text` from its start, or from `start` (at `line`, `column`: the first token of a deferred part, read again on demand). */
    constructor(private readonly vocabulary: Vocabulary, readonly text: string, start = 0, line = 0, column = 0) {
        this.position = start;
        this.lineNumber = line;
        this.lineStart = start - column;
        this.next();
    }

    get image(): string {
        return this.text.substring(this.start, this.end);
    }

    /** The kind of the token `n` tokens after the current one (LL(k) decisions), without moving. */
    peek(n: number): number {
        // Read ahead in place and put the state back (a copy of the scanner per decision was most of a journal entry's
        // decision: the journal's every entry is one); what was looked at stays looked at. The token after the current
        // one is kept (`ahead`), for `next` to move to without reading it again (a journal entry's kind is read by a
        // decision, then consumed); comments read ahead past it are dropped.
        const kind = this.kind;
        const start = this.start;
        const end = this.end;
        const line = this.line;
        const column = this.column;
        const multiLine = this.multiLine;
        const comments = this.comments;
        const position = this.position;
        const lineNumber = this.lineNumber;
        const lineStart = this.lineStart;
        const ahead = this.ahead;
        const hadAhead = this.hasAhead;
        let first: Lookahead | undefined;
        // Comments read ahead go to a list of their own (made only if there are any).
        this.comments = NO_COMMENTS;
        try {
            for (let i = 0; i < n && this.kind !== 0; i++) {
                this.next();
                if (i === 0) {
                    first = ahead ?? new Lookahead();
                    first.save(this);
                    this.comments = NO_COMMENTS;
                }
            }
            return this.kind;
        } finally {
            this.kind = kind;
            this.start = start;
            this.end = end;
            this.line = line;
            this.column = column;
            this.multiLine = multiLine;
            this.comments = comments;
            this.position = position;
            this.lineNumber = lineNumber;
            this.lineStart = lineStart;
            // The token ahead, as read now (or as it was, if none was read: at the end of the text).
            this.ahead = first ?? ahead;
            this.hasAhead = first !== undefined || hadAhead;
        }
    }

    /** Forgets the comments before the current token (they have been placed, or are not to be). */
    dropComments(): void {
        this.comments = NO_COMMENTS;
    }

    /** Moves to the next token that is not whitespace or a comment. */
    next(): void {
        if (this.hasAhead) {
            // Read by `peek` already.
            this.hasAhead = false;
            this.ahead!.restore(this);
            return;
        }
        const text = this.text;
        const length = text.length;
        for (;;) {
            let position = this.position;
            if (position >= length) {
                this.kind = 0;
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
            const keywords = code < 128 ? this.vocabulary.symbolKeywordsByCode[code] : this.vocabulary.symbolKeywords.get(code);
            if (keywords !== undefined) {
                this.saw(position + keywords[0][0].length);
                for (let i = 0; i < keywords.length; i++) {
                    const keyword = keywords[i][0];
                    if (keyword.length === 1 || text.startsWith(keyword, position)) {
                        this.kind = keywords[i][1];
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
        const vocabulary = this.vocabulary;
        const slot = (wordEnd - start) * 128 + text.charCodeAt(start);
        const keyword = this.wordKeyword(start, wordEnd, slot);
        this.kind = keyword !== 0 ? keyword : vocabulary.id;
        this.end = this.position = wordEnd;
        this.saw(wordEnd + 1);
        // Only a word that is the leading word of such a keyword can start one (see `Vocabulary.otherLetterKeywordStarts`).
        if (vocabulary.otherLetterKeywordStarts[slot] === true && wordEnd < text.length && !isWord(text.charCodeAt(wordEnd))) {
            for (const [other, kind] of vocabulary.otherLetterKeywords) {
                const matched = commonPrefixLength(text, start, other);
                // One character past a partial match was looked at, to see it differ.
                this.saw(start + Math.min(matched + 1, other.length));
                // `executive-decision`: a keyword wins over the word keywords it is longer than.
                if (matched === other.length && other.length > (keyword !== 0 ? wordEnd - start : longestKeywordPrefix(text.substring(start, wordEnd), vocabulary.wordKeywords))) {
                    this.kind = kind;
                    this.end = this.position = start + other.length;
                    return;
                }
            }
        }
    }

    /** The keyword that is the whole word `[start, end)` (`slot`: its length and first character, as `Vocabulary.wordKeywordTable` has them), or 0. */
    private wordKeyword(start: number, end: number, slot: number): number {
        if (end - start > this.vocabulary.longestWordKeyword) {
            return 0;
        }
        const candidates = this.vocabulary.wordKeywordTable[slot];
        if (candidates !== undefined) {
            for (let i = 0; i < candidates.length; i++) {
                if (this.text.startsWith(candidates[i][0], start)) {
                    return candidates[i][1];
                }
            }
        }
        return 0;
    }

    private numberOrDate(start: number): void {
        const text = this.text;
        this.saw(start + 10);
        // DATE comes before NUMBER in the grammar: 2026-01-31 (and 2026-01, being typed) is a date, 2026 a number.
        const date = dateLength(text, start);
        if (date > 0) {
            this.kind = this.vocabulary.date;
            this.end = this.position = start + date;
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
        this.kind = this.vocabulary.number;
        this.end = this.position = position;
        this.saw(position + 2);
    }

    private string(start: number): void {
        const text = this.text;
        const length = text.length;
        let position = start + 1;
        for (;;) {
            if (position >= length) {
                throw GiveUp.atEnd();
            }
            const code = text.charCodeAt(position);
            if (code === QUOTE) {
                break;
            }
            if (code === BACKSLASH) {
                // `\.`: any character but a line terminator follows a backslash.
                const escaped = text.charCodeAt(position + 1);
                if (position + 1 >= length || escaped === LF || escaped === CR || escaped === 0x2028 || escaped === 0x2029) {
                    throw this.giveUp(position + 2);
                }
                position += 2;
                continue;
            }
            if (code === LF || code === CR) {
                // A text ends on its line (STRING in charter.langium): a quote left open is Langium's lexer's error.
                throw this.giveUp(position + 1);
            }
            position++;
        }
        this.kind = this.vocabulary.string;
        this.end = this.position = position + 1;
        this.saw(this.end);
        this.multiLine = false;
    }

    private comment(start: number): void {
        const text = this.text;
        const second = text.charCodeAt(start + 1);
        let end: number;
        let kind: number;
        if (second === SLASH) {
            end = start + 2;
            while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) {
                end++;
            }
            kind = this.vocabulary.singleLineComment;
        } else if (second === STAR) {
            const close = text.indexOf('*/', start + 2);
            if (close < 0) {
                throw GiveUp.atEnd();
            }
            end = close + 2;
            kind = this.vocabulary.multiLineComment;
        } else {
            throw this.giveUp(start + 2);
        }
        this.saw(end + 1);
        const line = this.lineNumber;
        const column = start - this.lineStart;
        const multiLine = this.countLines(start, end);
        const comment = new CompactLeafCstNode(start, end - start, this.vocabulary.types[kind], line, column, true, multiLine);
        if (this.comments === NO_COMMENTS) {
            this.comments = [comment];
        } else {
            this.comments.push(comment);
        }
        this.position = end;
    }

    private skipWhitespace(): void {
        const text = this.text;
        const length = text.length;
        let position = this.position;
        // Lines counted as they go by (as `countLines` counts them: `\r\n` is one line end).
        while (position < length) {
            const code = text.charCodeAt(position);
            if (code === LF || code === CR) {
                if (code === CR && position + 1 < length && text.charCodeAt(position + 1) === LF) {
                    position++;
                }
                this.lineNumber++;
                this.lineStart = position + 1;
                position++;
            } else if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITESPACE.test(text[position]))) {
                position++;
            } else {
                break;
            }
        }
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

/** A scanner's state at a token read ahead (`CharterScanner.peek`), with the comments before it. */
class Lookahead {
    kind = 0;
    start = 0;
    end = 0;
    line = 0;
    column = 0;
    multiLine = false;
    comments: CompactLeafCstNode[] = NO_COMMENTS;
    position = 0;
    lineNumber = 0;
    lineStart = 0;

    save(scanner: CharterScanner): void {
        this.kind = scanner.kind;
        this.start = scanner.start;
        this.end = scanner.end;
        this.line = scanner.line;
        this.column = scanner.column;
        this.multiLine = scanner.multiLine;
        this.comments = scanner.comments;
        this.position = scanner.position;
        this.lineNumber = scanner.lineNumber;
        this.lineStart = scanner.lineStart;
    }

    /** Moves `scanner` to the token: as `next` would, the comments before it follow those the scanner holds. */
    restore(scanner: CharterScanner): void {
        scanner.kind = this.kind;
        scanner.start = this.start;
        scanner.end = this.end;
        scanner.line = this.line;
        scanner.column = this.column;
        scanner.multiLine = this.multiLine;
        if (this.comments.length > 0) {
            scanner.comments = scanner.comments.length === 0 ? this.comments : [...scanner.comments, ...this.comments];
        }
        this.comments = NO_COMMENTS;
        scanner.position = this.position;
        scanner.lineNumber = this.lineNumber;
        scanner.lineStart = this.lineStart;
    }
}

/**
 * The length of the DATE at `start`, 0 if there is none: as the grammar's
 * `/[0-9]{4}-([0-9]{1,2}(-[0-9]{0,2})?)?/` matches, four digits and a dash,
 * then one or two digits, then a dash and up to two digits (10 characters for
 * a whole date).
 */
function dateLength(text: string, start: number): number {
    for (let i = 0; i < 4; i++) {
        if (!isDigit(text.charCodeAt(start + i))) return 0;
    }
    if (text.charCodeAt(start + 4) !== DASH) return 0;
    let end = start + 5;
    const month = digitsAt(text, end, 2);
    if (month === 0) return end - start;
    end += month;
    if (text.charCodeAt(end) !== DASH) return end - start;
    end += 1;
    return end + digitsAt(text, end, 2) - start;
}

/** How many digits (at most `max`) stand at `position`. */
function digitsAt(text: string, position: number, max: number): number {
    let count = 0;
    while (count < max && isDigit(text.charCodeAt(position + count))) count++;
    return count;
}

function longestKeywordPrefix(word: string, keywords: Map<string, number>): number {
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
