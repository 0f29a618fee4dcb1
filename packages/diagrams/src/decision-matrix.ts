import type { CharterModel, DecisionModel, PrincipalRef } from '@entente/language';
import { el, escapeXml, labelWidth, partyColor, svgDocument, text } from './svg.js';
import { controlLabel } from './governance-map.js';
import { decisionConcerns, elementId, type RenderInput } from './types.js';

const ROW = 30;
const CELL = 96;

/** What the matrix says in place of its rows when the charter has no decision. */
const NO_DECISIONS = 'No decisions: the charter does not say who decides what.';

/** One column of the matrix: a party, or a role when the matrix is shown by role. */
interface Column {
    id: string;
    label: string;
    party: string;
    matches(ref: PrincipalRef): boolean;
}

/**
 * The decision-rights matrix: decisions × parties (or roles) with D, P, C, I
 * marks (decides, proposes, consulted, informed), a flag where one party
 * controls a decision, and per-party totals of decisions controlled and blockable.
 */
export function renderDecisionMatrix({ charter, options }: RenderInput): string {
    const columns: Column[] = options?.showRoles
        ? charter.parties.flatMap(party => (charter.partyInfo[party]?.roles ?? []).map(role => ({
            id: role.qualifiedName, label: role.qualifiedName, party,
            matches: (ref: PrincipalRef) => ref.name === role.qualifiedName || (ref.kind === 'party' && ref.name === party) || (ref.kind === 'body' && ref.parties.includes(party))
        })))
        : charter.parties.map(party => ({ id: party, label: party, party, matches: (ref: PrincipalRef) => ref.parties.includes(party) }));
    const focus = options?.viewAsParty;
    // Columns, decision names and control flags as wide as their texts, whole.
    const nameWidth = Math.max(120, ...charter.decisions.map(d => labelWidth(d.name, 13) + 24));
    const cell = Math.max(CELL, ...columns.map(c => labelWidth(c.label, 12, true) + 16));
    const flags = charter.decisions.map(decision => {
        const control = controlLabel(decision.deciders.length, decision.controllingParties, decision.blockingParties);
        return decision.controllingParties.length === 1 ? `⚑ ${control}` : control;
    });
    const flagWidth = Math.max(200, ...flags.map(flag => labelWidth(flag, 12) + 20));
    const width = Math.max(nameWidth + columns.length * cell + flagWidth + 20, charter.decisions.length ? 0 : labelWidth(NO_DECISIONS, 13) + 20);
    const top = 56;
    const parts: string[] = [
        text(10, 22, 'D decides · P proposes · C consulted · I informed', { size: 11, className: 'muted' })
    ];
    columns.forEach((column, index) => {
        const x = nameWidth + index * cell;
        parts.push(el('g', { 'data-element': column.id, class: focus && column.party !== focus ? 'dim' : undefined },
            el('rect', { x: x + 4, y: top - 24, width: cell - 8, height: 20, rx: 4, style: `fill:${partyColor(charter.parties, column.party)};fill-opacity:0.25` }),
            text(x + cell / 2, top - 9, column.label, { size: 12, weight: 'bold', anchor: 'middle', maxWidth: cell - 12 })));
    });
    parts.push(text(nameWidth + columns.length * cell + 8, top - 9, 'control', { size: 12, weight: 'bold' }));
    charter.decisions.forEach((decision, row) => {
        const y = top + row * ROW;
        const cells = columns.map((column, index) => {
            const marks = marksFor(decision, column);
            const x = nameWidth + index * cell;
            return el('g', { 'data-cell': `${decision.name}/${column.id}` },
                el('rect', { x: x + 2, y: y + 2, width: cell - 4, height: ROW - 4, rx: 3, class: 'panel', 'stroke-opacity': 0.4 }),
                text(x + cell / 2, y + 20, marks, { size: 13, weight: marks.includes('D') ? 'bold' : undefined, anchor: 'middle' }));
        });
        const flag = flags[row];
        const concerned = !focus || decisionConcerns(decision, focus);
        parts.push(el('g', { 'data-element': elementId(charter, decision.name), class: concerned ? undefined : 'dim' },
            el('title', {}, escapeXml(`${decision.name}${decision.title ? ` — ${decision.title}` : ''}: ${flag}`)),
            text(10, y + 20, decision.name, { size: 13, maxWidth: nameWidth - 16 }),
            ...cells,
            text(nameWidth + columns.length * cell + 8, y + 20, flag, { size: 12, className: decision.controllingParties.length === 1 ? undefined : 'muted', maxWidth: flagWidth - 10 })));
    });
    if (charter.decisions.length === 0) {
        parts.push(text(10, top + 20, NO_DECISIONS, { size: 13, className: 'muted' }));
    }
    const totalsY = top + Math.max(1, charter.decisions.length) * ROW + 10;
    parts.push(text(10, totalsY + 18, 'controls', { size: 12, weight: 'bold' }), text(10, totalsY + 38, 'can block', { size: 12, weight: 'bold' }));
    columns.forEach((column, index) => {
        const x = nameWidth + index * cell + cell / 2;
        const controls = charter.decisions.filter(d => d.controllingParties.includes(column.party)).length;
        const blocks = charter.decisions.filter(d => d.blockingParties.includes(column.party)).length;
        parts.push(el('g', { 'data-total': column.id },
            text(x, totalsY + 18, String(controls), { size: 12, anchor: 'middle' }),
            text(x, totalsY + 38, String(blocks), { size: 12, anchor: 'middle' })));
    });
    const height = totalsY + 52;
    const description = `${charter.decisions.length} decisions of ${charter.name} by ${options?.showRoles ? 'role' : 'party'}: who decides, proposes, is consulted and informed.`;
    return svgDocument('matrix', width, height, `Decision rights in ${charter.name}`, description, parts.join(''));
}

/** The marks of one cell: D, P, C, I in that order. */
export function marksFor(decision: DecisionModel, column: Pick<Column, 'matches'>): string {
    const marks: string[] = [];
    if (decision.deciders.some(column.matches)) marks.push('D');
    if (decision.proposers.some(column.matches)) marks.push('P');
    if (decision.consulted.some(column.matches)) marks.push('C');
    if (decision.informed.some(column.matches)) marks.push('I');
    return marks.join(' ');
}

/** The parties of a charter model, for callers that only hold a model. */
export type { CharterModel };
