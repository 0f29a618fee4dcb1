import { AstUtils, CstUtils, GrammarAST, interruptAndCheck, isReference, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, AllSemanticTokenTypes, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes, type CancellationToken } from 'vscode-languageserver';

/**
 * The token type of a journal's dates (and a charter's `term` and `due`
 * dates): not one of LSP's standard types, so editors that know it can colour
 * dates apart; the VS Code extension declares it a kind of `number`.
 */
export const DATE_TOKEN_TYPE = 'date';

/**
 * What each kind of element is highlighted as, where it is declared (with the
 * `declaration` modifier) and wherever a name refers to it — in a charter,
 * and in a journal's entries, whose names resolve against the charter.
 */
export const ELEMENT_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Party: SemanticTokenTypes.namespace,
    Role: SemanticTokenTypes.variable,
    Charter: SemanticTokenTypes.class,
    Journal: SemanticTokenTypes.class,
    Body: SemanticTokenTypes.struct,
    Decision: SemanticTokenTypes.function,
    Escalation: SemanticTokenTypes.interface,
    Commitment: SemanticTokenTypes.method,
    Metric: SemanticTokenTypes.property,
    Objective: SemanticTokenTypes.enum,
    Issue: SemanticTokenTypes.event
};

/**
 * What a name that resolves to nothing is coloured as, by the type of
 * element its place may name, where that type is a union: an unresolved
 * principal (`decided by Nobody`, `owner Ghost`) is coloured as a party, the
 * first principal a charter names and the one most often missing (its party
 * file not written or not open yet); `Acme.Nobody` is a party and a role.
 */
const UNRESOLVED_TOKEN_TYPES: Readonly<Record<string, string>> = {
    Principal: SemanticTokenTypes.namespace
};

/** Keywords that are punctuation, left to the editor's grammar. */
const PUNCTUATION = new Set(['{', '}', ',', '.']);

/**
 * Semantic highlighting of charters and journals, token by token: keywords
 * (a journal entry's kind among them), names by the kind of element they
 * declare or refer to (`met Steering` colours `Steering` as a body,
 * `with Acme.Sponsor` a party and its role), the issue a `raised` entry
 * declares and the `escalated` / `resolved` entries that refer to it, dates,
 * numbers, units and strings. Comments are left to the TextMate grammar.
 */
export class CharterSemanticTokenProvider extends AbstractSemanticTokenProvider {
    /** The assignment each element of the grammar stands in, if any (the grammar is fixed: a leaf's lookup is a map's). */
    protected readonly assignments = new Map<GrammarAST.AbstractElement, GrammarAST.Assignment | undefined>();

    /**
     * Each element's references by the CST node of their text, gathered once an element: looking a name up
     * among all its list's references was quadratic (a body of 8,000 members took 7 s to colour).
     */
    protected readonly referencesByNode = new WeakMap<AstNode, Map<CstNode, Reference>>();

    /** Langium's types and the date's: one table (Langium looks a token's type up in it for every token highlighted). */
    protected readonly charterTokenTypes: Record<string, number> = { ...AllSemanticTokenTypes, [DATE_TOKEN_TYPE]: Object.keys(AllSemanticTokenTypes).length };

    override get tokenTypes(): Record<string, number> {
        // Was a new table a call: a third of highlighting a 10k-entry journal went into spreading it.
        return this.charterTokenTypes;
    }

    protected override async computeHighlighting(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: CancellationToken): Promise<void> {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return;
        }
        let count = 0;
        for (const leaf of CstUtils.flattenCst(root)) {
            if (++count % 2000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            if (leaf.hidden || (this.currentRange && (leaf.range.end.line < this.currentRange.start.line || leaf.range.start.line > this.currentRange.end.line))) {
                continue;
            }
            const token = this.tokenOf(leaf);
            if (token) {
                acceptor({ cst: leaf, type: token.type, modifier: token.modifier });
            }
        }
    }

