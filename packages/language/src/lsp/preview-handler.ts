import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import { belongsToCharter, DOCS_BASE_URL } from '../front-ends.js';
import type { CharterHealth } from '../health/types.js';
import type { CharterModel } from '../model/types.js';
import { ModelChangedNotification, PreviewRequest, type CharterPreview, type JournalPreview, type PreviewFinding } from '../protocol.js';
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
    connection.onRequest(PreviewRequest.type, async (params: PreviewRequest.Params | null, cancelToken) => {
        // A client's `params: null` or a missing `uri` is a document the server does not know, not a TypeError.
        if (typeof params?.uri !== 'string') {
            return null;
        }
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
    const charters = chartersOf(document, services);
    // A journal's file shows the charter it is written for: the charter's views beside the journal's.
    if (charters.length === 0) {
        for (const journal of model.journals ?? []) {
            const charter = services.charter.JournalIndex.charterOf(journal);
            const charterDocument = charter && services.shared.workspace.LangiumDocuments.getDocument(URI.parse(charter.uri));
            if (charter && charterDocument && !charters.some(shown => shown.model.name === charter.name && shown.model.uri === charter.uri)) {
                charters.push(...chartersOf(charterDocument, services).filter(shown => shown.model.name === charter.name));
            }
        }
    }
    return { uri, version: document.textDocument.version, charters, parties: model.parties, docsBaseUrl: DOCS_BASE_URL };
}

/** What the preview draws for each charter of a document: model, health, findings, and the history of its journals. */
function chartersOf(document: LangiumDocument, services: CharterServices): CharterPreview[] {
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
    return model.charters.map((charter, index) => ({
        model: charter,
        health: health[index],
        findings: findings.filter(finding => belongsToCharter(finding, charter, model.charters.length)).map(toPreviewFinding),
        journal: journalOf(charter, services)
    }));
}

/** A charter's history for the journal views, with the findings on its journals' entries; undefined without a journal. */
function journalOf(charter: CharterModel, services: CharterServices): JournalPreview | undefined {
    let history;
    try {
        history = services.charter.JournalIndex.historyOf(charter);
    } catch (error) {
        // Like the scorer: the charter's views still draw.
        console.error(`entente: the journal history of ${charter.name} failed:`, error);
        return undefined;
    }
    if (!history) {
        return undefined;
    }
    const findings: JournalPreview['findings'] = [];
    for (const journalUri of new Set(history.journals.map(journal => journal.source.uri))) {
        const journalDocument = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(journalUri));
        for (const finding of journalDocument ? services.charter.RuleRunner.findingsOf(journalDocument) : []) {
            findings.push({ ruleId: finding.ruleId, uri: finding.uri, line: finding.range.start.line + 1, element: finding.element });
        }
    }
    const { journals, entries, disputes, readings, today } = history;
    return { journals, entries, disputes, readings, today, findings };
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
