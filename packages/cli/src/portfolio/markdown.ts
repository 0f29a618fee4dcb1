import type { Portfolio } from '@entente/language';
import { trendText, type PortfolioHistory } from './history.js';
import { chartersCell, perceivedCell, findingsCell, kindLabel, layerCell, loadCell, summaryLine, whenCell } from './text.js';

/** A table cell: pipes and line breaks cannot end the cell, and Markdown/HTML cannot be injected through a name or title. */
function cell(text: string): string {
    return text.replace(/[\\`*_{}[\]<>|#!]/g, match => `\\${match}`).replace(/\r?\n/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(row => `| ${row.map(cell).join(' | ')} |`)];
}

/** The portfolio as Markdown (a wiki page or a pull-request comment). */
export function portfolioMarkdown(portfolio: Portfolio & { history?: PortfolioHistory }): string {
    const lines = [
        '## Partnership portfolio', '', `${cell(summaryLine(portfolio))}. Today: ${portfolio.today}.`, '', '### Charters', '',
        ...table(['charter', 'parties', 'design', 'execution', 'perceived', 'term end', 'next review', 'open findings'], portfolio.charters.map(charter => [
            charter.name, charter.parties.join(', '), layerCell(charter.layers.design), layerCell(charter.layers.execution), perceivedCell(charter.layers.perceived),
            charter.termEnd ?? '-', charter.nextReview ?? '-', findingsCell(charter)
        ])),
        ...(portfolio.history ? ['', `### Design score over the last ${portfolio.history.commits.length} commits`, '', cell(portfolio.history.note), '',
            ...table(['charter', 'trend'], portfolio.charters.map(charter => [charter.name, trendText(portfolio.history!.scores[charter.name]) || 'not in these commits']))] : []),
        '', '### People, by load', '',
        ...table(['role', 'load', 'what', 'meetings', 'charters'], portfolio.people.map(person => [
            person.overloaded ? `${person.role} (overloaded)` : person.role, String(person.total), loadCell(person), String(person.meetings), chartersCell(person)
        ])),
        '', `### Due by ${portfolio.until}, and overdue`, '',
        ...table(['date', 'when', 'what', 'item', 'charter', 'owner'], portfolio.due.map(item => [
            item.date, whenCell(item, portfolio.today), kindLabel(item), item.title, item.charter, item.owner ?? '-'
        ]))
    ];
    return lines.join('\n') + '\n';
}
