import { AstUtils, DefaultScopeProvider, MapScope, WorkspaceCache, type AstNode, type ReferenceInfo, type Scope } from 'langium';
import type { CharterCoreServices } from '../charter-core-module.js';
import { isCharter } from '../generated/ast.js';

/**
 * Langium's default scope provider filters every local symbol of the charter
 * again for each reference, which makes linking quadratic in a large charter.
 * This one builds one name table per charter and reference type and keeps it
 * until the workspace changes.
 */
export class CharterScopeProvider extends DefaultScopeProvider {
    protected readonly scopeCache: WorkspaceCache<AstNode, Map<string, Scope>>;

    constructor(services: CharterCoreServices) {
        super(services);
        this.scopeCache = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const charter = AstUtils.getContainerOfType(context.container, isCharter);
        if (!charter) {
            return super.getScope(context);
        }
        const referenceType = this.reflection.getReferenceType(context);
        const byType = this.scopeCache.get(charter, () => new Map<string, Scope>());
        let scope = byType.get(referenceType);
        if (!scope) {
            const localSymbols = AstUtils.getDocument(charter).localSymbols;
            const locals = localSymbols?.has(charter)
                ? localSymbols.getStream(charter).filter(desc => this.reflection.isSubtype(desc.type, referenceType)).toArray()
                : [];
            scope = new MapScope(locals, this.getGlobalScope(referenceType, context));
            byType.set(referenceType, scope);
        }
        return scope;
    }
}
