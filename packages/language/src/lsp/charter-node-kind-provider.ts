import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/**
 * The icon of each kind of element, in the outline, breadcrumbs, "Go to
 * Symbol" and completion: Langium's default gives every element a field's.
 * The pairs are chosen for how they read, not for what the names mean in a
 * programming language: a party a class (its roles its fields), a body a
 * struct of seats, a decision a function, an escalation an enum of its
 * levels; a journal's entries (charter-document-symbol-provider.ts) events.
 */
const KINDS: Readonly<Record<string, readonly [SymbolKind, CompletionItemKind]>> = {
    Party: [SymbolKind.Class, CompletionItemKind.Class],
    Role: [SymbolKind.Field, CompletionItemKind.Field],
    Charter: [SymbolKind.Namespace, CompletionItemKind.Module],
    Journal: [SymbolKind.Module, CompletionItemKind.Module],
    Objective: [SymbolKind.Constant, CompletionItemKind.Constant],
    Body: [SymbolKind.Struct, CompletionItemKind.Struct],
    Decision: [SymbolKind.Function, CompletionItemKind.Function],
    Escalation: [SymbolKind.Enum, CompletionItemKind.Enum],
    Commitment: [SymbolKind.Interface, CompletionItemKind.Interface],
    Metric: [SymbolKind.Number, CompletionItemKind.Unit],
    Issue: [SymbolKind.Key, CompletionItemKind.Reference]
};

/** The symbol kind of an element by its type (`Body`, `Decision`, …), as the outline gives it; undefined for a type without a name. */
export function symbolKindOf(type: string): SymbolKind | undefined {
    return KINDS[type]?.[0];
}

export class CharterNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.[0] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.[1] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
