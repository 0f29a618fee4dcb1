import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import { belongsToCharter, DOCS_BASE_URL } from '../front-ends.js';
import type { CharterHealth } from '../health/types.js';
import { ModelChangedNotification, PreviewRequest, type CharterPreview, type PreviewFinding } from '../protocol.js';
import type { Finding } from '../rules/rule.js';

/**
 * Serves the preview: answers `entente/preview` with the document's models,
 * health and findings, and sends `entente/modelChanged` whenever a document
 * the client has open is validated (Langium's railroad webview does the same).
 */
export function registerPreviewHandler(connection: Connection, services: CharterServices): void {
    const workspace = services.shared.workspace;
    workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
        if (workspace.TextDocuments?.get(document.uri.toString())) {
            void connection.sendNotification(ModelChangedNotification.type, {
                uri: document.uri.toString(),
                version: document.textDocument.version
            });
        }
    });
    connection.onRequest(PreviewRequest.type, async (params, cancelToken) => {
        const uri = URI.parse(params.uri);
        if (!workspace.LangiumDocuments.hasDocument(uri)) {
            return null;
        }
        if (workspace.LangiumDocuments.getDocument(uri)!.state < DocumentState.Validated) {
            await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, cancelToken);
        }
        const document = workspace.LangiumDocuments.getDocument(uri);
        return document ? previewOf(document, services) : null;
    });
}

/** The preview result of a validated document. Exported for tests that hold services without a connection. */
export function previewOf(document: LangiumDocument, services: CharterServices): PreviewRequest.Result {
    const model = services.charter.ModelBuilder.getModel(document);
    const uri = document.uri.toString();
    // The findings the validator published (and the code lens scored), not a new run.
    const findings = services.charter.RuleRunner.findingsOf(document);
    let health: CharterHealth[] = [];
    try {
        health = services.charter.HealthScorer.score(document, findings);
    } catch (error) {
        // A failing scorer must not take the preview down with it: the views still draw.
        console.error(`entente: health score failed on ${uri}:`, error);
    }
    const charters: CharterPreview[] = model.charters.map((charter, index) => ({
        model: charter,
        health: health[index],
        findings: findings.filter(finding => belongsToCharter(finding, charter, model.charters.length)).map(toPreviewFinding)
    }));
    return { uri, version: document.textDocument.version, charters, parties: model.parties, docsBaseUrl: DOCS_BASE_URL };
}

function toPreviewFinding(finding: Finding): PreviewFinding {
    return {
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        element: finding.element,
        line: finding.range.start.line + 1,
        range: finding.range
    };
}
