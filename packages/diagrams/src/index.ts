import { renderBalanceChart } from './balance-chart.js';
import { renderDecisionMatrix } from './decision-matrix.js';
import { renderEscalationLadder } from './escalation-ladder.js';
import { renderGovernanceMap } from './governance-map.js';
import { renderHealthCard } from './health-card.js';
import { VIEW_IDS, type RenderInput, type ViewId } from './types.js';

export { renderReport, type ReportLink } from './report.js';
export { escapeXml, PARTY_COLORS, textWidth } from './svg.js';
export { BALANCE_MEASURES } from './balance-chart.js';
export { marksFor } from './decision-matrix.js';
export * from './types.js';
export * from './journal/index.js';

/** Renders one view of a charter as SVG text. Pure: the same input gives byte-identical output. */
export async function renderView(view: ViewId, input: RenderInput): Promise<string> {
    switch (view) {
        case 'health': return renderHealthCard(input);
        case 'governance': return renderGovernanceMap(input);
        case 'matrix': return renderDecisionMatrix(input);
        case 'escalation': return renderEscalationLadder(input);
        case 'balance': return renderBalanceChart(input);
    }
}

/** Renders every view of a charter. */
export async function renderViews(input: RenderInput): Promise<Record<ViewId, string>> {
    const entries = await Promise.all(VIEW_IDS.map(async view => [view, await renderView(view, input)] as const));
    return Object.fromEntries(entries) as Record<ViewId, string>;
}
export { renderPortfolioPage, SORT_SCRIPT, type PortfolioPageOptions } from './portfolio-page.js';
