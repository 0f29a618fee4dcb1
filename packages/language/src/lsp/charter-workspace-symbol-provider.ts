import { interruptAndCheck, type LangiumDocuments } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, SymbolKind, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import { ISSUE_SCOPE } from '../model/types.js';
import { symbolKindOf } from './charter-node-kind-provider.js';

/**
 * "Go to Symbol in Workspace": every named element of every file, each with
 * the kind the outline gives it and what it belongs to (a decision its
 * charter, a role its party, an issue the charter its journals are for).
 * Langium's default lists only what other files may refer to (parties,
 * roles, charters, journals, issues), so `Budget` found no decision.
 */
export class CharterWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
        this.documents = services.workspace.LangiumDocuments;
    }

    override async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = params.query.toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            const services = this.shared.ServiceRegistry.getServices(document.uri) as CharterServices;
            for (const named of services.charter.ModelBuilder.getModel(document).names) {
                if (!named.name) {
                    continue;
                }
                // A role as clauses name it (`Acme.Sponsor`), so that `Acme.Spo` finds it.
                const role = named.scope.startsWith(ROLE_SCOPE);
                const name = role ? `${named.scope.slice(ROLE_SCOPE.length)}.${named.name}` : named.name;
                if (!this.fuzzyMatcher.match(query, name)) {
                    continue;
                }
                const symbol: WorkspaceSymbol = {
                    name,
                    kind: symbolKindOf(named.kind[0].toUpperCase() + named.kind.slice(1)) ?? SymbolKind.Field,
                    location: { uri: named.source.uri, range: named.source.nameRange }
                };
                const container = role ? undefined : containerOf(named.scope);
                if (container) {
                    symbol.containerName = container;
                }
                symbols.push(symbol);
            }
        }
        return symbols;
    }
}

/** How the scope of a party's roles begins (`party:Acme`). */
const ROLE_SCOPE = 'party:';

/** What a name's scope says it belongs to: `charter:Deal` → `Deal`, `issues:Deal` → `Deal`; nothing for a top-level name. */
function containerOf(scope: string): string | undefined {
    if (scope.startsWith(ISSUE_SCOPE)) {
        return scope.slice(ISSUE_SCOPE.length);
    }
    const colon = scope.indexOf(':');
    return colon >= 0 ? scope.slice(colon + 1) : undefined;
}
