import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { count, DOCS_BASE_URL, type Portfolio } from '@entente/language';
import { charterFileName, drawCharters } from '../charter-reports.js';
import type { CliWorkspace } from '../workspace.js';
import type { PortfolioHistory } from './history.js';

/** The file of a charter's report, as `entente render` writes it. */
export function reportFileName(charterName: string, filePath: string): string {
    return `${charterFileName(charterName, filePath)}.html`;
}

/**
 * The dashboard (DIR/index.html) and, beside it, each charter's report as
 * `entente render --format html` writes it (DIR/<Charter>.html), which the
 * dashboard links to.
 */
export async function portfolioSite(workspace: CliWorkspace, portfolio: Portfolio & { history?: PortfolioHistory }, out: string, maxInWorkspace: number | undefined): Promise<Array<{ file: string; content: string }>> {
    const diagrams = await import('@entente/diagrams');
    // Each charter's report as `entente render --format html` writes it.
    const outputs = (await drawCharters(workspace)).map(({ fileName, report }) => ({ file: path.join(out, `${fileName}.html`), content: report }));
    const scriptHash = createHash('sha256').update(diagrams.SORT_SCRIPT).digest('base64');
    outputs.push({
        file: path.join(out, 'index.html'),
        content: diagrams.renderPortfolioPage(portfolio, {
            charterHref: charter => encodeURIComponent(reportFileName(charter.name, charter.path)),
            scriptSource: `'sha256-${scriptHash}'`,
            docsBaseUrl: DOCS_BASE_URL,
            maxInWorkspace,
            ...(portfolio.history ? { history: portfolio.history } : {}),
            generator: `Entente, from ${count(workspace.files.length, 'file')}`
        })
    });
    return outputs;
}
