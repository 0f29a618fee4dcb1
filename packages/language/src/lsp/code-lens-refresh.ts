import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import { isCharter, type Document } from '../generated/ast.js';

/**
 * A client asks for a document's code lenses when that document changes. A
 * charter's health lens also changes with other files — its journals (the
 * execution and perceived layers), the party files its roles are loaded from
 * — and then the charter is validated again without having changed (see
 * `CharterDocumentBuilder`). When a build validates such a charter, the
 * client is asked to fetch its code lenses again (`workspace/codeLens/refresh`,
 * when it supports it).
 */
export function refreshCodeLensesOfDependents(connection: Connection, shared: LangiumSharedServices): void {
    let supported = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    });
    let changed = new Set<string>();
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate((changedUris, deletedUris) => {
        changed = new Set([...changedUris, ...deletedUris].map(uri => uri.toString()));
    });
    builder.onBuildPhase(DocumentState.Validated, documents => {
        if (supported && documents.some(document => !changed.has(document.uri.toString()) && declaresCharter(document))) {
            connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => console.error(`entente: code lens refresh failed: ${String(error)}`));
        }
    });
}

function declaresCharter(document: LangiumDocument): boolean {
    return (document.parseResult.value as Document).elements?.some(isCharter) ?? false;
}
