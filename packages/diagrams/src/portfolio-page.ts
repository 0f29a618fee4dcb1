import type { Band, DueItem, PortfolioLayer, PersonLoad, Portfolio, PortfolioCharter } from '@entente/language';
import { el, escapeXml, fmt, truncate } from './svg.js';
import { count as countOf, plural } from '@entente/language/wording';

/**
 * The portfolio dashboard: one self-contained HTML page (inline CSS and
 * SVG, no external resource) that reads without script. An optional inline
 * script makes the tables sortable; the page's CSP admits it only by the
 * hash or nonce the caller gives (`scriptSource`), never 'unsafe-inline'.
 */
export interface PortfolioPageOptions {
    /** The link of a charter's name (its report beside the page), if any. */
    charterHref?(charter: PortfolioCharter): string | undefined;
    /** A CSP source admitting SORT_SCRIPT (`'sha256-…'` or `'nonce-…'`); without one the page has no script. */
    scriptSource?: string;
    /** The nonce to put on the script element when `scriptSource` is a nonce. */
    scriptNonce?: string;
    /** Extra CSP directives a host needs (a webview adds its own sources). */
    extraCsp?: string;
    /** Threshold lines on the people chart (overloaded-role's options). */
    maxInWorkspace?: number;
    generator?: string;
    /** Where the documentation lives (DOCS_BASE_URL): the footer links to its health method. Without one, it names the page. */
    docsBaseUrl?: string;
    /** Design scores at past commits (`--history`): a trend column with a sparkline, and how far back it goes. */
    history?: { note: string; scores: Record<string, ReadonlyArray<number | null>> };
}

/** Sorts a table when its header is clicked (numbers by value, the rest as text); the page reads the same without it. */
export const SORT_SCRIPT = `document.querySelectorAll('table.sortable').forEach(function(table){var heads=table.querySelectorAll('thead th');heads.forEach(function(th,column){var button=document.createElement('button');button.type='button';button.textContent=th.textContent;th.textContent='';th.appendChild(button);button.addEventListener('click',function(){var ascending=th.getAttribute('aria-sort')!=='ascending';heads.forEach(function(other){other.removeAttribute('aria-sort');});th.setAttribute('aria-sort',ascending?'ascending':'descending');var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);var key=function(row){var cell=row.cells[column];return cell?(cell.getAttribute('data-sort')!==null?cell.getAttribute('data-sort'):cell.textContent):'';};rows.sort(function(a,b){var x=key(a),y=key(b);var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny)&&String(nx)===x&&String(ny)===y)?nx-ny:x.localeCompare(y);return ascending?c:-c;});rows.forEach(function(row){body.appendChild(row);});});});});`;

