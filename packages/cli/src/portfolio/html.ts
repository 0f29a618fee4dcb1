import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { DOCS_BASE_URL, type Portfolio } from '@entente/language';
import { sortedFindings } from '../reporters/reporter.js';
import type { CliWorkspace } from '../workspace.js';
import type { PortfolioHistory } from './history.js';

/** A charter name as a file name, as `entente render` writes its report. */
export function reportFileName(name: string): string {
    return `${name.replace(/[^\w.-]/g, '_')}.html`;
}

/**
 * The dashboard (DIR/index.html) and, beside it, each charter's report as
 * `entente render --format html` writes it (DIR/<Charter>.html), which the
 * dashboard links to.
 */
export async function portfolioSite(workspace: CliWorkspace, portfolio: Portfolio & { history?: PortfolioHistory }, out: string, maxInWorkspace: number | undefined): Promise<Array<{ file: string; content: string }>> {
    const diagrams = await import('@entente/diagrams');
    const outputs: Array<{ file: string; content: string }> = [];
    for (const checked of workspace.files) {
        const health = workspace.services.charter.HealthScorer.score(checked.document, checked.findings);
        for (const [index, charter] of checked.model.charters.entries()) {
            const findings = sortedFindings(checked)
                .filter(finding => !finding.element || finding.element === charter.name || finding.element.startsWith(`${charter.name}.`))
                .map(finding => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, element: finding.element, line: finding.range.start.line + 1 }));
            const input = { charter, findings, health: health[index] };
            const views = await diagrams.renderViews(input);
            outputs.push({ file: path.join(out, reportFileName(charter.name)), content: diagrams.renderReport({ ...input, views, docsBaseUrl: DOCS_BASE_URL, generator: `Entente, from ${checked.file.displayPath}` }) });
        }
    }
    const scriptHash = createHash('sha256').update(diagrams.SORT_SCRIPT).digest('base64');
    outputs.push({
        file: path.join(out, 'index.html'),
        content: diagrams.renderPortfolioPage(portfolio, {
            charterHref: charter => encodeURIComponent(reportFileName(charter.name)),
            scriptSource: `'sha256-${scriptHash}'`,
            maxInWorkspace,
            ...(portfolio.history ? { history: portfolio.history } : {}),
            generator: `Entente, from ${workspace.files.length} ${workspace.files.length === 1 ? 'file' : 'files'}`
        })
    });
    return outputs;
}
