import { AstUtils, DefaultScopeProvider, DocumentState, EMPTY_SCOPE, MapScope, WorkspaceCache, type AstNode, type AstNodeDescription, type LocalSymbols, type ReferenceInfo, type Scope } from 'langium';
import type { CharterCoreServices } from '../charter-core-module.js';
import { Charter as CharterType, isJournal, Journal as JournalType, type Charter, type Journal } from '../generated/ast.js';
import { describeRaisedIssues, raisedTypesOf } from './raised-issues.js';

/**
 * Langium's default scope provider filters every local symbol of the charter
 * again for each reference, which makes linking quadratic in a large charter.
 * This one builds one name table per charter and reference type and keeps it
 * until the workspace changes.
 *
 * A journal's references resolve as if written inside its `for` charter
 * (bodies, commitments, metrics, decisions, escalations, then parties and
 * roles); its issue names resolve against the disputes raised in every
 * journal of the same charter, in any file.
 */
export class CharterScopeProvider extends DefaultScopeProvider {
    protected readonly scopeCache: WorkspaceCache<AstNode, Map<string, Scope>>;
    /** Per charter: its names by reference type, with the local symbols they were read from (see `charterLocals`). */
    protected readonly localsByCharter = new WeakMap<AstNode, { symbols: LocalSymbols | undefined; byType: Map<string, ReadonlyMap<string, AstNodeDescription>> }>();
    /** The workspace's exported issues by the charter name their journal is written for, in index order; made again once the index changes. */
    protected readonly issuesByCharter: WorkspaceCache<'issues', Map<string, AstNodeDescription[]>>;
    /** The types `isCharter` and `isJournal` accept. */
    protected readonly charterTypes: ReadonlySet<string>;
    protected readonly journalTypes: ReadonlySet<string>;
    /** The types `isRaised` accepts (`raisedTypesOf`). */
    protected readonly raisedTypes: ReadonlySet<string>;

    constructor(services: CharterCoreServices) {
        super(services);
        this.scopeCache = new WorkspaceCache(services.shared);
        this.issuesByCharter = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.charterTypes = new Set(this.reflection.getAllSubTypes(CharterType.$type));
        this.journalTypes = new Set(this.reflection.getAllSubTypes(JournalType.$type));
        this.raisedTypes = raisedTypesOf(this.reflection);
    }

    override getScope(context: ReferenceInfo): Scope {
        // The enclosing charter or journal (top-level elements both: one walk up finds either), by the names of their
        // types (theirs and any subtypes'), without asking the reflection at every element on the way up for every reference.
        let journal: Journal | undefined;
        for (let current: AstNode | undefined = context.container; current; current = current.$container) {
            if (this.charterTypes.has(current.$type)) {
                return this.charterScope(current as Charter, context);
            }
            if (this.journalTypes.has(current.$type)) {
                journal = current as Journal;
                break;
            }
        }
        if (journal && context.container !== journal) {
            return this.journalScope(journal, context);
        }
        return super.getScope(context);
    }

    protected charterScope(charter: Charter, context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const byType = this.scopeCache.get(charter, newScopeTable);
        let scope = byType.get(referenceType);
        if (!scope) {
            scope = new SharedMapScope(this.charterLocals(charter, referenceType), this.getGlobalScope(referenceType, context));
            byType.set(referenceType, scope);
        }
        return scope;
    }

    /**
     * The charter's own names of a reference type, as `MapScope` would table
     * them. Kept while the charter's document keeps its local symbols: the
     * scopes are made again after any change in the workspace (an edit of a
     * journal), the charter's names only when its document is.
     */
    protected charterLocals(charter: Charter, referenceType: string): ReadonlyMap<string, AstNodeDescription> {
        const localSymbols = AstUtils.getDocument(charter).localSymbols;
        let kept = this.localsByCharter.get(charter);
        if (kept === undefined || kept.symbols !== localSymbols) {
            kept = { symbols: localSymbols, byType: new Map() };
            this.localsByCharter.set(charter, kept);
        }
        let locals = kept.byType.get(referenceType);
        if (locals === undefined) {
            const table = new Map<string, AstNodeDescription>();
            if (localSymbols?.has(charter)) {
                for (const description of localSymbols.getStream(charter)) {
                    if (this.reflection.isSubtype(description.type, referenceType)) {
                        table.set(description.name, description);
                    }
                }
            }
            locals = table;
            kept.byType.set(referenceType, locals);
        }
        return locals;
    }

