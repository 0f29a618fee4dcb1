import { buildPortfolio, findRule, type Portfolio, type PortfolioEntry } from '@entente/language';
import type { CliWorkspace } from '../workspace.js';

/** The portfolio entries of a loaded workspace: each charter with its file, health and its document's findings. */
export function portfolioEntries(workspace: CliWorkspace): PortfolioEntry[] {
    return workspace.files.flatMap(file => {
        const health = workspace.services.charter.HealthScorer.score(file.document, file.findings);
        return file.model.charters.map((charter, index) => ({ charter, path: file.file.displayPath, health: health[index], findings: file.findings }));
    });
}

/** The portfolio of a loaded workspace, with `overloaded-role`'s thresholds from the configuration in force for its first file. */
export function portfolioOf(workspace: CliWorkspace, options: { today: string; horizonDays?: number }): Portfolio {
    const rule = findRule('overloaded-role');
    const first = workspace.files[0];
    const configured = rule && first ? workspace.services.charter.ConfigProvider.getConfig(first.document.uri.toString()).optionsOf(rule.meta) : {};
    const threshold = (name: string) => (typeof configured[name] === 'number' ? configured[name] : undefined);
    return buildPortfolio(portfolioEntries(workspace), {
        today: options.today,
        horizonDays: options.horizonDays,
        maxPerCharter: threshold('maxPerCharter'),
        maxInWorkspace: threshold('maxInWorkspace')
    });
}