    /** Every token is classified in `computeHighlighting`, leaf by leaf: no element needs its own pass. */
    protected highlightElement(_node: AstNode, _acceptor: SemanticTokenAcceptor): 'prune' {
        return 'prune';
    }

    protected tokenOf(leaf: LeafCstNode): { type: string; modifier?: string } | undefined {
        switch (leaf.tokenType.name) {
            case 'DATE': return { type: DATE_TOKEN_TYPE };
            case 'NUMBER': return { type: SemanticTokenTypes.number };
            case 'STRING': return { type: SemanticTokenTypes.string };
        }
        const assignment = this.assignmentOf(leaf);
        if (assignment?.feature === 'unit') {
            return { type: SemanticTokenTypes.type };
        }
        if (assignment?.feature === 'name') {
            const type = ELEMENT_TOKEN_TYPES[leaf.astNode.$type];
            return type ? { type, modifier: SemanticTokenModifiers.declaration } : undefined;
        }
        if (assignment && GrammarAST.isCrossReference(assignment.terminal)) {
            return this.referenceToken(leaf, assignment.terminal);
        }
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            const keyword = leaf.grammarSource.value;
            if (PUNCTUATION.has(keyword)) {
                return undefined;
            }
            return { type: /^[a-z]/i.test(keyword) ? SemanticTokenTypes.keyword : SemanticTokenTypes.operator };
        }
        return undefined;
    }

    /** As Langium's `findAssignment`: the assignment a token stands in, looked for up to its element's node. */
    protected assignmentOf(leaf: LeafCstNode): GrammarAST.Assignment | undefined {
        let node: CstNode = leaf;
        const element = leaf.astNode;
        while (node.container && node.container.astNode === element) {
            const source = node.grammarSource;
            if (source) {
                let assignment = this.assignments.get(source);
                if (assignment === undefined && !this.assignments.has(source)) {
                    assignment = AstUtils.getContainerOfType(source, GrammarAST.isAssignment);
                    this.assignments.set(source, assignment);
                }
                if (assignment) {
                    return assignment;
                }
            }
            node = node.container;
        }
        return undefined;
    }

    /** A name in a reference, by what it resolves to (else by what may stand there); in `Acme.Sponsor`, the party and the role. */
    protected referenceToken(leaf: LeafCstNode, crossReference: GrammarAST.CrossReference): { type: string } | undefined {
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            return undefined; // the `.` of a qualified name
        }
        const reference = this.referenceAt(leaf);
        const qualified = reference?.$refText.includes('.') ?? false;
        // The first name of `Acme.Sponsor` is the party, whatever the whole resolves to.
        if (qualified && reference && leaf.offset === reference.$refNode?.offset) {
            return { type: ELEMENT_TOKEN_TYPES.Party };
        }
        const target = reference?.ref?.$type ?? (qualified ? 'Role' : crossReference.type.ref?.name);
        const type = target === undefined ? undefined : ELEMENT_TOKEN_TYPES[target] ?? UNRESOLVED_TOKEN_TYPES[target];
        return type ? { type } : undefined;
    }

    /** The reference whose text holds a token: its own node's, or (in `Acme.Sponsor`) its qualified name's. */
    protected referenceAt(leaf: LeafCstNode): Reference | undefined {
        const element = leaf.astNode;
        let byNode = this.referencesByNode.get(element);
        if (!byNode) {
            byNode = new Map();
            for (const [property, value] of Object.entries(element)) {
                if (property.startsWith('$')) {
                    continue;
                }
                for (const item of Array.isArray(value) ? value : [value]) {
                    if (isReference(item) && item.$refNode) {
                        byNode.set(item.$refNode, item);
                    }
                }
            }
            this.referencesByNode.set(element, byNode);
        }
        for (let node: CstNode | undefined = leaf; node && node.astNode === element; node = node.container) {
            const reference = byNode.get(node);
            if (reference) {
                return reference;
            }
        }
        return undefined;
    }
}
