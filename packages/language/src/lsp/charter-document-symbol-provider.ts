import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import { ELEMENT_KEYWORDS } from '../wording.js';


/** The longest an entry's line is shown in the outline. */
const ENTRY_LABEL_LENGTH = 80;

/**
 * Langium's outline (every named element, nested as written), with a
 * journal's entries in it: each by its line as written (`2026-01-20 met
 * SteeringCommittee with …`), in the order written, so that the outline,
 * the breadcrumbs and "Go to Symbol" reach an entry by its date or its
 * words. An entry has no name of its own; a `raised` entry's issue is its
 * child. An element with a title shows it beside its name (`SteeringCommittee  Joint steering
 * committee`). An element whose name is not written yet (`decision { … }`) is shown as `(unnamed
 * decision)` at its keyword, with its children under it, so that the outline follows the text, in
 * the order it is written.
 */
export class CharterDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: unknown }).title;
        if (typeof title === 'string' && title !== '') {
            symbol.detail = title;
        }
        return symbol;
    }

    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const cst = node.$cstNode;
        if (ast.isEntry(node) && cst) {
            // From the text, by the entry's offset: a journal's entries keep their syntax nodes unread
            // (parser/deferred-parts.ts), and reading each to find where it ends took a 10k-entry outline 100-350 ms.
            // An entry is shown by its first line, which is almost always all of it.
            const text = document.textDocument.getText();
            const start = document.textDocument.positionAt(cst.offset);
            let end = cst.offset;
            while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
            const line = text.slice(cst.offset, end).replace(/\s+/g, ' ').trim();
            const range = { start, end: { line: start.line, character: start.character + (end - cst.offset) } };
            const date = node.date === undefined ? range : { start, end: { line: start.line, character: start.character + node.date.length } };
            return [{
                kind: SymbolKind.Event,
                name: line.length > ENTRY_LABEL_LENGTH ? `${line.slice(0, ENTRY_LABEL_LENGTH - 1)}…` : line,
                range,
                selectionRange: date,
                // Of the entries, only a `raised` one declares a name (its issue), found in the line as written.
                children: ast.isRaised(node) ? issueSymbol(node, text.slice(cst.offset, end), start) : undefined
            }];
        }
        const keyword = Object.hasOwn(ELEMENT_KEYWORDS, node.$type) ? ELEMENT_KEYWORDS[node.$type] : undefined;
        if (keyword && cst && !this.nameProvider.getNameNode(node)) {
            const at = GrammarUtils.findNodeForKeyword(cst, keyword);
            if (at) {
                return [this.createSymbol(document, node, cst, at, `(unnamed ${keyword})`)];
            }
        }
        return super.getSymbol(document, node);
    }

    /**
     * A node's symbols in the order they are written: Langium goes through a charter's elements by
     * kind (its bodies, then its decisions, …), so a decision written after an escalation came before it.
     */
    protected override getChildSymbols(document: LangiumDocument, node: AstNode): DocumentSymbol[] | undefined {
        const children = super.getChildSymbols(document, node);
        return children?.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }
}

/** The issue a `raised` entry declares, where its name stands on the entry's line (after `raised`). */
function issueSymbol(entry: ast.Raised, line: string, start: { line: number; character: number }): DocumentSymbol[] | undefined {
    const name = entry.issue?.name;
    const kind = line.indexOf('raised');
    const at = name && kind >= 0 ? line.indexOf(name, kind + 'raised'.length) : -1;
    if (!name || at < 0) {
        return undefined;
    }
    const range = { start: { line: start.line, character: start.character + at }, end: { line: start.line, character: start.character + at + name.length } };
    return [{ kind: SymbolKind.Key, name, range, selectionRange: range }];
}
