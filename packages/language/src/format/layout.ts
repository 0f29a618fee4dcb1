/**
 * The canonical layout of a charter, as a pure function of its tokens: the
 * formatter (`format/charter-formatter.ts`) and `entente fmt` both use it.
 *
 * Only the whitespace between tokens changes; every token and comment is kept
 * as written, in order, so a formatted charter parses to the same model. The
 * layout: four spaces of indentation per block, one clause a line, single
 * spaces inside a clause (none before `,` or around the `.` of `Party.Role`),
 * `{` at the end of its clause's line and `}` on a line of its own (`{}` when
 * empty), one blank line around every block in a charter and between
 * top-level elements that have blocks, at most one of the blank lines written
 * between other clauses, comments where they were (at the end of a line, or
 * on lines of their own, indented with what follows), no trailing spaces, and
 * one newline at the end.
 */

import { BLOCK_CLAUSES } from '../parser/generated/fast-parser.js';

/** A token or comment of the text, with its place. */
export interface LayoutToken {
    image: string;
    /** Token type name: the keyword itself for keywords, `ID`, `STRING`, `SL_COMMENT`, `ML_COMMENT`… */
    type: string;
    start: number;
    end: number;
}

/** The whitespace to put in place of the text between two tokens (or before the first, or after the last). */
export interface Gap {
    start: number;
    end: number;
    text: string;
}

const INDENT = '    ';

/** The tokens that start a clause, by the keyword of the block they are in: derived from the grammar by the parser's generator. */
const CLAUSE_KEYWORDS: Record<string, ReadonlySet<string>> = Object.fromEntries(Object.entries(BLOCK_CLAUSES).map(([block, starters]) => [block, new Set(starters)]));

/** The kinds of journal entries, and the width of the longest (`delivered`, `escalated`): names after a kind are aligned on it. */
const ENTRY_KINDS = new Set(['met', 'delivered', 'missed', 'measured', 'decided', 'raised', 'escalated', 'resolved', 'reviewed', 'assessed', 'note']);
const ENTRY_KIND_WIDTH = 9;

/** Blocks whose clauses with blocks of their own are set apart by blank lines. */
const SPACED_BLOCKS = new Set(['top', 'charter']);

type Separator =
    | { kind: 'none' }
    | { kind: 'space'; width?: number }
    | { kind: 'line'; indent: number; blank: 'never' | 'keep' | 'force' };

function isComment(token: LayoutToken): boolean {
    return token.type === 'SL_COMMENT' || token.type === 'ML_COMMENT';
}

function isKeyword(token: LayoutToken): boolean {
    return token.type === token.image;
}

/**
 * The separator before each code token, from the structure of clauses and
 * blocks. `depths[i]` is the depth of the clause token `i` belongs to.
 */
