import type { LangiumDocument } from 'langium';
import type { Formatter, LangiumServices } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver-protocol';
import { applyGaps, layoutGaps, type Gap, type LayoutToken } from '../format/layout.js';

/**
 * Document and range formatting: the canonical layout of `format/layout.ts`.
 * A charter with syntax errors is left as it is (no edits): guessing at the
 * layout of text the parser cannot read could move what the user meant.
 */
export class CharterFormatter implements Formatter {
    protected readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        this.services = services;
    }

    /** The gaps of the text in the canonical layout, or undefined when the text does not parse. */
    layout(text: string): Gap[] | undefined {
        const parsed = this.services.parser.LangiumParser.parse(text);
        if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) {
            return undefined;
        }
        const lexed = this.services.parser.Lexer.tokenize(text);
        const tokens: LayoutToken[] = [...lexed.tokens, ...lexed.hidden]
            .map(token => ({ image: token.image, type: token.tokenType.name, start: token.startOffset, end: token.startOffset + token.image.length }))
            .sort((a, b) => a.start - b.start);
        return layoutGaps(text, tokens);
    }

    /** The text in the canonical layout, or undefined when it does not parse. */
    format(text: string): string | undefined {
        const gaps = this.layout(text);
        return gaps && applyGaps(text, gaps);
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
        const gaps = this.layout(text) ?? [];
        return gaps
            .filter(gap => include(gap) && text.slice(gap.start, gap.end) !== gap.text)
            .map(gap => ({ range: { start: textDocument.positionAt(gap.start), end: textDocument.positionAt(gap.end) }, newText: gap.text }));
    }
}