// On a phone each table scrolls sideways in its own box (.scroll), the page keeps the screen's width.
const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--bg:#ffffff;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--grey:#8c959f;--accent:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#8d96a0;--line:#30363d;--panel:#161b22;--ok:#3fb950;--warn:#d29922;--bad:#f85149;--grey:#6e7681;--accent:#4493f8}}
body{margin:0;padding:24px 32px;font:14px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
.subtitle{color:var(--muted);margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 4px}.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
.card b{display:block;font-size:26px;line-height:1.2}.card span{color:var(--muted);font-size:12px}.card.alert b{color:var(--bad)}
.charts{display:flex;flex-wrap:wrap;gap:32px;align-items:flex-start}.chart h3{font-size:14px;margin:8px 0 4px}.chart svg{max-width:100%;height:auto}
.chart text{fill:var(--fg);font-size:12px}.chart .muted{fill:var(--muted)}.chart .axis{stroke:var(--line)}.chart .limit{stroke:var(--bad);stroke-dasharray:4 3}
.chart .healthy{fill:var(--ok)}.chart .at-risk{fill:var(--warn)}.chart .critical{fill:var(--bad)}.chart .unmeasured{fill:var(--grey)}
.chart .seats{fill:#0072B2}.chart .decisions{fill:#E69F00}.chart .commitments{fill:#009E73}.chart .metrics{fill:#CC79A7}.chart .escalationLevels{fill:#56B4E9}.chart .meetings{fill:#D55E00}
.chart .overloaded text.name{fill:var(--bad);font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:12px;color:var(--muted);margin:4px 0}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px;vertical-align:-1px}
.legend .seats{background:#0072B2}.legend .decisions{background:#E69F00}.legend .commitments{background:#009E73}.legend .metrics{background:#CC79A7}.legend .escalationLevels{background:#56B4E9}.legend .meetings{background:#D55E00}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;white-space:nowrap}th button{font:inherit;color:inherit;background:none;border:0;padding:0;margin:0;cursor:pointer}th[aria-sort=ascending] button::after{content:' \\25B2'}th[aria-sort=descending] button::after{content:' \\25BC'}
td.num{text-align:right;font-variant-numeric:tabular-nums}#charters td:nth-child(n+3),#due td:nth-child(-n+2){white-space:nowrap}
.band{display:inline-block;min-width:2.2em;padding:0 6px;border-radius:10px;color:var(--bg);font-weight:600;text-align:center}
.band.healthy{background:var(--ok)}.band.at-risk{background:var(--warn)}.band.critical{background:var(--bad)}.band.unmeasured{background:none;color:var(--muted);font-weight:400;padding:0}
tr.overdue td{color:var(--bad)}tr.overloaded td:first-child{color:var(--bad);font-weight:600}
.spark{fill:none;stroke:var(--accent);stroke-width:1.5}.spark-dot{fill:var(--accent)}td.trend small{color:var(--muted)}
.sev-error{color:var(--bad)}.sev-warning{color:var(--warn)}.sev-info{color:var(--accent)}
a{color:var(--accent)}footer{margin-top:32px;color:var(--muted);font-size:12px}
.scroll{overflow-x:auto}@media (max-width:600px){body{padding:16px}}`;

const LOAD_KINDS = [
    ['seats', 'seats'], ['decisions', 'decisions'], ['commitments', 'commitments'], ['metrics', 'metrics'], ['escalationLevels', 'escalation levels']
] as const;

/** The dashboard page of a portfolio. */
export function renderPortfolioPage(portfolio: Portfolio, options: PortfolioPageOptions = {}): string {
    const script = options.scriptSource ? `<script${options.scriptNonce ? ` nonce="${escapeXml(options.scriptNonce)}"` : ''}>${SORT_SCRIPT}</script>` : '';
    const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:${options.scriptSource ? `; script-src ${options.scriptSource}` : ''}${options.extraCsp ? `; ${options.extraCsp}` : ''}`;
    const overdue = portfolio.due.filter(item => item.overdue).length;
    const overloaded = portfolio.people.filter(person => person.overloaded).length;
    const scores = portfolio.charters.map(charter => charter.layers.design.score).filter((score): score is number => score !== null).sort((a, b) => a - b);
    const median = scores.length ? scores[Math.floor((scores.length - 1) / 2)] : undefined;
    const cards = [
        card(String(portfolio.charters.length), 'charters'),
        card(median === undefined ? '–' : String(median), 'median design score'),
        card(String(portfolio.charters.filter(charter => charter.layers.design.band === 'critical').length), 'critical charters', portfolio.charters.some(charter => charter.layers.design.band === 'critical')),
        card(String(overloaded), plural(overloaded, 'overloaded role'), overloaded > 0),
        card(String(portfolio.due.length - overdue), `dates due by ${portfolio.until}`),
        card(String(overdue), 'overdue', overdue > 0)
    ].join('');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeXml(csp)}">
<title>Partnership portfolio</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Partnership portfolio</h1>
<p class="subtitle">Today ${escapeXml(portfolio.today)} · due list to ${escapeXml(portfolio.until)} (${portfolio.horizonDays} days)</p>
<div class="cards">${cards}</div>
<div class="charts">
<div class="chart" id="score-distribution"><h3>Design scores</h3>${scoreDistribution(portfolio)}</div>
<div class="chart" id="people-load"><h3>Load of the busiest roles</h3>${legend()}${peopleChart(portfolio.people, options.maxInWorkspace)}</div>
</div>
<section id="charters"><h2>Charters (${portfolio.charters.length})</h2>
${options.history ? `<p class="subtitle" id="history-note">${escapeXml(options.history.note)}</p>` : ''}
<div class="scroll">${chartersTable(portfolio.charters, options)}</div>
</section>
<section id="people"><h2>People, by load</h2>
<div class="scroll">${peopleTable(portfolio.people)}</div>
</section>
<section id="due"><h2>Due by ${escapeXml(portfolio.until)}, and overdue (${portfolio.due.length})</h2>
<div class="scroll">${dueTable(portfolio.due, portfolio.today)}</div>
</section>
<footer>${escapeXml(options.generator ?? 'Generated by Entente')} · ${options.docsBaseUrl ? `<a href="${escapeXml(`${options.docsBaseUrl}docs/health.md`)}">how the health is scored</a>` : 'health method: docs/health.md'} · the three layers are shown side by side, never blended</footer>
${script}
</body>
</html>
`;
}

function card(value: string, label: string, alert = false): string {
    return `<div class="card${alert ? ' alert' : ''}"><b>${escapeXml(value)}</b><span>${escapeXml(label)}</span></div>`;
}

function legend(): string {
    return `<div class="legend">${LOAD_KINDS.map(([kind, label]) => `<span><i class="${kind}"></i>${label}</span>`).join('')}</div>`;
}

function bandOf(layer: PortfolioLayer): Band | 'unmeasured' {
    return layer.score === null ? 'unmeasured' : layer.band ?? 'unmeasured';
}

/** A histogram of design scores in bins of ten, each bar coloured by its band. */
function scoreDistribution(portfolio: Portfolio): string {
    const bins = Array.from({ length: 10 }, () => 0);
    let unmeasured = 0;
    for (const charter of portfolio.charters) {
        const score = charter.layers.design.score;
        if (score === null) {
            unmeasured++;
        } else {
            bins[Math.min(9, Math.floor(score / 10))]++;
        }
    }
    const width = 380;
    const height = 170;
    const left = 20;
    const bottom = 140;
    const top = 14;
    const max = Math.max(1, ...bins);
    const barWidth = (width - left - 24) / 10;
    const bars = bins.map((count, bin) => {
        const barHeight = ((bottom - top) * count) / max;
        const x = left + bin * barWidth;
        const band = bin >= 8 ? 'healthy' : bin >= 6 ? 'at-risk' : 'critical';
        return el('g', { 'data-bin': `${bin * 10}-${bin === 9 ? 100 : bin * 10 + 9}`, 'data-count': count },
            el('rect', { x: x + 2, y: bottom - barHeight, width: barWidth - 4, height: barHeight, class: band, rx: 2 },
                el('title', {}, `${countOf(count, 'charter')} scoring ${bin * 10}–${bin === 9 ? 100 : bin * 10 + 9}`)),
            count > 0 ? el('text', { x: x + barWidth / 2, y: bottom - barHeight - 3, 'text-anchor': 'middle' }, String(count)) : '');
    }).join('');
    const ticks = [0, 20, 40, 60, 80, 100].map(value => el('text', { x: left + (value / 10) * barWidth, y: bottom + 14, 'text-anchor': 'middle', class: 'muted' }, String(value))).join('');
    const note = unmeasured ? el('text', { x: left, y: height - 2, class: 'muted' }, `${unmeasured} not measured`) : '';
    return el('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Distribution of design scores over ${portfolio.charters.length} charters` },
        el('line', { x1: left, y1: bottom, x2: width - 6, y2: bottom, class: 'axis' }), bars, ticks, note);
}