function separators(code: LayoutToken[]): { separators: Separator[]; depths: number[] } {
    const result: Separator[] = new Array(code.length);
    const depths: number[] = new Array(code.length).fill(0);
    const startsClause = (kind: string, token: LayoutToken) => {
        const keywords = CLAUSE_KEYWORDS[kind];
        return keywords !== undefined && (isKeyword(token) ? keywords.has(token.image) : keywords.has(token.type));
    };
    // A minus sign is only ever a number's (`Signed` in charter.langium): `-12`, not `- 12`.
    const inline = (previous: LayoutToken, token: LayoutToken): Separator =>
        token.image === ',' || token.image === '.' || previous.image === '.' || previous.image === '-' ? { kind: 'none' } : { kind: 'space' };

    /** Lays out the clauses of a block from `index` (after its `{`) to its `}`; returns the index of that `}`. */
    const block = (kind: string, index: number, depth: number): number => {
        let first = true;
        let previousHadBlock = false;
        let i = index;
        while (i < code.length && !(kind !== 'top' && code[i].image === '}')) {
            const clauseStart = i;
            const keyword = code[i].image;
            depths[i] = depth;
            let hasBlock = false;
            let j = i + 1;
            while (j < code.length && code[j].image !== '}' && !startsClause(kind, code[j])) {
                depths[j] = depth;
                if (code[j].image === '{' && kind === 'journal') {
                    // An entry's block (`assessed by P { trust 4 ... }`) stays on the entry's line.
                    result[j] = { kind: 'space' };
                    let k = j + 1;
                    for (; k < code.length && code[k].image !== '}'; k++) {
                        depths[k] = depth;
                        result[k] = inline(code[k - 1], code[k]);
                    }
                    if (k < code.length) {
                        depths[k] = depth;
                        result[k] = { kind: 'space' };
                    }
                    j = k + 1;
                    continue;
                }
                if (kind === 'journal' && j === i + 2 && ENTRY_KINDS.has(code[i + 1].image)) {
                    // Entries are aligned: what follows the kind starts in one column.
                    result[j] = code[j].image === ',' || code[j].image === '.' ? { kind: 'none' } : { kind: 'space', width: 1 + ENTRY_KIND_WIDTH - code[i + 1].image.length };
                    j++;
                    continue;
                }
                if (code[j].image === '{') {
                    result[j] = { kind: 'space' };
                    const close = block(keyword, j + 1, depth + 1);
                    hasBlock = close > j + 1;
                    if (close < code.length) {
                        depths[close] = depth;
                        result[close] = hasBlock ? { kind: 'line', indent: depth, blank: 'never' } : { kind: 'none' };
                    }
                    j = close + 1;
                    break;
                }
                result[j] = inline(code[j - 1], code[j]);
                j++;
            }
            const spaced = SPACED_BLOCKS.has(kind) && (hasBlock || previousHadBlock);
            // The first clause of a block follows its `{` directly; the first of the file keeps a blank line after a header comment.
            result[clauseStart] = { kind: 'line', indent: depth, blank: first ? (kind === 'top' ? 'keep' : 'never') : spaced ? 'force' : 'keep' };
            first = false;
            previousHadBlock = hasBlock;
            i = j;
        }
        return i;
    };
    block('top', 0, 0);
    return { separators: result, depths };
}

const LINE_BREAK = /\r\n|\r|\n/g;

function newlinesIn(text: string): number {
    return text.match(LINE_BREAK)?.length ?? 0;
}

/** A `//` comment that suppresses findings on the line after it (see `model/suppression-comments.ts`). */
const SUPPRESSION = /^\/\/\s*entente-disable-next-line\b/;

/**
 * The whitespace every gap of the text should hold in the canonical layout.
 * `tokens` are all tokens and comments of the text, in order (whitespace
 * excluded); the text must have parsed without errors.
 *
 * One exception to the layout keeps meaning: a suppression comment covers the
 * line after it, so whatever stood on that line stays together on the line
 * right after the comment (one clause a line yields to that).
 */
