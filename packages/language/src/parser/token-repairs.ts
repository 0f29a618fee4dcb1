import type { IRecognitionException, IToken, ISyntacticContentAssistPath, TokenType } from 'chevrotain';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';
import { closest, editDistance } from '../util/closest.js';
import { ELEMENT_KEYWORDS } from '../wording.js';
import type { ParserError } from './parser-errors.js';

/**
 * A mistake of a word the parser stumbled on, which it reads past as what was
 * meant: a misspelt keyword (`decison`, `consult`, `ower`), two keywords
 * written together (`decidedby`), a word used for a keyword (`until` for
 * `to`), or a comma left out of a list of names (`parties Acme Globex`). The
 * finding stands on the word (`start`–`end` of the text is what its quick fix
 * replaces with `newText`), and the text after it is read as if it were
 * written as meant: a typo costs one finding, not the rest of the charter.
 */
export interface TokenRepair {
    readonly message: string;
    readonly title: string;
    readonly start: number;
    readonly end: number;
    readonly newText: string;
}

/** A parse error that stands for a repair: its token is the word as written. */
type RepairError = IRecognitionException & { repair: TokenRepair };

/** The repair an error of the parse stands for, if it is one. */
export function repairOf(error: ParserError): TokenRepair | undefined {
    return (error as Partial<RepairError>).repair;
}

/** The error of a parse that a repair stands for. */
export function repairError(token: IToken, repair: TokenRepair): IRecognitionException {
    const error: RepairError = { name: 'TokenRepair', message: repair.message, token, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] }, repair, stack: undefined };
    return error;
}

/** Words written for a keyword that are no misspelling of it. */
const SYNONYMS: Readonly<Record<string, string>> = { until: 'to', till: 'to' };

/** The keywords that begin a top-level element: where reading can start again after an error. */
const TOP_LEVEL = new Set(['party', 'charter', 'journal']);

/** What a text's tokens are at a place where the parser stumbled, read as what was meant. */
export interface RepairedTokens {
    readonly tokens: IToken[];
    readonly repair: TokenRepair;
}

/**
 * Finds the repair of a parse error, from the tokens that may come where the
 * parser stumbled (Chevrotain's content assist, from the start of the
 * top-level element the error is in). Only a keyword that stands for itself
 * is guessed (`decision`, `consults`, `by`), not one that is a value
 * (`quarterly`, `majority`): a value keyword keeps its text, so a misspelling
 * would become the value.
 */
export class TokenRepairs {
    private readonly structural = new Set<string>();
    private readonly valueRules = new Set<string>();
    /** The keyword each clause begins with (`consults`, `decided`), by its rule. */
    private readonly clauses = new Map<string, string>();

