import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, type Connection } from 'vscode-languageserver';
import { isCharter, type Document } from '../generated/ast.js';

/**
 * A client asks for a document's code lenses when that document changes. A
 * charter's health lens also changes with other files — its journals (the
 * execution and perceived layers), the party files its roles are loaded from
 * — and then the charter is validated again without having changed (see
 * `CharterDocumentBuilder`); so it is when every document is checked again
 * because the date rules use (`entente.today`, also when the editor sends it
 * late) or `entente.json` changed. When a build validates a charter again at
 * the version it was validated at before, the client is asked to fetch its
 * code lenses again (`workspace/codeLens/refresh`, when it supports it).
 *
 * By version, not by the URIs an update was given: a re-check of every
 * document goes through Langium's `build`, which reports every document as
 * changed, and the lens of the charter edited last kept its health as of the
 * date before.
 */
export function refreshCodeLensesOfDependents(connection: Connection, shared: LangiumSharedServices): void {
    let supported = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    });
    /** The version each charter was last validated at. */
    const validatedAt = new Map<string, number>();
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate((_changed, deleted) => {
        for (const uri of deleted) {
            validatedAt.delete(uri.toString());
        }
    });
    builder.onBuildPhase(DocumentState.Validated, documents => {
        let again = false;
        for (const document of documents) {
            if (declaresCharter(document)) {
                const uri = document.uri.toString();
                again ||= validatedAt.get(uri) === document.textDocument.version;
                validatedAt.set(uri, document.textDocument.version);
            }
        }
        if (supported && again) {
            connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => console.error(`entente: code lens refresh failed: ${String(error)}`));
        }
    });
}

function declaresCharter(document: LangiumDocument): boolean {
    return (document.parseResult.value as Document).elements?.some(isCharter) ?? false;
}
