import { buildPortfolio, DEFAULT_MAX_IN_WORKSPACE, DEFAULT_MAX_PER_CHARTER, findRule, type Portfolio, type PortfolioEntry } from '@entente/language';
import type { CliWorkspace } from '../workspace.js';

/** The portfolio entries of a loaded workspace: each charter with its file, health and its document's findings. */
export function portfolioEntries(workspace: CliWorkspace): PortfolioEntry[] {
    return workspace.files.flatMap(file => {
        const health = workspace.services.charter.HealthScorer.score(file.document, file.findings);
        return file.model.charters.map((charter, index) => ({
            charter, path: file.file.displayPath, health: health[index], findings: file.findings, chartersInDocument: file.model.charters.length,
            history: workspace.services.charter.JournalIndex.historyOf(charter)
        }));
    });
}

/** The thresholds of `overloaded-role` in the configuration in force for the workspace's first file (its defaults otherwise). */
export function overloadThresholds(workspace: CliWorkspace): { maxPerCharter: number; maxInWorkspace: number } {
    const rule = findRule('overloaded-role');
    const first = workspace.files[0];
    const configured = rule && first ? workspace.services.charter.ConfigProvider.getConfig(first.document.uri.toString()).optionsOf(rule.meta) : {};
    const threshold = (name: string, fallback: number) => (typeof configured[name] === 'number' ? configured[name] : fallback);
    return { maxPerCharter: threshold('maxPerCharter', DEFAULT_MAX_PER_CHARTER), maxInWorkspace: threshold('maxInWorkspace', DEFAULT_MAX_IN_WORKSPACE) };
}

/** The portfolio of a loaded workspace, with `overloaded-role`'s thresholds from the configuration. */
export function portfolioOf(workspace: CliWorkspace, options: { today: string; horizonDays?: number }): Portfolio {
    return buildPortfolio(portfolioEntries(workspace), { today: options.today, horizonDays: options.horizonDays, ...overloadThresholds(workspace) });
}