/** Stacked bars of the busiest roles' load by kind, overloaded roles marked, the workspace threshold as a dashed line. */
function peopleChart(people: readonly PersonLoad[], maxInWorkspace: number | undefined): string {
    const shown = people.slice(0, 15);
    const labelWidth = 190;
    const width = 720;
    const rowHeight = 22;
    const top = 8;
    const height = top + Math.max(1, shown.length) * rowHeight + 22;
    const max = Math.max(1, maxInWorkspace ?? 0, ...shown.map(person => person.total));
    const scale = (width - labelWidth - 120) / max;
    const rows = shown.map((person, index) => {
        const y = top + index * rowHeight;
        let x = labelWidth;
        const segments = LOAD_KINDS.filter(([kind]) => person[kind] > 0).map(([kind, label]) => {
            const segment = el('rect', { x, y: y + 3, width: person[kind] * scale, height: rowHeight - 6, class: kind }, el('title', {}, escapeXml(`${person.role}: ${person[kind]} ${label}`)));
            x += person[kind] * scale;
            return segment;
        }).join('');
        return el('g', { class: person.overloaded ? 'person overloaded' : 'person', 'data-role': person.role, 'data-total': person.total },
            el('text', { x: labelWidth - 8, y: y + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'name' }, escapeXml(truncate(person.role, labelWidth - 16, 12))),
            segments,
            el('text', { x: x + 6, y: y + rowHeight / 2 + 4 }, `${person.total}${person.overloaded ? ' · overloaded' : ''}`));
    }).join('');
    const limitX = maxInWorkspace === undefined ? undefined : labelWidth + maxInWorkspace * scale;
    const limit = limitX === undefined ? '' : el('g', { class: 'threshold' },
        el('line', { x1: limitX, y1: top, x2: limitX, y2: height - 18, class: 'limit' }),
        el('text', { x: limitX, y: height - 4, 'text-anchor': 'middle', class: 'muted' }, `${maxInWorkspace} across the workspace`));
    const empty = shown.length ? '' : el('text', { x: 8, y: 24, class: 'muted' }, 'No role carries anything yet.');
    return el('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${fmt(width)} ${fmt(height)}`, role: 'img', 'aria-label': `Load of the ${shown.length} busiest roles` }, rows, limit, empty);
}

function layerCell(layer: PortfolioLayer & { gap?: { points: number; pillar: string } }): string {
    const band = bandOf(layer);
    const gap = layer.gap ? ` <small title="largest gap between two parties">gap ${layer.gap.points} on ${escapeXml(layer.gap.pillar)}</small>` : '';
    return layer.score === null
        ? `<td data-sort="-1"><span class="band unmeasured">not measured</span></td>`
        : `<td data-sort="${layer.score}"><span class="band ${band}" title="${band}">${layer.score}</span>${gap}</td>`;
}

function chartersTable(charters: readonly PortfolioCharter[], options: PortfolioPageOptions): string {
    if (charters.length === 0) {
        return '<p>No charters.</p>';
    }
    const rows = charters.map(charter => {
        const href = options.charterHref?.(charter);
        // A charter not named yet (cut short while typed) still needs words to click.
        const shownName = escapeXml(charter.name || `unnamed, in ${charter.path}`);
        const name = href ? `<a href="${escapeXml(href)}">${shownName}</a>` : shownName;
        const findings = (['error', 'warning', 'info'] as const).filter(severity => charter.findings[severity] > 0)
            .map(severity => `<span class="sev-${severity}">${countOf(charter.findings[severity], severity)}</span>`).join(', ') || 'none';
        const weight = charter.findings.error * 10000 + charter.findings.warning * 100 + charter.findings.info;
        return `<tr data-charter="${escapeXml(charter.name)}" data-uri="${escapeXml(charter.uri)}" data-line="${charter.range.start.line}"><td data-sort="${escapeXml(charter.name)}">${name}${charter.title ? `<br><small>${escapeXml(charter.title)}</small>` : ''}</td><td>${escapeXml(charter.parties.join(', '))}</td>${layerCell(charter.layers.design)}${layerCell(charter.layers.execution)}${layerCell(charter.layers.perceived)}<td>${escapeXml(charter.termEnd ?? '–')}</td><td>${escapeXml(charter.nextReview ?? '–')}</td><td data-sort="${weight}">${findings}</td>${options.history ? trendCell(options.history.scores[charter.name]) : ''}</tr>`;
    }).join('\n');
    return `<table class="sortable" aria-label="Charters"><thead><tr><th>charter</th><th>parties</th><th>design</th><th>execution</th><th>perceived</th><th>term end</th><th>next review</th><th>open findings</th>${options.history ? '<th>trend</th>' : ''}</tr></thead><tbody>
${rows}
</tbody></table>`;
}

function peopleTable(people: readonly PersonLoad[]): string {
    if (people.length === 0) {
        return '<p>No role carries anything yet.</p>';
    }
    const rows = people.map(person => {
        const where = person.charters.map(load => `${escapeXml(load.charter)} ${load.total}`).join(', ');
        return `<tr${person.overloaded ? ' class="overloaded"' : ''} data-role="${escapeXml(person.role)}"${person.source ? ` data-uri="${escapeXml(person.source.uri)}" data-line="${person.source.nameRange.start.line}"` : ''}><td>${escapeXml(person.role)}${person.overloaded ? ' (overloaded)' : ''}${person.title ? `<br><small>${escapeXml(person.title)}</small>` : ''}</td><td class="num">${person.total}</td>${LOAD_KINDS.map(([kind]) => `<td class="num">${person[kind]}</td>`).join('')}<td class="num">${person.meetings}</td><td>${where}</td></tr>`;
    }).join('\n');
    return `<table class="sortable" aria-label="People"><thead><tr><th>role</th><th>load</th>${LOAD_KINDS.map(([, label]) => `<th>${label}</th>`).join('')}<th>meetings attended</th><th>charters</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

const KIND_LABEL: Record<DueItem['kind'], string> = { review: 'review', commitment: 'commitment', 'term-end': 'term end', meeting: 'meeting', metric: 'metric report' };

function dueTable(due: readonly DueItem[], today: string): string {
    if (due.length === 0) {
        return '<p>Nothing due.</p>';
    }
    const rows = due.map(item => {
        const days = Math.round((Date.parse(item.date) - Date.parse(today)) / 86_400_000);
        const when = item.overdue ? 'overdue' : days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
        return `<tr${item.overdue ? ' class="overdue"' : ''} data-uri="${escapeXml(item.uri)}" data-line="${item.range.start.line}"><td>${escapeXml(item.date)}</td><td data-sort="${days}">${when}</td><td>${KIND_LABEL[item.kind]}</td><td>${escapeXml(item.title)}</td><td>${escapeXml(item.charter)}</td><td>${escapeXml(item.owner ?? '–')}</td></tr>`;
    }).join('\n');
    return `<table class="sortable" aria-label="Due"><thead><tr><th>date</th><th>when</th><th>what</th><th>item</th><th>charter</th><th>owner</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** The design score at each commit as a small line (a gap where the charter was missing or not measured), with the numbers as text. */
function trendCell(scores: ReadonlyArray<number | null> | undefined): string {
    if (!scores || scores.length === 0) {
        return '<td data-sort="-1">–</td>';
    }
    const width = 90;
    const height = 24;
    const step = scores.length > 1 ? (width - 4) / (scores.length - 1) : 0;
    const points = scores.map((score, index) => (score === null ? undefined : `${fmt(2 + index * step)},${fmt(height - 2 - ((height - 4) * score) / 100)}`));
    const runs: string[][] = [[]];
    for (const point of points) {
        if (point === undefined) {
            runs.push([]);
        } else {
            runs[runs.length - 1].push(point);
        }
    }
    const lines = runs.filter(run => run.length > 0).map(run => (run.length === 1
        ? el('circle', { cx: Number(run[0].split(',')[0]), cy: Number(run[0].split(',')[1]), r: 2, class: 'spark-dot' })
        : el('polyline', { points: run.join(' '), class: 'spark' }))).join('');
    const text = scores.map(score => (score === null ? '–' : String(score))).join(' → ');
    const last = [...scores].reverse().find(score => score !== null);
    return `<td class="trend" data-sort="${last ?? -1}" data-scores="${escapeXml(scores.map(score => (score === null ? '' : String(score))).join(','))}">${el('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Design score over the commits: ${text}` }, lines)}<br><small>${escapeXml(text)}</small></td>`;
}
