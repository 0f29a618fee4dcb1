import type { AstNode, LangiumCoreServices, LangiumDocument } from 'langium';
import { isDocument, isJournal, Unfinished } from '../generated/ast.js';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver-protocol';
import { applyGaps, layoutGaps, sortJournalEntries, type Gap, type LayoutToken } from './layout.js';
import { findSuppressionComments } from '../model/suppression-comments.js';

/**
 * Document and range formatting: the canonical layout of `format/layout.ts`.
 * A charter with syntax errors (a journal entry cut short among them) is
 * left as it is (no edits): guessing at the layout of text the parser cannot
 * read could move what the user meant.
 */
export class CharterFormatter implements Formatter {
    protected readonly services: LangiumCoreServices;

    constructor(services: LangiumCoreServices) {
        this.services = services;
    }

    /** The gaps of the text in the canonical layout; undefined when the text does not parse, or the layout would change what it means. */
    layout(text: string): Gap[] | undefined {
        const result = this.check(text);
        return result.gaps;
    }

    /** The text in the canonical layout (journal entries sorted by date), or undefined when it does not parse (or could not be laid out safely). */
    format(text: string): string | undefined {
        return this.check(text).formatted;
    }

    /**
     * Lays the text out and checks the result before handing it over: the same
     * tokens and comments in the same order, and every suppression comment
     * covering the same tokens. The layout is built to keep both; this is the
     * safety net that turns a mistake into "not formatted" instead of a
     * changed charter.
     */
    check(text: string): { gaps?: Gap[]; formatted?: string; problem?: 'syntax' | 'unsafe' } {
        let tokens = this.tokensOf(text);
        if (!tokens) {
            return { problem: 'syntax' };
        }
        // Journal entries go in date order first (docs/journal.md); the gaps are then those of the sorted text.
        const sorted = sortJournalEntries(text, tokens);
        const laidOut = sorted ?? text;
        if (sorted !== undefined) {
            const sortedTokens = this.tokensOf(sorted);
            if (!sortedTokens || !sameTokens(sortedTokens, tokens)) {
                return { problem: 'unsafe' };
            }
            tokens = sortedTokens;
        }
        const gaps = layoutGaps(laidOut, tokens);
        const formatted = applyGaps(laidOut, gaps);
        const after = this.tokensOf(formatted);
        if (!after || fingerprint(formatted, after) !== fingerprint(laidOut, tokens)) {
            return { problem: 'unsafe' };
        }
        return sorted === undefined ? { gaps, formatted } : { formatted };
    }

    /** Every token and comment of the text, in order; undefined when the text does not parse, or has a journal entry cut short. */
    protected tokensOf(text: string): LayoutToken[] | undefined {
        const parsed = this.services.parser.LangiumParser.parse(text);
        if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0 || hasUnfinishedEntry(parsed.value)) {
            return undefined;
        }
        const lexed = this.services.parser.Lexer.tokenize(text);
        return [...lexed.tokens, ...lexed.hidden]
            .map(token => ({ image: token.image, type: token.tokenType.name, start: token.startOffset, end: token.startOffset + token.image.length }))
            .sort((a, b) => a.start - b.start);
    }

    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, () => true);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const textDocument = document.textDocument;
        // The whitespace before each token in the range, from the start of its first line: that line's indentation is laid out too.
        const from = textDocument.offsetAt({ line: params.range.start.line, character: 0 });
        const to = textDocument.offsetAt(params.range.end);
        return this.edits(document, gap => gap.end >= from && gap.end <= to);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    protected edits(document: LangiumDocument, include: (gap: Gap) => boolean): TextEdit[] {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const result = this.check(text);
        if (!result.gaps && result.formatted !== undefined) {
            // Entries were sorted: one edit of the whole text.
            return result.formatted === text ? [] : [{ range: { start: { line: 0, character: 0 }, end: textDocument.positionAt(text.length) }, newText: result.formatted }];
        }
        const gaps = result.gaps ?? [];
        return gaps
            .filter(gap => include(gap) && text.slice(gap.start, gap.end) !== gap.text)
            .map(gap => ({ range: { start: textDocument.positionAt(gap.start), end: textDocument.positionAt(gap.end) }, newText: gap.text }));
    }
}

/**
 * Whether a journal of the text has an entry cut short (`2026-11-22 deliv`):
 * the parser reads past it so the rest of the journal is checked, but it is a
 * syntax error to the checker, and sorting it among the entries could move
 * what is being typed.
 */
function hasUnfinishedEntry(root: AstNode): boolean {
    return isDocument(root) && root.elements.some(element => isJournal(element) && element.entries.some(entry => entry.$type === Unfinished.$type));
}

/** What formatting must not change: the tokens and comments in order (comments without trailing spaces), and the tokens each suppression comment covers (closing braces aside: no finding starts at one). */
function fingerprint(text: string, tokens: LayoutToken[]): string {
    const lineStarts = [0];
    for (const match of text.matchAll(/\r\n|\r|\n/g)) {
        lineStarts.push(match.index + match[0].length);
    }
    const lineOf = (offset: number) => {
        let low = 0;
        let high = lineStarts.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (lineStarts[middle] <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    };
    const comments = tokens.filter(token => token.type === 'SL_COMMENT').map(token => {
        const line = lineOf(token.start);
        return { image: token.image, line, character: token.start - lineStarts[line] };
    });
    const covered = findSuppressionComments(comments).map(comment =>
        `${comment.ruleIds.map(rule => rule.id).join(',')}→${tokens.filter(token => lineOf(token.start) === comment.line + 1 && token.image !== '}').map(token => token.image).join(' ')}`);
    return JSON.stringify([tokens.map(token => token.type === 'SL_COMMENT' ? token.image.trimEnd() : token.image), covered]);
}

/** Whether two texts have the same tokens and comments, in any order (sorting moves whole entries). */
function sameTokens(a: LayoutToken[], b: LayoutToken[]): boolean {
    const key = (tokens: LayoutToken[]) => tokens.map(token => `${token.type}\u0000${token.type === 'SL_COMMENT' ? token.image.trimEnd() : token.image}`).sort().join('\u0001');
    return a.length === b.length && key(a) === key(b);
}
