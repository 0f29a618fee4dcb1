import { el, escapeXml, labelWidth, PARTY_MARK, partyColor, svgDocument, text } from './svg.js';
import { elementId, type RenderInput } from './types.js';

const MIN_STEP_WIDTH = 190;
const BASE_STEP_HEIGHT = 78;
/** Who sits at a step wraps onto lines of at most this width; each line adds LINE to the steps' height. */
const WHO_LINE_WIDTH = 320;
const LINE = 15;
/** Wider than this, "missing: …" gives the count of parties (their names are in the step's tooltip). */
const MISSING_WIDTH = 260;

/** The principals of a level as lines of at most WHO_LINE_WIDTH (one principal never splits). */
function whoLines(names: string[]): string[] {
    const lines: string[] = [];
    for (const name of names) {
        const last = lines[lines.length - 1];
        if (last !== undefined && labelWidth(`${last}, ${name}`, 12) <= WHO_LINE_WIDTH) {
            lines[lines.length - 1] = `${last}, ${name}`;
        } else {
            lines.push(name);
            if (lines.length > 1) {
                lines[lines.length - 2] += ',';
            }
        }
    }
    return lines.length ? lines : [''];
}

/** Party dots are DOT apart; a step seating more parties than DOTS_PER_ROW wraps them onto rows DOT_ROW apart. */
const DOT = 20;
const DOTS_PER_ROW = 16;
const DOT_ROW = 18;

/** How many rows the dots of `seated` parties take. */
function dotRows(seated: number): number {
    return Math.max(1, Math.ceil(seated / DOTS_PER_ROW));
}

/** How many dots the last row of `seated` parties holds (where the "missing: …" label follows them). */
function dotsInLastRow(seated: number): number {
    return seated - (dotRows(seated) - 1) * DOTS_PER_ROW;
}

/** The final step's text wraps onto lines of at most this width, FINAL_LINE apart, as many as its box holds. */
const FINAL_TEXT_WIDTH = 360;
const FINAL_LINE = 14;

/**
 * `content` as lines of at most `maxWidth` (a word longer than that is a line of its own), at most
 * `maxLines` of them: the last holds whatever is left, for text() to cut short with an ellipsis.
 */
function textLines(content: string, maxWidth: number, size: number, maxLines: number): string[] {
    const lines: string[] = [];
    const words = content.split(' ');
    let index = 0;
    while (index < words.length && lines.length < maxLines - 1) {
        let line = words[index++];
        while (index < words.length && labelWidth(`${line} ${words[index]}`, size) <= maxWidth) {
            line += ` ${words[index++]}`;
        }
        lines.push(line);
    }
    if (index < words.length) {
        lines.push(words.slice(index).join(' '));
    }
    return lines;
}

/** A party's place in the charter's `parties` (one not listed there after every listed one). */
function partyOrder(parties: readonly string[], party: string): number {
    const index = parties.indexOf(party);
    return index < 0 ? parties.length : index;
}

function missingLabel(absent: string[]): string {
    const full = `missing: ${absent.join(', ')}`;
    return labelWidth(full, 10) <= MISSING_WIDTH ? full : `missing: ${absent.length} parties`;
}
const GAP = 34;

/**
 * The escalation ladder: each escalation as ordered steps with their time
 * boxes and the parties seated at each step, the final step, and the
 * worst-case total time to resolution.
 */
