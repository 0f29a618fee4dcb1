import { describeLoad, type DueItem, type PortfolioLayer, type PortfolioPerceivedLayer, type PersonLoad, type Portfolio, type PortfolioCharter } from '@entente/language';

/** A layer as a table cell: `92 healthy`, or `not measured`. */
export function layerCell(layer: PortfolioLayer): string {
    return layer.score === null ? 'not measured' : `${layer.score} ${layer.band ?? ''}`.trim();
}

/** The perceived layer with the largest gap between two parties beside it: `58 critical (gap 2 on trust)`. */
export function perceivedCell(layer: PortfolioPerceivedLayer): string {
    return layer.gap ? `${layerCell(layer)} (gap ${layer.gap.points} on ${layer.gap.pillar})` : layerCell(layer);
}

/** Open findings by severity: `1 error, 3 warnings`, or `none`. */
export function findingsCell(charter: PortfolioCharter): string {
    const parts = ([['error', 'errors'], ['warning', 'warnings'], ['info', 'infos']] as const)
        .filter(([severity]) => charter.findings[severity] > 0)
        .map(([severity, plural]) => `${charter.findings[severity]} ${charter.findings[severity] === 1 ? severity : plural}`);
    return parts.length ? parts.join(', ') : 'none';
}

/** What loads a role, in words: `2 seats, 1 decision, 3 commitments`. */
export function loadCell(person: PersonLoad): string {
    return describeLoad(person);
}

/** The charters a role works in, heaviest first: `AcmeGlobex 5, HelixNimbus 2`. */
export function chartersCell(person: PersonLoad): string {
    return person.charters.map(load => `${load.charter} ${load.total}`).join(', ');
}

/** `overdue`, `in 12 days`, `today`. */
export function whenCell(item: DueItem, today: string): string {
    if (item.overdue) {
        return 'overdue';
    }
    const days = Math.round((Date.parse(item.date) - Date.parse(today)) / 86_400_000);
    return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

const KIND_LABEL: Record<DueItem['kind'], string> = {
    review: 'review', commitment: 'commitment', 'term-end': 'term end', meeting: 'meeting', metric: 'metric report'
};

export function kindLabel(item: DueItem): string {
    return KIND_LABEL[item.kind];
}

/** The summary line: charters, people overloaded, items due and overdue. */
export function summaryLine(portfolio: Portfolio): string {
    const overdue = portfolio.due.filter(item => item.overdue).length;
    const overloaded = portfolio.people.filter(person => person.overloaded).length;
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    return `${n(portfolio.charters.length, 'charter', 'charters')}, ${n(portfolio.people.length, 'role', 'roles')} (${overloaded} overloaded), ` +
        `${n(portfolio.due.length - overdue, 'date', 'dates')} due by ${portfolio.until}, ${overdue} overdue`;
}
