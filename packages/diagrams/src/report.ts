import type { CharterModel } from '@entente/language';
import { JOURNAL_VIEW_IDS, type JournalViewId } from './journal/types.js';
import { escapeXml } from './svg.js';
import { VIEW_IDS, type DiagramFinding, type RenderInput, type ViewId } from './types.js';

const VIEW_TITLES: Record<ViewId, string> = {
    health: 'Health',
    governance: 'Governance map',
    matrix: 'Decision rights',
    escalation: 'Escalation ladder',
    balance: 'Balance between the parties'
};

const JOURNAL_VIEW_TITLES: Record<JournalViewId, string> = {
    timeline: 'Timeline',
    trends: 'Metric trends',
    radar: 'Perception radar'
};

/**
 * The report's stylesheet. A view scrolls in its own box, no taller than the screen less its heading: the
 * sideways scrollbar of a map both wider and taller than the screen is in sight as soon as the map's top is,
 * not below its last row (a printed report shows each view whole).
 */
const REPORT_STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#ffffff;--muted:#57606a;--line:#d0d7de;--error:#cf222e;--warning:#9a6700;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8d96a0;--line:#30363d;--error:#f85149;--warning:#d29922;--link:#4493f8}}
body{margin:0;padding:24px 32px;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.subtitle{color:var(--muted);margin:0 0 16px}.muted{color:var(--muted)}.view,.scroll{overflow-x:auto}.view svg{max-width:none;height:auto}
.view{overflow:auto;max-height:calc(100vh - 56px);max-height:calc(100svh - 56px)}@media print{.view{overflow:visible;max-height:none}}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
.severity{font-weight:600}.error{color:var(--error)}.warning{color:var(--warning)}.info{color:var(--link)}.hint{color:var(--muted)}
a{color:var(--link)}footer{margin-top:32px;color:var(--muted);font-size:12px}
nav{margin:0 0 8px;padding:8px 12px;border:1px solid var(--line);border-radius:6px}nav h2{font-size:14px;margin:0 0 4px;border:0;padding:0}
nav ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 4px}nav li{display:flex;align-items:baseline}nav li:not(:last-child)::after{content:"·";margin-left:4px;color:var(--muted)}
nav a{display:inline-block;padding:4px 2px}nav p{margin:4px 0 0}section{scroll-margin-top:8px}
@media (max-width:600px){body{padding:16px}table.findings,table.findings tbody{display:block}table.findings thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}table.findings tr{display:grid;grid-template-columns:auto minmax(0,1fr);column-gap:8px;padding:4px 0;border-bottom:1px solid var(--line)}table.findings td{padding:0;border:0}table.findings td:nth-child(2){overflow-wrap:anywhere}table.findings td:nth-child(n+3){grid-column:1/-1;overflow-wrap:anywhere}}`;

/**
 * A self-contained HTML report of one charter: the health card, every view
 * and the findings linked to their rules' docs. Inline CSS and SVG only: no
 * script, no external resource.
 */
export function renderReport(input: RenderInput & {
    views: Record<ViewId, string>;
    /** The journal views, for a charter with a journal: sections after the charter's. */
    journalViews?: Record<JournalViewId, string>;
    docsBaseUrl: string;
    generator?: string;
    /**
     * Every report written beside this one (the charters drawn together, this one among them and marked
     * `current`), each with its file name relative to this report: the contents link to each. Without it, or with one
     * charter alone, the contents list this report's own sections only.
     */
    charters?: ReportLink[];
}): string {
    const { charter, views, journalViews, findings = [] } = input;
    const viewAs = input.options?.viewAsParty;
    const section = (id: string, title: string, svg: string) => `<section id="${id}"><h2>${title}</h2><div class="view">${svg}</div></section>`;
    // Each view's section id, title and drawing, in the report's order.
    const shown: Array<[string, string, string]> = [
        ...VIEW_IDS.map((view): [string, string, string] => [view, VIEW_TITLES[view], views[view]]),
        ...(journalViews ? JOURNAL_VIEW_IDS.map((view): [string, string, string] => [view, JOURNAL_VIEW_TITLES[view], journalViews[view]]) : [])
    ];
    const sections = shown.map(([id, title, svg]) => section(id, title, svg)).join('\n');
    const reasons = reasonsSection(input.health);
    const contents = contentsNav([...shown.map(([id, title]): [string, string] => [id, title]), ...(reasons ? [['reasons', 'Why the score'] as [string, string]] : []), ['findings', `Findings (${findings.length})`]], input.charters);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(charter.name || 'Unnamed charter')}: partnership charter report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1 id="top">${escapeXml(charter.title ?? (charter.name || 'Unnamed charter'))}</h1>
<p class="subtitle">${escapeXml(charter.name || 'no name yet')} · ${escapeXml(charter.parties.join(', ') || 'no parties')}${charter.vision ? ` · ${escapeXml(charter.vision)}` : ''}</p>
${viewAs ? `<p class="subtitle" id="view-as">Seen from ${escapeXml(viewAs)}'s side: what does not concern ${escapeXml(viewAs)} is dimmed.</p>\n` : ''}${contents}
${sections}
${reasons}<section id="findings"><h2>Findings (${findings.length})</h2>
${findingsTable(charter, findings, input.docsBaseUrl)}
</section>
<footer>${escapeXml(input.generator ?? 'Generated by Entente')} · <a href="${escapeXml(`${input.docsBaseUrl}docs/health.md`)}">how the health is scored</a></footer>
</body>
</html>
`;
}

/** A report written beside another, for the contents: its charter's name and title, and its file name. */
export interface ReportLink {
    name: string;
    title?: string;
    /** The report's file, relative to the others (`AcmeGlobex.html`). */
    href: string;
    /** This report's own entry. */
    current?: boolean;
}

/**
 * The contents under the title: a link to each section of this report and, when several charters were
 * drawn together, to each of their reports (this one marked as the current page). Plain links and a
 * list that wraps: no script, and on a phone the links flow onto lines as wide as the screen.
 */
function contentsNav(sections: Array<[string, string]>, charters: ReportLink[] | undefined): string {
    const links = sections.map(([id, title]) => `<li><a href="#${id}">${escapeXml(title)}</a></li>`).join('');
    const others = charters && charters.length > 1
        ? `\n<p class="muted">Reports of the charters drawn together:</p><ol class="charters">${charters.map(link => {
            const name = escapeXml(link.title ?? (link.name || 'Unnamed charter'));
            return link.current ? `<li><a href="#top" aria-current="page"><strong>${name}</strong></a></li>` : `<li><a href="${escapeXml(encodeURI(link.href))}">${name}</a></li>`;
        }).join('')}</ol>`
        : '';
    return `<nav id="contents" aria-label="Contents"><h2>Contents</h2><ol>${links}</ol>${others}</nav>`;
}

/** Every check below 1, with the elements that pulled it down and its findings, and the cap when one applies. */
function reasonsSection(health: RenderInput['health']): string {
    if (!health) {
        return '';
    }
    const below = Object.values(health.dimensions).flatMap(dimension => dimension.checks.filter(check => check.ratio < 1));
    if (below.length === 0 && !health.cap) {
        return '';
    }
    const items = below.map(check => {
        // An element not named yet (a charter cut short) is no help to the reader: it is left out.
        const named = check.elements?.filter(element => element !== '') ?? [];
        const elements = named.length ? ` <span class="muted">(${escapeXml(named.join(', '))})</span>` : '';
        const findings = check.findings.map(finding => `<li><code>${escapeXml(finding.ruleId)}</code> ${escapeXml(finding.message)}</li>`).join('');
        return `<li><strong>${escapeXml(check.dimension)} · ${escapeXml(check.title)}</strong> ${check.ratio.toFixed(2)}${check.caps ? ' (caps the score at 79)' : ''}${elements}: ${escapeXml(check.explanation)}${findings ? `<ul>${findings}</ul>` : ''}</li>`;
    }).join('\n');
    const cap = health.cap ? `<p>Capped at ${health.cap.limit}: ${escapeXml(health.cap.reasons.join('; '))}.</p>\n` : '';
    return `<section id="reasons"><h2>Why the score</h2>\n${cap}<ul>\n${items}\n</ul>\n</section>\n`;
}

function findingsTable(charter: CharterModel, findings: DiagramFinding[], docsBaseUrl: string): string {
    if (findings.length === 0) {
        return '<p>No findings.</p>';
    }
    const rows = findings.map(finding => {
        const href = `${docsBaseUrl}docs/rules/${encodeURIComponent(finding.ruleId)}.md`;
        return `<tr><td class="severity ${finding.severity}">${finding.severity}</td><td>${finding.file ? `${escapeXml(finding.file).replace(/\//g, '/<wbr>')}:` : ''}${finding.line ?? ''}</td><td>${escapeXml(finding.message)}</td><td><a href="${escapeXml(href)}">${escapeXml(finding.ruleId)}</a></td></tr>`;
    }).join('\n');
    // A journal's path may break after each '/'. On a phone (600 px or less) each finding is a block, its severity and
    // line above its message and its rule, as wide as the screen: no column is squeezed, none is out of sight.
    return `<div class="scroll"><table class="findings" aria-label="Findings of ${escapeXml(charter.name)}"><thead><tr><th>severity</th><th>line</th><th>message</th><th>rule</th></tr></thead><tbody>
${rows}
</tbody></table></div>`;
}
