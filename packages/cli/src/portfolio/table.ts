import type { Portfolio } from '@entente/language';
import { trendText, type PortfolioHistory } from './history.js';
import { chartersCell, perceivedCell, findingsCell, kindLabel, layerCell, loadCell, summaryLine, whenCell } from './text.js';

const BAND_COLOR: Record<string, string> = { healthy: '\x1b[32m', 'at-risk': '\x1b[33m', critical: '\x1b[31m' };

/** Columns padded to their widest cell; the cells may carry colour codes that take no width. */
function table(header: string[], rows: string[][], paint: (row: number, column: number, text: string) => string = (_r, _c, text) => text): string[] {
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map(row => row[column].length)));
    const line = (cells: string[], row: number) => '  ' + cells.map((cell, column) =>
        column === cells.length - 1 ? paint(row, column, cell) : paint(row, column, cell) + ' '.repeat(widths[column] - cell.length)).join('  ');
    return [line(header, -1).trimEnd(), ...rows.map((row, index) => line(row, index).trimEnd())];
}

/** The portfolio as plain text tables: charters, people by load, what is due. */
export function portfolioTable(portfolio: Portfolio & { history?: PortfolioHistory }, color: boolean): string {
    const bold = (text: string) => (color ? `\x1b[1m${text}\x1b[0m` : text);
    const lines: string[] = [bold(`Portfolio: ${summaryLine(portfolio)} (today ${portfolio.today})`), '', bold('Charters')];
    const charterRows = portfolio.charters.map(charter => [
        charter.name, charter.parties.join(', '), layerCell(charter.layers.design), layerCell(charter.layers.execution), perceivedCell(charter.layers.perceived),
        charter.termEnd ?? '-', charter.nextReview ?? '-', findingsCell(charter)
    ]);
    lines.push(...table(['charter', 'parties', 'design', 'execution', 'perceived', 'term end', 'next review', 'open findings'], charterRows, (row, column, text) => {
        const layer = row >= 0 && column >= 2 && column <= 4 ? [portfolio.charters[row].layers.design, portfolio.charters[row].layers.execution, portfolio.charters[row].layers.perceived][column - 2] : undefined;
        return color && layer?.band ? `${BAND_COLOR[layer.band]}${text}\x1b[0m` : text;
    }));
    if (portfolio.history) {
        const history = portfolio.history;
        lines.push('', bold(`Design score over the last ${history.commits.length} commits`), `  ${history.note}`);
        lines.push(...table(['charter', 'trend'], portfolio.charters.map(charter => [charter.name, trendText(history.scores[charter.name]) || 'not in these commits'])));
    }
    lines.push('', bold('People, by load'));
    lines.push(...(portfolio.people.length
        ? table(['role', 'load', 'what', 'meetings', 'charters'], portfolio.people.map(person => [
            person.overloaded ? `${person.role} (overloaded)` : person.role, String(person.total), loadCell(person), String(person.meetings), chartersCell(person)
        ]), (row, column, text) => (color && row >= 0 && column === 0 && portfolio.people[row].overloaded ? `\x1b[33m${text}\x1b[0m` : text))
        : ['  no role carries anything yet']));
    lines.push('', bold(`Due by ${portfolio.until}, and overdue`));
    lines.push(...(portfolio.due.length
        ? table(['date', 'when', 'what', 'item', 'charter', 'owner'], portfolio.due.map(item => [
            item.date, whenCell(item, portfolio.today), kindLabel(item), item.title, item.charter, item.owner ?? '-'
        ]), (row, column, text) => (color && row >= 0 && column === 1 && portfolio.due[row].overdue ? `\x1b[31m${text}\x1b[0m` : text))
        : ['  nothing due']));
    return lines.join('\n') + '\n';
}