    /**
     * The scope of a reference in an element of the journal (not the journal's
     * own `for`), as `getScope` answers it: the same for every entry, so the
     * linker asks once per reference type for a whole journal.
     */
    entryScope(journal: AstNode, context: ReferenceInfo): Scope {
        return this.journalScope(journal as Journal, context);
    }

    /** A journal's scope of each reference type, kept in the journal's table: a journal's thousands of entries ask the same few. */
    protected journalScope(journal: Journal, context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        if (referenceType === 'Issue') {
            return this.issueScope(journal);
        }
        const byType = this.scopeCache.get(journal, newScopeTable);
        let scope = byType.get(referenceType);
        if (!scope) {
            const charter = journal.charter?.ref;
            // No charter: parties and roles still resolve; the charter's own elements cannot.
            scope = charter
                ? this.charterScope(charter, context)
                : referenceType === 'Party' || referenceType === 'Principal' ? this.getGlobalScope(referenceType, context) : EMPTY_SCOPE;
            byType.set(referenceType, scope);
        }
        return scope;
    }

    /**
     * The disputes raised in every journal for the same charter (by the name
     * written after `for`). A name raised more than once (`duplicate-name`)
     * links to the nearest raise: the journal's own, then its file's other
     * journals', then other files' (in index order), the first of each.
     */
    protected issueScope(journal: Journal): Scope {
        const charterName = journal.charter?.$refText;
        if (!charterName) {
            return EMPTY_SCOPE;
        }
        const byType = this.scopeCache.get(journal, newScopeTable);
        let scope = byType.get('Issue');
        if (!scope) {
            const issues: AstNodeDescription[] = [];
            // This document's own journals first, this one before the others (their exports may be stale while the
            // document is being edited).
            const document = AstUtils.getDocument(journal);
            describeRaisedIssues(journal, this.raisedTypes, this.descriptions, document, issues);
            for (const element of (document.parseResult.value as { elements?: AstNode[] }).elements ?? []) {
                if (element !== journal && isJournal(element) && element.charter?.$refText === charterName) {
                    describeRaisedIssues(element, this.raisedTypes, this.descriptions, document, issues);
                }
            }
            const own = document.uri.toString();
            for (const description of this.exportedIssuesOf(charterName)) {
                if (description.documentUri.toString() !== own) {
                    issues.push(description);
                }
            }
            scope = new MapScope(firstOfEachName(issues));
            byType.set('Issue', scope);
        }
        return scope;
    }

    /**
     * The issues exported by journals written for the charter of that name.
     * One pass over the workspace's issues for all journals: looking through
     * every issue for each journal made linking quadratic in the workspace
     * (1,000 journals of 22 disputes each: 22 million lookups).
     */
    protected exportedIssuesOf(charterName: string): readonly AstNodeDescription[] {
        const byCharter = this.issuesByCharter.get('issues', () => {
            const map = new Map<string, AstNodeDescription[]>();
            for (const description of this.indexManager.allElements('Issue')) {
                const owner = description.node ? AstUtils.getContainerOfType(description.node, isJournal) : undefined;
                const name = owner?.charter?.$refText;
                if (name) {
                    const list = map.get(name);
                    if (list) list.push(description);
                    else map.set(name, [description]);
                }
            }
            return map;
        });
        return byCharter.get(charterName) ?? [];
    }
}

/**
 * A `MapScope` over a table made elsewhere and shared (the charter's names of
 * a type, kept across scopes): the same lookups, without copying the table.
 */
class SharedMapScope extends MapScope {
    constructor(elements: ReadonlyMap<string, AstNodeDescription>, outerScope: Scope) {
        super([], outerScope);
        // MapScope only reads its table; the field is declared as a Map.
        (this as { elements: ReadonlyMap<string, AstNodeDescription> }).elements = elements;
    }
}

/**
 * The first description of each name, in order: `MapScope` keeps the last
 * one it is given for a name, and the first is the nearest.
 */
function firstOfEachName(descriptions: readonly AstNodeDescription[]): AstNodeDescription[] {
    const seen = new Set<string>();
    const first: AstNodeDescription[] = [];
    for (const description of descriptions) {
        if (!seen.has(description.name)) {
            seen.add(description.name);
            first.push(description);
        }
    }
    return first;
}

/** A node's table of scopes by reference type (one function for every lookup, not a closure each). */
function newScopeTable(): Map<string, Scope> {
    return new Map();
}