export function layoutGaps(text: string, tokens: LayoutToken[]): Gap[] {
    // A trailing space inside a `//` comment is whitespace like any other: the gap after the comment takes it.
    tokens = tokens.map(token => token.type === 'SL_COMMENT' ? { ...token, end: token.start + token.image.trimEnd().length } : token);
    const code = tokens.filter(token => !isComment(token));
    const { separators: codeSeparators, depths } = separators(code);
    const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
    // The line each token starts on, and the lines suppression comments cover.
    const lineOf: number[] = [];
    const suppressedLines = new Set<number>();
    {
        let line = 0;
        let position = 0;
        for (const token of tokens) {
            line += newlinesIn(text.slice(position, token.start));
            lineOf.push(line);
            line += newlinesIn(text.slice(token.start, token.end));
            position = token.end;
            if (token.type === 'SL_COMMENT' && SUPPRESSION.test(token.image)) {
                suppressedLines.add(line + 1);
            }
        }
    }
    // Closing braces that end a suppressed line may still go to lines of their own: no finding starts at a brace.
    const freeBraces = new Set<number>();
    for (let index = tokens.length - 1; index >= 0; index--) {
        if (tokens[index].image === '}' && suppressedLines.has(lineOf[index]) && (freeBraces.has(index + 1) || lineOf[index + 1] !== lineOf[index])
            && lineOf[index - 1] === lineOf[index]) {
            freeBraces.add(index);
        }
    }
    const gaps: Gap[] = [];
    let codeIndex = 0;
    let previousEnd = 0;
    /** Comments since the last code token: whether there were any, whether one stood on a line of its own, and whether the last was a `//` comment. */
    let group = { any: false, ownLine: false, lastWasLineComment: false };
    const line = (indent: number, blank: boolean) => `${eol}${blank ? eol : ''}${INDENT.repeat(Math.max(0, indent))}`;

    for (let index = 0; index <= tokens.length; index++) {
        const token = tokens[index] as LayoutToken | undefined;
        const start = token ? token.start : text.length;
        const original = text.slice(previousEnd, start);
        const newlines = newlinesIn(original);
        const atStart = index === 0;
        // The next code token and the separator it asks for (the end of the text asks for a line of its own).
        const next = code[codeIndex] as LayoutToken | undefined;
        const separator: Separator = next ? codeSeparators[codeIndex] : { kind: 'line', indent: 0, blank: 'keep' };
        const continuation = (next ? depths[codeIndex] : 0) + 1;
        const blankWanted = separator.kind === 'line' && (separator.blank === 'force' || (separator.blank === 'keep' && newlines >= 2));
        const suppressed = token !== undefined && suppressedLines.has(lineOf[index]) && !freeBraces.has(index);
        let whitespace: string;
        if (!token) {
            whitespace = eol;
        } else if (atStart) {
            whitespace = '';
        } else if (suppressed && lineOf[index - 1] === lineOf[index]) {
            // Inside a suppressed line: stays on it.
            whitespace = isComment(token) ? ' ' : separator.kind === 'space' ? ' '.repeat(separator.width ?? 1) : separator.kind !== 'none' ? ' ' : '';
        } else if (suppressed && lineOf[index - 1] === lineOf[index] - 1 && tokens[index - 1].type === 'SL_COMMENT' && SUPPRESSION.test(tokens[index - 1].image)) {
            // The first token of a suppressed line: on the line right after its comment, no blank line between.
            const indent = separator.kind === 'line' ? separator.indent + (next?.image === '}' && isComment(token) ? 1 : 0)
                : token.image === '}' ? continuation - 1 : continuation;
            whitespace = line(indent, false);
        } else if (isComment(token)) {
            if (newlines === 0) {
                whitespace = ' ';
            } else {
                // A comment on its own line goes with what follows it: indented like it (inside a block before its `}`).
                const indent = separator.kind === 'line' ? separator.indent + (next?.image === '}' ? 1 : 0) : continuation;
                const blank = group.ownLine ? newlines >= 2 : blankWanted;
                whitespace = line(indent, blank);
                group.ownLine = true;
            }
        } else if (separator.kind === 'line') {
            const blank = group.ownLine ? separator.blank !== 'never' && newlines >= 2 : blankWanted;
            whitespace = line(separator.indent, blank);
        } else if (group.any && (group.lastWasLineComment || newlines > 0)) {
            // After a comment that ends its line: a closing brace goes back to its block's indentation, anything else continues the clause.
            whitespace = line(token.image === '}' ? continuation - 1 : continuation, false);
        } else {
            whitespace = separator.kind === 'space' ? ' '.repeat(separator.width ?? 1) : '';
        }
        // Nothing from a later line joins a suppressed line: the comment would cover it too.
        if (token && index > 0 && lineOf[index] !== lineOf[index - 1] && suppressedLines.has(lineOf[index - 1]) && !freeBraces.has(index - 1)
            && !/[\r\n]/.test(whitespace)) {
            whitespace = line(separator.kind === 'line' ? separator.indent : token.image === '}' ? continuation - 1 : continuation, false);
        }
        if (token && isComment(token)) {
            group.any = true;
            group.lastWasLineComment = token.type === 'SL_COMMENT';
        } else if (token) {
            codeIndex++;
            group = { any: false, ownLine: false, lastWasLineComment: false };
        }
        gaps.push({ start: previousEnd, end: start, text: whitespace });
        if (token) {
            previousEnd = token.end;
        }
    }
    // The end of the text: one line end after the last token, none if the text has no token.
    if (tokens.length === 0) {
        gaps[gaps.length - 1].text = '';
    }
    return gaps;
}

