import type { IToken, TokenType } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { closest } from '../util/closest.js';

/** How the grammar's terminals read in a message. */
const TERMINALS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a text in quotes',
    NUMBER: 'a number',
    DATE: 'a date (YYYY-MM-DD)',
    EOF: 'the end of the file'
};

/** What a file holds, one after another. */
const ELEMENTS = 'a `party`, `charter` or `journal`';

/**
 * At most this many of the token sequences that could have come are listed
 * when there are more than MAX_WHOLE; up to MAX_WHOLE, all are: "`months` or
 * 2 more" is no shorter than "`months`, `business day` or `business days`",
 * and says less.
 */
const MAX_LISTED = 6;
const MAX_WHOLE = MAX_LISTED + 2;

/**
 * The parser's messages in the words of a charter's writer: "Expected a
 * name after `decided by`, found `}`." rather than Chevrotain's "Expecting
 * token of type 'ID' but found `}`." or its numbered lists of token
 * sequences. Each says what was expected, after what, and what was found.
 */
export class CharterParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage({ expected, actual, previous }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        // The end of the file is expected after the last element: what may come instead is another element.
        const what = expected.name === 'EOF' ? ELEMENTS : described(expected);
        return `Expected ${what}${after(previous, actual)}, found ${found(actual)}${meant([expected], actual)}.`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return `Expected ${ELEMENTS}, found ${found(firstRedundant)}.`;
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return `Expected ${listed(expectedPathsPerAlt.flat())}${after(previous, actual[0])}, found ${found(actual[0])}${meant(expectedPathsPerAlt.flat().map(path => path[0]), actual[0])}.`;
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual, previous }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return `Expected at least ${listed(expectedIterationPaths)}${after(previous, actual[0])}, found ${found(actual[0])}.`;
    }
}

/**
 * The message of a block left open, once it is known which element's block it
 * is (the model builder knows, from the syntax tree): "Expected `}` to close
 * body Board, opened on line 5, found `decision`.", where the parser alone
 * could say only "Expected `}` after `}`".
 */
export function unclosedBlockMessage(block: string, openedOnLine: number, actual: IToken | undefined): string {
    return `Expected \`}\` to close ${block}, opened on line ${openedOnLine}, found ${found(actual)}.`;
}

/** Whether a mismatch message is the parser's for a `}` it expected (see `unclosedBlockMessage`). */
export function expectsClosingBrace(message: string): boolean {
    return message.startsWith('Expected `}`');
}

/** A token type in words: a terminal by what it holds, a keyword or punctuation as written. */
function described(type: TokenType): string {
    return TERMINALS[type.name] ?? `\`${type.name.replace(/:KW$/, '')}\``;
}

/** The token sequences that could have come, each in words, without repeats: all of a few, the first MAX_LISTED of many. */
function listed(paths: TokenType[][]): string {
    const texts = [...new Set(paths.map(path => path.map(described).join(' then ')))];
    const shown = texts.length > MAX_WHOLE ? [...texts.slice(0, MAX_LISTED), `${texts.length - MAX_LISTED} more`] : texts;
    return shown.length <= 1 ? (shown[0] ?? 'something else') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

/**
 * A word written where a keyword was expected, near one of them (`meets
 * quartely`, `votes bye`): " (did you mean `quarterly`?)". Only a name is
 * read as a misspelt keyword, and only a keyword that is a word is guessed.
 */
function meant(expected: ReadonlyArray<TokenType | undefined>, actual: IToken | undefined): string {
    if (!actual || actual.tokenType?.name !== 'ID') {
        return '';
    }
    const keywords = [...new Set(expected.map(type => type?.name.replace(/:KW$/, '')).filter((name): name is string => !!name && /^[a-z][a-z-]+$/.test(name)))];
    const guess = keywords.includes(actual.image) ? undefined : closest(actual.image, keywords);
    return guess ? ` (did you mean \`${guess}\`?)` : '';
}

/** " after `previous`", when there is a token before the one found (after a recovery, Chevrotain may give the same one). */
function after(previous: IToken | undefined, actual: IToken | undefined): string {
    const before = previous && previous.image && !isNaN(previous.startOffset) && !(actual && previous.startOffset >= actual.startOffset);
    return before ? ` after \`${previous.image}\`` : '';
}

/** What was found: the token as written, or the end of the file. */
export function found(token: IToken | undefined): string {
    return !token || token.tokenType?.name === 'EOF' || token.image === '' ? 'the end of the file' : `\`${token.image}\``;
}