    constructor(grammar: GrammarAST.Grammar, private readonly types: Readonly<Record<string, TokenType>>) {
        for (const rule of grammar.rules) {
            if (GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule)) {
                this.valueRules.add(rule.name);
            }
        }
        for (const rule of grammar.rules) {
            if (!GrammarAST.isParserRule(rule) || this.valueRules.has(rule.name)) continue;
            const first = AstUtils.streamAllContents(rule).find(node => GrammarAST.isKeyword(node));
            if (rule.fragment && GrammarAST.isKeyword(first)) this.clauses.set(rule.name, first.value);
            for (const node of AstUtils.streamAllContents(rule)) {
                const assignment = GrammarAST.isKeyword(node) ? AstUtils.getContainerOfType(node, GrammarAST.isAssignment) : undefined;
                if (GrammarAST.isKeyword(node) && /^[a-z][a-z-]*$/.test(node.value) && (!assignment || assignment.operator === '?=')) {
                    this.structural.add(node.value);
                }
            }
        }
    }

    /** The tokens read as meant where `error` stands, or undefined when no repair is near enough. */
    find(tokens: readonly IToken[], error: ParserError, assist: (preceding: IToken[]) => ISyntacticContentAssistPath[]): RepairedTokens | undefined {
        const token = error.token;
        if (token.tokenType?.name !== 'ID' || isNaN(token.startOffset)) {
            return undefined;
        }
        const index = tokens.indexOf(token);
        if (index < 0) {
            return undefined;
        }
        const paths = assist(preceding(tokens, index));
        const next = new Map<string, ISyntacticContentAssistPath[]>();
        for (const path of paths) {
            next.set(path.nextTokenType.name, [...(next.get(path.nextTokenType.name) ?? []), path]);
        }
        const word = token.image;
        const keywords = [...next.keys()].filter(name => this.structural.has(name)
            && next.get(name)!.every(path => !this.valueRules.has(ruleName(path.ruleStack.at(-1)))));
        const previous = tokens[index - 1];
        // A name's first letter is a capital as a rule, a keyword's never: a word in small letters near a keyword is the
        // keyword, and one anywhere near (`con`, as `consults` is typed) is no name after a missing comma either.
        const lower = /^[a-z]/.test(word);
        const nearest = lower ? closest(word, keywords) : undefined;
        const guess = nearest !== undefined && nearEnough(word, nearest) ? nearest : undefined;
        if (next.has(',') && previous?.tokenType.name === 'ID' && previous.endLine === token.startLine && nearest === undefined) {
            return this.withComma(tokens, index);
        }
        if (!lower) {
            return undefined;
        }
        for (const first of keywords) {
            const rest = word.slice(first.length);
            if (word.startsWith(first) && this.structural.has(rest) && this.types[rest]) {
                const split = [
                    retyped(token, this.types[first], 0, first.length),
                    retyped(token, this.types[rest], first.length, rest.length)
                ];
                return {
                    tokens: [...tokens.slice(0, index), ...split, ...tokens.slice(index + 1)],
                    repair: this.change(token, `${first} ${rest}`, `\`${word}\` is two keywords written together (did you mean \`${first} ${rest}\`?).`)
                };
            }
        }
        const meant = Object.hasOwn(SYNONYMS, word) && keywords.includes(SYNONYMS[word]) ? SYNONYMS[word] : guess;
        if (!meant || !this.types[meant]) {
            return undefined;
        }
        return {
            tokens: [...tokens.slice(0, index), retyped(token, this.types[meant], 0, word.length, word), ...tokens.slice(index + 1)],
            repair: this.change(token, meant, `${whatIsNot(word, meant, next.get(meant)!, this.clauses)} (did you mean \`${meant}\`?).`)
        };
    }

    /** A comma read between the name before `index` and the one at it. */
    private withComma(tokens: readonly IToken[], index: number): RepairedTokens {
        const previous = tokens[index - 1];
        const qualified = tokens[index - 2]?.tokenType.name === '.' && tokens[index - 3]?.tokenType.name === 'ID';
        const name = qualified ? `${tokens[index - 3].image}.${previous.image}` : previous.image;
        // Not in the syntax tree (Langium leaves out a token with no place in the text), as a token Chevrotain inserts.
        const comma: IToken = { ...retyped(previous, this.types[','], 0, 1, ','), startOffset: NaN, endOffset: NaN, isInsertedInRecovery: true };
        const after = (previous.endOffset ?? previous.startOffset + previous.image.length - 1) + 1;
        return {
            tokens: [...tokens.slice(0, index), comma, ...tokens.slice(index)],
            repair: {
                message: `Names in a list are separated by commas: write a comma after \`${name}\`, before \`${tokens[index].image}\`.`,
                title: `Add a comma after ${name}`,
                start: after,
                end: after,
                newText: ','
            }
        };
    }

    private change(token: IToken, meant: string, message: string): TokenRepair {
        return { message, title: `Change \`${token.image}\` to \`${meant}\``, start: token.startOffset, end: token.startOffset + token.image.length, newText: meant };
    }
}

/**
 * What a word is not, by the keyword it is near: an element (`decison` for
 * `decision`), a clause of one (`consult` in a decision), or another keyword
 * of one (`until` in a term).
 */
