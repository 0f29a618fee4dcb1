import { DocumentState, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import { buildPortfolio, DEFAULT_MAX_IN_WORKSPACE, DEFAULT_MAX_PER_CHARTER, type PortfolioEntry } from '../portfolio/portfolio.js';
import { PortfolioRequest, WorkspaceChangedNotification } from '../protocol.js';
import { findRule } from '../rules/index.js';

/**
 * Serves the portfolio: answers `entente/portfolio` with the portfolio of
 * every document of the workspace, and sends `entente/workspaceChanged`
 * after each validated build, so an open portfolio stays live.
 */
export function registerPortfolioHandler(connection: Connection, services: CharterServices): void {
    const workspace = services.shared.workspace;
    workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        void connection.sendNotification(WorkspaceChangedNotification.type, {});
    });
    // Every parameter is optional: no params, or `params: null`, asks with the defaults, as `{}` does. Registered by its
    // method name: a request type declares one parameter, and vscode-jsonrpc refuses a request that sends none.
    connection.onRequest(PortfolioRequest.method, async (params?: PortfolioRequest.Params | null): Promise<PortfolioRequest.Result> => {
        // `ready` means the workspace's files are loaded, and the editor's settings read (`entente.today`: the due list
        // is worked out from it); a read of the workspace lock waits until the first build, and every build queued
        // since (edits, a new `entente.today`), has finished.
        await workspace.WorkspaceManager.ready;
        await services.charter.Settings.editorSettingsRead;
        return workspace.WorkspaceLock.read(() => portfolioOfWorkspace(services, workspace.LangiumDocuments.all.toArray(), params?.horizonDays));
    });
}

/** The portfolio of the given documents, with `overloaded-role`'s thresholds from the configuration. Exported for tests without a connection. */
export function portfolioOfWorkspace(services: CharterServices, documents: readonly LangiumDocument[], horizonDays?: number): PortfolioRequest.Result {
    const entries: PortfolioEntry[] = [];
    const root = services.shared.workspace.WorkspaceManager.workspaceFolders?.[0]?.uri;
    for (const document of documents.filter(candidate => candidate.state >= DocumentState.Linked)) {
        const model = services.charter.ModelBuilder.getModel(document);
        if (model.charters.length === 0) {
            continue;
        }
        const findings = services.charter.RuleRunner.findingsOf(document);
        const health = services.charter.HealthScorer.score(document, findings);
        const uri = document.uri.toString();
        const path = root && uri.startsWith(`${root.replace(/\/$/, '')}/`) ? uri.slice(root.replace(/\/$/, '').length + 1) : document.uri.path;
        model.charters.forEach((charter, index) => entries.push({
            charter, path: decodeURIComponent(path), health: health[index], findings, chartersInDocument: model.charters.length, history: services.charter.JournalIndex.historyOf(charter)
        }));
    }
    const rule = findRule('overloaded-role');
    const options = rule && documents[0] ? services.charter.ConfigProvider.getConfig(documents[0].uri.toString()).optionsOf(rule.meta) : {};
    const number = (name: string, fallback: number) => (typeof options[name] === 'number' ? options[name] : fallback);
    const maxInWorkspace = number('maxInWorkspace', DEFAULT_MAX_IN_WORKSPACE);
    const portfolio = buildPortfolio(entries, {
        today: services.charter.Settings.effectiveToday(), horizonDays, maxPerCharter: number('maxPerCharter', DEFAULT_MAX_PER_CHARTER), maxInWorkspace
    });
    return { portfolio, maxInWorkspace };
}
