import type { CharterModel } from '@entente/language';
import { el, escapeXml, fmt, labelWidth, PARTY_COLORS, PARTY_MARK, partyColor, svgDocument, text } from './svg.js';
import type { RenderInput } from './types.js';

/** One measure of the balance chart, per party. */
interface Measure {
    id: string;
    label: string;
    value(charter: CharterModel, party: string): number;
    format?(value: number): string;
}

/** The measures of balance, in the order the chart shows them. */
export const BALANCE_MEASURES: readonly Measure[] = [
    { id: 'controls', label: 'Decisions controlled', value: (c, p) => c.decisions.filter(d => d.controllingParties.includes(p)).length },
    { id: 'blocks', label: 'Decisions it can block', value: (c, p) => c.decisions.filter(d => d.blockingParties.includes(p)).length },
    { id: 'seats', label: 'Seats on bodies', value: (c, p) => c.bodies.reduce((sum, b) => sum + (b.seatsByParty[p] ?? 0), 0) },
    {
        id: 'power',
        label: 'Voting power (mean Banzhaf)',
        value: (c, p) => {
            const seated = c.bodies.filter(b => b.totalSeats > 0);
            return seated.length ? seated.reduce((sum, b) => sum + (b.powerByParty[p] ?? 0), 0) / seated.length : 0;
        },
        format: value => `${Math.round(value * 100)}%`
    },
    { id: 'owes', label: 'Commitments owed', value: (c, p) => c.commitments.filter(k => k.ownerParties.includes(p)).length },
    { id: 'receives', label: 'Commitments received', value: (c, p) => c.commitments.filter(k => k.beneficiaryParties.includes(p)).length },
    { id: 'benefits', label: 'Metrics benefiting it', value: (c, p) => c.metrics.filter(m => m.beneficiaryParties.includes(p)).length }
];

const MIN_LABEL_WIDTH = 230;
const BAR_AREA = 280;
const BAR = 14;
const LEGEND_ROW = 18;

/** The balance chart: per measure, one bar per party, scaled to the largest. */
export function renderBalanceChart({ charter, options }: RenderInput): string {
    const focus = options?.viewAsParty;
    const parties = charter.parties;
    const parts: string[] = [];
    // Each party's name whole in the legend, and each measure's label whole beside its bars.
    const LABEL_WIDTH = Math.max(MIN_LABEL_WIDTH, ...BALANCE_MEASURES.map(measure => labelWidth(measure.label, 12, true) + 24));
    // The legend wraps onto rows as wide as the bars' area, so that many parties do not widen the chart.
    const legendWidth = LABEL_WIDTH + BAR_AREA + 80;
    let legendEnd = 12;
    let legendWidest = 0;
    let legendRow = 0;
    parties.forEach(party => {
        const nameWidth = labelWidth(party, 12);
        if (legendEnd > 12 && legendEnd + 18 + nameWidth > legendWidth) {
            legendRow++;
            legendEnd = 12;
        }
        const x = legendEnd;
        const rowY = legendRow * LEGEND_ROW;
        parts.push(el('g', { 'data-element': party, class: focus && party !== focus ? 'dim' : undefined },
            el('rect', { class: PARTY_MARK, x, y: 10 + rowY, width: 12, height: 12, rx: 2, style: `fill:${partyColor(parties, party)}` }),
            text(x + 18, 21 + rowY, party, { size: 12, maxWidth: nameWidth })));
        legendWidest = Math.max(legendWidest, x + 18 + nameWidth + 12);
        legendEnd = x + 18 + nameWidth + 20;
    });
    // Beyond the palette's colours, two parties share a colour: each bar then names its party after its value.
    const namedBars = parties.length > PARTY_COLORS.length;
    let barLabelsEnd = 0;
    let y = 40 + legendRow * LEGEND_ROW;
    for (const measure of BALANCE_MEASURES) {
        const values = parties.map(party => measure.value(charter, party));
        const most = Math.max(...values, 0);
        const rows: string[] = [text(12, y + 12, measure.label, { size: 12, weight: 'bold', maxWidth: LABEL_WIDTH - 12 })];
        parties.forEach((party, index) => {
            const value = values[index];
            const barY = y + index * (BAR + 4);
            const length = most > 0 ? (BAR_AREA * value) / most : 0;
            const shown = measure.format ? measure.format(value) : fmt(value);
            const label = namedBars ? `${shown} · ${party}` : shown;
            barLabelsEnd = Math.max(barLabelsEnd, LABEL_WIDTH + Math.max(length, 1) + 6 + labelWidth(label, 11) + 16);
            rows.push(el('g', { 'data-party': party, 'data-value': fmt(value), class: focus && party !== focus ? 'dim' : undefined },
                el('title', {}, escapeXml(`${party}: ${shown}`)),
                el('rect', { class: PARTY_MARK, x: LABEL_WIDTH, y: barY, width: Math.max(length, 1), height: BAR, rx: 2, style: `fill:${partyColor(parties, party)}` }),
                text(LABEL_WIDTH + Math.max(length, 1) + 6, barY + 11, label, { size: 11 })));
        });
        parts.push(el('g', { 'data-measure': measure.id }, ...rows));
        y += Math.max(24, parties.length * (BAR + 4)) + 14;
    }
    const description = `How ${charter.name} balances the parties: decisions controlled and blockable, seats, voting power, commitments owed and received, metrics benefiting each.`;
    return svgDocument('balance', Math.max(LABEL_WIDTH + BAR_AREA + 80, legendWidest, barLabelsEnd), y + 6, `Balance between the parties of ${charter.name}`, description, parts.join(''));
}
