import { AstUtils, type AstNode, type AstNodeDescription, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionContext, type CompletionValueItem } from 'langium/lsp';
import { isCharter, isPartyList, type Charter } from '../generated/ast.js';

const PRINCIPAL_TYPES = new Set(['Party', 'Role', 'Body']);

/**
 * Completion of names. Langium offers every name in scope, and parties and
 * roles are global: after `decided by` that is every party of the workspace,
 * most of which the charter may not name (an `outsider-reference` error).
 * Here a principal is completed from what the charter may reference — its
 * bodies, the parties its `parties` clause lists and their roles — ranked by
 * how often the charter already names each. The `parties` clause itself
 * still offers every party (that is how one is added).
 */
export class CharterCompletionProvider extends DefaultCompletionProvider {
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const charter = AstUtils.getContainerOfType(refInfo.container, isCharter);
        if (!charter || isPartyList(refInfo.container)) {
            return candidates;
        }
        const listed = listedParties(charter);
        return candidates.filter(candidate => !PRINCIPAL_TYPES.has(candidate.type) || candidate.type === 'Body'
            || listed.has(candidate.name.split('.')[0]));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const charter = AstUtils.getContainerOfType(refInfo.container, isCharter);
        if (!charter || !PRINCIPAL_TYPES.has(description.type)) {
            return item;
        }
        const uses = usesIn(charter).get(description.name) ?? 0;
        // Most used first; then parties, roles, bodies; then by name.
        const kind = description.type === 'Party' ? 0 : description.type === 'Role' ? 1 : 2;
        return {
            ...item,
            sortText: `0${String(99_999 - Math.min(uses, 99_999)).padStart(5, '0')}${kind}${description.name}`,
            labelDetails: uses > 0 ? { description: `named ${uses}×` } : item.labelDetails
        };
    }
}

/** The parties a charter's `parties` clauses list, as written. */
function listedParties(charter: Charter): Set<string> {
    return new Set(charter.partyLists.flatMap(list => list.parties.map(party => party.$refText)));
}

const usesCache = new WeakMap<AstNode, { version: string; uses: Map<string, number> }>();

/** How often each principal is named in the charter's clauses (the `parties` clause left out). */
function usesIn(charter: Charter): Map<string, number> {
    const document = AstUtils.getDocument(charter);
    const version = `${document.textDocument.version}:${document.textDocument.getText().length}`;
    const cached = usesCache.get(charter);
    if (cached?.version === version) {
        return cached.uses;
    }
    const uses = new Map<string, number>();
    for (const node of AstUtils.streamAllContents(charter)) {
        if (isPartyList(node)) {
            continue;
        }
        for (const reference of AstUtils.streamReferences(node)) {
            const text = reference.reference.$refText;
            if (text) {
                uses.set(text, (uses.get(text) ?? 0) + 1);
            }
        }
    }
    usesCache.set(charter, { version, uses });
    return uses;
}
