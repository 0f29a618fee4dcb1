/**
 * The canonical layout of a charter, as a pure function of its tokens: the
 * formatter (`lsp/charter-formatter.ts`) and `entente fmt` both use it.
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

/** The keywords that start a clause, by the keyword of the block they are in. */
const CLAUSE_KEYWORDS: Record<string, ReadonlySet<string>> = {
    top: new Set(['party', 'charter']),
    party: new Set(['role']),
    charter: new Set(['parties', 'vision', 'term', 'review', 'objective', 'body', 'decision', 'escalation', 'commitment', 'metric', 'exit']),
    body: new Set(['members', 'votes', 'chair', 'meets']),
    decision: new Set(['proposed', 'decided', 'consults', 'informs', 'escalates']),
    escalation: new Set(['level', 'finally']),
    commitment: new Set(['owner', 'to', 'due', 'every', 'supports', 'status']),
    metric: new Set(['kind', 'owner', 'target', 'cadence', 'tracks', 'benefits']),
    exit: new Set(['notice', 'STRING'])
};

/** Blocks whose clauses with blocks of their own are set apart by blank lines. */
const SPACED_BLOCKS = new Set(['top', 'charter']);

type Separator =
    | { kind: 'none' }
    | { kind: 'space' }
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
    const inline = (previous: LayoutToken, token: LayoutToken): Separator =>
        token.image === ',' || token.image === '.' || previous.image === '.' ? { kind: 'none' } : { kind: 'space' };

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

function newlinesIn(text: string): number {
    let count = 0;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
        count++;
    }
    return count;
}

/**
 * The whitespace every gap of the text should hold in the canonical layout.
 * `tokens` are all tokens and comments of the text, in order (whitespace
 * excluded); the text must have parsed without errors.
 */
export function layoutGaps(text: string, tokens: LayoutToken[]): Gap[] {
    const code = tokens.filter(token => !isComment(token));
    const { separators: codeSeparators, depths } = separators(code);
    const gaps: Gap[] = [];
    let codeIndex = 0;
    let previousEnd = 0;
    /** Comments since the last code token: whether there were any, whether one stood on a line of its own, and whether the last was a `//` comment. */
    let group = { any: false, ownLine: false, lastWasLineComment: false };
    const line = (indent: number, blank: boolean) => `\n${blank ? '\n' : ''}${INDENT.repeat(Math.max(0, indent))}`;

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
        let whitespace: string;
        if (!token) {
            whitespace = '\n';
        } else if (isComment(token)) {
            if (atStart) {
                whitespace = '';
            } else if (newlines === 0) {
                whitespace = ' ';
            } else {
                // A comment on its own line goes with what follows it: indented like it (inside a block before its `}`).
                const indent = separator.kind === 'line' ? separator.indent + (next?.image === '}' ? 1 : 0) : continuation;
                const blank = group.any ? newlines >= 2 : blankWanted;
                whitespace = line(indent, blank);
                group.ownLine = true;
            }
            group.any = true;
            group.lastWasLineComment = token.type === 'SL_COMMENT';
        } else if (atStart) {
            whitespace = '';
        } else if (separator.kind === 'line') {
            const blank = group.any
                ? (group.ownLine ? separator.blank !== 'never' && newlines >= 2 : blankWanted)
                : blankWanted;
            whitespace = line(separator.indent, blank);
        } else if (group.any && (group.lastWasLineComment || newlines > 0)) {
            // After a comment that ends its line: a closing brace goes back to its block's indentation, anything else continues the clause.
            whitespace = line(token.image === '}' ? continuation - 1 : continuation, false);
        } else {
            whitespace = separator.kind === 'space' ? ' ' : '';
        }
        if (token && !isComment(token)) {
            codeIndex++;
            group = { any: false, ownLine: false, lastWasLineComment: false };
        }
        gaps.push({ start: previousEnd, end: start, text: whitespace });
        if (token) {
            previousEnd = token.end;
        }
    }
    // The end of the text: one newline after the last token, none if the text has no token.
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