/** The text with every gap replaced. */
export function applyGaps(text: string, gaps: Gap[]): string {
    let result = '';
    let position = 0;
    for (const gap of gaps) {
        result += text.slice(position, gap.start) + gap.text;
        position = gap.end;
    }
    return result + text.slice(position);
}

/**
 * The text with each journal's entries in date order (stable: entries of one
 * date keep their order). A comment on lines of its own before an entry moves
 * with it; one at the end of an entry's line stays on it. Undefined when
 * every journal is already in order. `tokens` as for `layoutGaps`.
 */
export function sortJournalEntries(text: string, tokens: LayoutToken[]): string | undefined {
    const code = tokens.map((token, index) => ({ token, index })).filter(({ token }) => !isComment(token));
    let result = '';
    let position = 0;
    let changed = false;
    for (let c = 0; c < code.length; c++) {
        // `journal` is a keyword of the top level only.
        if (code[c].token.image !== 'journal' || code[c].token.type !== 'journal') {
            continue;
        }
        // The journal's block: from its `{` to the matching `}`.
        let open = c + 1;
        while (open < code.length && code[open].token.image !== '{') open++;
        let depth = 0;
        let close = open;
        for (; close < code.length; close++) {
            const image = code[close].token.image;
            if (image === '{') depth++;
            else if (image === '}' && --depth === 0) break;
        }
        // Entries start at each DATE directly inside the block.
        const starts: number[] = [];
        depth = 0;
        for (let k = open + 1; k < close; k++) {
            const image = code[k].token.image;
            if (image === '{') depth++;
            else if (image === '}') depth--;
            else if (depth === 0 && code[k].token.type === 'DATE') starts.push(k);
        }
        if (starts.length < 2) continue;
        const dates = starts.map(k => code[k].token.image);
        if (dates.every((date, index) => index === 0 || dates[index - 1] <= date)) continue;
        // Where each entry's text begins: its own-line comments before it, else its date.
        const lineOf = (offset: number) => newlinesIn(text.slice(0, offset));
        const begin = starts.map(k => {
            const previousEnd = code[k - 1].token.end;
            const previousLine = lineOf(previousEnd);
            for (let t = code[k - 1].index + 1; t < code[k].index; t++) {
                if (lineOf(tokens[t].start) > previousLine) return tokens[t].start;
            }
            return code[k].token.start;
        });
        const lastEnd = (() => {
            // The last entry ends with the last token before the journal's `}` (a comment on its line included).
            const closeIndex = code[close]?.index ?? tokens.length;
            let end = code[close - 1].token.end;
            const line = lineOf(end);
            for (let t = code[close - 1].index + 1; t < closeIndex; t++) {
                if (lineOf(tokens[t].start) === line) end = tokens[t].end;
            }
            return end;
        })();
        const segments = starts.map((_k, n) => ({ date: dates[n], order: n, text: text.slice(begin[n], n + 1 < starts.length ? begin[n + 1] : lastEnd).trimEnd() }));
        segments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order));
        result += text.slice(position, begin[0]) + segments.map(segment => segment.text).join('\n');
        position = lastEnd;
        changed = true;
        c = close;
    }
    return changed ? result + text.slice(position) : undefined;
}