function whatIsNot(word: string, meant: string, paths: readonly ISyntacticContentAssistPath[], clauses: ReadonlyMap<string, string>): string {
    const rules = paths[0].ruleStack.map(ruleName);
    const rule = rules.at(-1) ?? '';
    if (FIRST_KEYWORDS[rule] === meant) {
        return `\`${word}\` is no kind of element`;
    }
    const element = [...rules].reverse().find(name => Object.hasOwn(FIRST_KEYWORDS, name));
    const kind = element === undefined ? undefined : FIRST_KEYWORDS[element];
    const of = kind === undefined ? '' : kind === 'exit' ? ' of the exit terms' : ` of a${/^[aeiou]/.test(kind) ? 'n' : ''} ${kind}`;
    // The first keyword of a clause (a fragment of the element's rule), or a keyword of the element's own (`reserved`).
    const clause = clauses.get(rule) === meant || (rule === element && rule !== 'Term' && rule !== 'Review');
    return clause ? `\`${word}\` is no clause${of}` : `\`${word}\` is no keyword${of}`;
}

/**
 * Whether a word is near enough a keyword to be read as it: at most one edit
 * away in a word of four letters or fewer, two in a longer one, or the
 * keyword's beginning. `closest` (made for rule ids and kinds of entry, which
 * a message only names) goes up to three, and would read `con` as `by`.
 */
function nearEnough(word: string, keyword: string): boolean {
    return editDistance(word, keyword) <= (word.length <= 4 ? 1 : 2) || (word.length >= 3 && keyword.startsWith(word));
}

/** The keywords an element of a charter or a party begins with; an entry of a journal begins with a date. */
const INNER_ELEMENTS = new Set(['parties', 'vision', 'term', 'review', 'objective', 'body', 'decision', 'escalation', 'commitment', 'metric', 'exit', 'role']);

/**
 * The tokens that say what may come at `index`: those of the top-level
 * element it is in, less the whole elements of its block before the one it is
 * in (a block's elements may come in any order and number, so what may come
 * after them is the same without them). Content assist takes time in the
 * number of tokens it is given: a charter of 10,000 elements took a second.
 */
function preceding(tokens: readonly IToken[], index: number): IToken[] {
    let start = index - 1;
    while (start > 0 && !TOP_LEVEL.has(tokens[start].tokenType.name)) start--;
    start = Math.max(start, 0);
    let open = start;
    while (open < index && tokens[open].tokenType.name !== '{') open++;
    if (open >= index) {
        return tokens.slice(start, index);
    }
    const journal = tokens[start].tokenType.name === 'journal';
    // The last element begun in the top-level element's block (at its depth) before `index`: the one `index` is in.
    let depth = 1;
    let last = -1;
    for (let at = open + 1; at < index; at++) {
        const type = tokens[at].tokenType.name;
        if (type === '{') depth++;
        else if (type === '}') depth--;
        else if (depth === 1 && (journal ? type === 'DATE' : INNER_ELEMENTS.has(type))) last = at;
    }
    if (last >= 0) {
        return [...tokens.slice(start, open + 1), ...tokens.slice(last, index)];
    }
    return tokens.slice(start, index);
}

/** The keyword each element of a file or a charter begins with, by its rule. */
const FIRST_KEYWORDS: Readonly<Record<string, string>> = { ...ELEMENT_KEYWORDS, PartyList: 'parties', Vision: 'vision', Term: 'term', Review: 'review', Exit: 'exit' };

/** A rule's name as the grammar writes it (Langium gives Chevrotain's a zero-width space at the end). */
function ruleName(name: string | undefined): string {
    return (name ?? '').replace(/\W/g, '');
}

/** The token of `type` read from `length` characters of `token` at `from` (its text `image`, the keyword's own unless given). */
function retyped(token: IToken, type: TokenType, from: number, length: number, image = String(type.name)): IToken {
    return {
        ...token,
        image,
        startOffset: token.startOffset + from,
        endOffset: token.startOffset + from + length - 1,
        startColumn: token.startColumn === undefined ? undefined : token.startColumn + from,
        endColumn: token.startColumn === undefined ? undefined : token.startColumn + from + length - 1,
        endLine: token.startLine,
        tokenType: type,
        tokenTypeIdx: type.tokenTypeIdx!
    };
}
