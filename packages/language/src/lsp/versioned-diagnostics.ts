import type { LangiumSharedServices } from 'langium/lsp';
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';

/**
 * Langium publishes diagnostics without the document version they belong to.
 * Clients (and our benchmarks) need it to tell fresh diagnostics from stale
 * ones while the user types, so it is added here from the validated document.
 */
export function publishDiagnosticsWithVersion(connection: Connection, shared: LangiumSharedServices): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri));
        return send({ ...params, version: params.version ?? document?.textDocument.version });
    };
}