export function renderEscalationLadder({ charter, options }: RenderInput): string {
    const focus = options?.viewAsParty;
    const parts: string[] = [];
    let y = 12;
    let width = 420;
    if (charter.escalations.length === 0) {
        parts.push(text(12, 36, 'No escalation path: disputes have no agreed way out.', { size: 14, className: 'muted' }));
        y = 60;
    }
    for (const escalation of charter.escalations) {
        // Every step of an escalation as wide as its widest text (who sits there, who is missing), whole.
        const STEP_WIDTH = Math.max(MIN_STEP_WIDTH, ...escalation.levels.map(level => {
            const absent = charter.parties.filter(party => !level.parties.includes(party));
            const missing = absent.length && charter.parties.length > 1 ? labelWidth(missingLabel(absent), 10) + 30 + dotsInLastRow(level.parties.length) * DOT : 0;
            // The widest row of dots, from the first dot's left edge (x + 9) to the last one's right edge, and 10 of margin.
            const dots = 10 + Math.min(level.parties.length, DOTS_PER_ROW) * DOT;
            return Math.max(...whoLines(level.principals.map(p => p.text)).map(line => labelWidth(line, 12) + 20), missing, dots);
        }));
        const extra = Math.max(0, ...escalation.levels.map(level => whoLines(level.principals.map(p => p.text)).length - 1)) * LINE;
        const dotExtra = Math.max(0, ...escalation.levels.map(level => dotRows(level.parties.length) - 1)) * DOT_ROW;
        const STEP_HEIGHT = BASE_STEP_HEIGHT + extra + dotExtra;
        const heading = escalation.title ? `${escalation.name} — ${escalation.title}` : escalation.name;
        const total = escalation.levels.length === 0 ? 'no levels' : escalation.worstCaseDays === undefined ? 'worst case: unbounded (a level has no time box)' : `worst case: ${escalation.worstCaseDays} days`;
        const outcome = escalation.finalStep ? `→ ${escalation.finalStep.kind}` : '→ no final step';
        const group: string[] = [
            text(12, y + 16, heading, { size: 14, weight: 'bold', maxWidth: labelWidth(heading, 14, true) }),
            text(12, y + 34, `${total} ${outcome}`, { size: 12, className: escalation.finalStep && escalation.worstCaseDays !== undefined ? 'muted' : 'critical' })
        ];
        const stepsY = y + 46;
        let x = 12;
        escalation.levels.forEach((level, index) => {
            // The dots in the charter's order of parties, the order of their colours everywhere (the model sorts them by name).
            const seated = [...level.parties].sort((a, b) => partyOrder(charter.parties, a) - partyOrder(charter.parties, b));
            const absent = charter.parties.filter(party => !seated.includes(party));
            const who = level.principals.map(p => p.text).join(', ');
            const box: string[] = [
                el('title', {}, escapeXml(`Level ${index + 1}: ${who}${level.within ? `, within ${level.within.value} ${level.within.unit}` : ', no time box'}${absent.length && charter.parties.length > 1 ? `; missing: ${absent.join(', ')}` : ''}`)),
                el('rect', { x, y: stepsY, width: STEP_WIDTH, height: STEP_HEIGHT, rx: 6, class: 'panel', 'stroke-width': absent.length && charter.parties.length > 1 ? 2.5 : 1 }),
                text(x + 10, stepsY + 18, `Level ${index + 1}`, { size: 12, weight: 'bold' }),
                text(x + STEP_WIDTH - 10, stepsY + 18, level.within ? `≤ ${level.within.days} days` : 'untimed', { size: 12, anchor: 'end', className: level.within ? 'muted' : 'critical' }),
                ...whoLines(level.principals.map(p => p.text)).map((line, i) => text(x + 10, stepsY + 38 + i * LINE, line, { size: 12, maxWidth: STEP_WIDTH - 20 }))
            ];
            seated.forEach((party, i) => {
                const row = Math.floor(i / DOTS_PER_ROW);
                box.push(el('g', { 'data-party': party },
                    el('circle', { cx: x + 16 + (i % DOTS_PER_ROW) * DOT, cy: stepsY + 58 + extra + row * DOT_ROW, r: 7, class: PARTY_MARK, style: `fill:${partyColor(charter.parties, party)}` }),
                    el('title', {}, escapeXml(party))));
            });
            if (absent.length && charter.parties.length > 1) {
                const lastRow = dotRows(seated.length) - 1;
                const afterDots = dotsInLastRow(seated.length) * DOT;
                box.push(text(x + 16 + afterDots, stepsY + 62 + extra + lastRow * DOT_ROW, missingLabel(absent), { size: 10, className: 'muted', maxWidth: STEP_WIDTH - 30 - afterDots }));
            }
            group.push(el('g', { 'data-step': `${escalation.name}/${index + 1}`, class: focus && !seated.includes(focus) ? 'dim' : undefined }, ...box));
            x += STEP_WIDTH;
            group.push(el('path', { class: 'edge', d: `M ${x + 4} ${stepsY + STEP_HEIGHT / 2} L ${x + GAP - 6} ${stepsY + STEP_HEIGHT / 2}`, 'marker-end': 'url(#ladder-arrow)' }));
            x += GAP;
        });
        const finalLabel = escalation.finalStep ? escalation.finalStep.kind : 'no final step';
        const finalHeading = escalation.finalStep ? `Finally: ${finalLabel}` : finalLabel;
        const finalText = escalation.finalStep?.text ?? '';
        // A long text wraps onto the lines the box holds (the last cut short, the whole in the step's title), not into a box as wide as the text.
        const finalLines = finalText ? textLines(finalText, FINAL_TEXT_WIDTH, 11, 1 + Math.floor((STEP_HEIGHT - 60) / FINAL_LINE)) : [];
        const finalWidth = Math.max(140, labelWidth(finalHeading, 13, true) + 24, ...finalLines.map(line => Math.min(labelWidth(line, 11), FINAL_TEXT_WIDTH) + 24));
        group.push(el('g', { 'data-step': `${escalation.name}/final` },
            el('title', {}, escapeXml(escalation.finalStep ? `Finally ${escalation.finalStep.kind}${escalation.finalStep.text ? `: ${escalation.finalStep.text}` : ''}` : 'No final step: the dispute is never resolved')),
            el('rect', { x, y: stepsY, width: finalWidth, height: STEP_HEIGHT, rx: 18, class: escalation.finalStep ? 'panel' : 'critical', 'fill-opacity': escalation.finalStep ? undefined : 0.25 }),
            text(x + 12, stepsY + 30, finalHeading, { size: 13, weight: 'bold', maxWidth: finalWidth - 20 }),
            ...finalLines.map((line, i) => text(x + 12, stepsY + 50 + i * FINAL_LINE, line, { size: 11, className: 'muted', maxWidth: finalWidth - 20 }))));
        width = Math.max(width, x + finalWidth + 16, 12 + labelWidth(heading, 14, true) + 16, 12 + labelWidth(`${total} ${outcome}`, 12) + 16);
        parts.push(el('g', { 'data-element': elementId(charter, escalation.name) }, ...group));
        y = stepsY + STEP_HEIGHT + 28;
    }
    const defs = el('defs', {}, el('marker', { id: 'ladder-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' },
        el('path', { d: 'M 0 0 L 10 5 L 0 10 z', style: 'fill:var(--line)' })));
    const description = `${charter.escalations.length} escalation paths of ${charter.name}, each step with its time box and the parties seated there.`;
    return svgDocument('escalation', width, y, `Escalation ladder of ${charter.name}`, description, defs + parts.join(''));
}
