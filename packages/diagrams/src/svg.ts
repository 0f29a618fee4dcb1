/**
 * SVG text building blocks: escaping, text measurement, the theme and the
 * party palette. Everything a charter contains goes through `escapeXml`.
 */

/** Escapes text for XML character data and attribute values (quotes included). */
export function escapeXml(text: string): string {
    // Most texts (names, numbers, ids) have nothing to escape: one test instead of three replacements.
    if (!NEEDS_ESCAPING.test(text)) {
        return text;
    }
    return text.replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[ch]!)
        // Control characters are not allowed in XML 1.0; bidi controls are shown as their code, never obeyed.
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
        .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, ch => `[U+${ch.charCodeAt(0).toString(16).toUpperCase()}]`);
}

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/;
const BIDI_ALL = new RegExp(BIDI.source, 'g');

/** What `escapeXml` changes: markup characters, characters XML 1.0 does not allow, bidi controls. */
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069\u200E\u200F]/;

type Attributes = Record<string, string | number | undefined>;

/** An element with attributes in the given order (deterministic output) and children. */
export function el(tag: string, attributes: Attributes, ...children: string[]): string {
    let attrs = '';
    for (const name in attributes) {
        const value = attributes[name];
        if (value !== undefined) {
            attrs += ` ${name}="${typeof value === 'number' ? fmt(value) : escapeXml(value)}"`;
        }
    }
    return children.length ? `<${tag}${attrs}>${children.join('')}</${tag}>` : `<${tag}${attrs}/>`;
}

/** A text element: the text escaped, and truncated with an ellipsis (full text in its title) when wider than maxWidth. */
export function text(x: number, y: number, content: string, options: { size?: number; weight?: string; anchor?: string; maxWidth?: number; className?: string } = {}): string {
    const size = options.size ?? 13;
    // Measured as shown: a bidi control is drawn as its code, eight characters wide.
    content = BIDI.test(content) ? content.replace(BIDI_ALL, ch => `[U+${ch.charCodeAt(0).toString(16).toUpperCase()}]`) : content;
    // Bold text is about a tenth wider.
    const shown = options.maxWidth ? truncate(content, options.maxWidth, options.weight === 'bold' ? size * 1.1 : size) : content;
    const title = shown !== content ? el('title', {}, escapeXml(content)) : '';
    return el('text', { x, y, 'font-size': size, 'font-weight': options.weight, 'text-anchor': options.anchor, class: options.className }, title + escapeXml(shown));
}

/** A number with at most two decimals, no trailing zeros (stable output). */
export function fmt(value: number): string {
    return String(Math.round(value * 100) / 100);
}

const NARROW = new Set('iljtfr.,:;\'|!I ()[]');
const WIDE = new Set('MWmw@%');

/** Estimated width of one character, in ems, of a sans-serif font (measured against DejaVu Sans, the widest common default). */
function charUnits(ch: string): number {
    return NARROW.has(ch) ? 0.4 : WIDE.has(ch) ? 1.05 : ch >= 'A' && ch <= 'Z' ? 0.82 : ch.charCodeAt(0) > 0x2e80 ? 1.1 : 0.7;
}

/** Estimated width of text in a sans-serif font (no DOM to measure with); generous so text fits its box. */
export function textWidth(content: string, size = 13): number {
    let units = 0;
    for (const ch of content) {
        units += charUnits(ch);
    }
    return units * size;
}

/**
 * The widest a box grows to fit its text: beyond it (a pasted paragraph, a
 * hostile megabyte) the text is cut with an ellipsis, its whole in the title.
 */
export const MAX_TEXT_WIDTH = 960;

/** The width `text()` needs to draw a text whole at a size and weight (bold is about a tenth wider). */
export function labelWidth(content: string, size = 13, bold = false): number {
    return Math.min(MAX_TEXT_WIDTH, textWidth(content, bold ? size * 1.1 : size));
}

/** The text, cut with an ellipsis to fit a width (in one pass, so a megabyte of text costs no more than its length). */
export function truncate(content: string, maxWidth: number, size = 13): string {
    const budget = maxWidth / size - charUnits('…');
    let units = 0;
    let end = 0;
    for (const ch of content) {
        units += charUnits(ch);
        if (units > budget) {
            break;
        }
        end += ch.length;
    }
    if (end >= content.length || textWidth(content, size) <= maxWidth + 1e-6) {
        return content;
    }
    return `${content.slice(0, Math.max(end, 1))}…`;
}

/** Colour-blind-safe party colours (Okabe–Ito), assigned by the party's place in the charter's `parties`. */
export const PARTY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];

/**
 * The class of a mark filled with a party's colour: three of the palette's colours (orange, sky blue,
 * yellow) are too light to tell from a white background (2.3:1, 2.3:1, 1.3:1; WCAG asks 3:1 of a
 * graphic), so such a mark is outlined in the muted colour, which is, in either theme.
 */
export const PARTY_MARK = 'party-mark';

/** The CSS colour of a party: a variable the host may override, with the palette as fallback. */
export function partyColor(parties: readonly string[], party: string): string {
    const slot = paletteSlotOf(parties, party);
    return `var(--entente-party-${slot}, ${PARTY_COLORS[slot]})`;
}

/** A party's place in the palette: by its place in the charter's `parties`, round again past the last colour; the last colour for a party not listed. */
function paletteSlotOf(parties: readonly string[], party: string): number {
    const index = parties.indexOf(party);
    return index < 0 ? PARTY_COLORS.length - 1 : index % PARTY_COLORS.length;
}

/**
 * The border of a box in a party's colour (the governance map's parties and roles): the colour itself, but
 * for the three light ones and the pink, which take a darker shade of their hue in the light theme, 3:1 or
 * more on white and on the panel grey as WCAG asks of a graphic (orange #AC7700 3.9:1 on white and 3.7:1 on
 * the panel, sky blue #4087AF 4:1 and 3.7:1, yellow #908928 3.6:1 and 3.4:1, pink #B8608F 4.1:1 and 3.9:1,
 * where the colours are 2.3:1, 2.3:1, 1.3:1 and, the pink, 3.1:1 on white but 2.9:1 on the panel). In the
 * dark theme the colours themselves are 8:1 or more. A host
 * that sets `--entente-party-N` sets `--entente-party-border-N` too (both themes).
 */
const PARTY_BORDERS: Readonly<Record<number, string>> = { 1: '#AC7700', 3: '#B8608F', 4: '#4087AF', 6: '#908928' };

/** The CSS colour of the border of a box in a party's colour (see PARTY_BORDER_STYLE). */
export function partyBorder(parties: readonly string[], party: string): string {
    const slot = paletteSlotOf(parties, party);
    return PARTY_BORDERS[slot] ? `var(--party-border-${slot})` : partyColor(parties, party);
}

/** The variables of partyBorder, for the views that draw such borders: the darker shades, the colours themselves in the dark theme. */
export const PARTY_BORDER_STYLE = `
.entente{${Object.entries(PARTY_BORDERS).map(([slot, shade]) => `--party-border-${slot}:var(--entente-party-border-${slot},${shade})`).join(';')}}
@media (prefers-color-scheme:dark){.entente{${Object.keys(PARTY_BORDERS).map(slot => `--party-border-${slot}:var(--entente-party-border-${slot},var(--entente-party-${slot},${PARTY_COLORS[Number(slot)]}))`).join(';')}}}`;

/** The stylesheet every view carries: light and dark themes through CSS variables a host can override. */
export const THEME_STYLE = `
.entente{--fg:var(--entente-fg,#1f2328);--bg:var(--entente-bg,#ffffff);--muted:var(--entente-muted,#57606a);--line:var(--entente-line,#8c959f);--panel:var(--entente-panel,#f6f8fa);--ok:var(--entente-ok,#1a7f37);--warn:var(--entente-warn,#9a6700);--bad:var(--entente-bad,#cf222e);font-family:var(--entente-font,system-ui,-apple-system,'Segoe UI',sans-serif)}
@media (prefers-color-scheme:dark){.entente{--fg:var(--entente-fg,#e6edf3);--bg:var(--entente-bg,#0d1117);--muted:var(--entente-muted,#8d96a0);--line:var(--entente-line,#6e7681);--panel:var(--entente-panel,#161b22);--ok:var(--entente-ok,#3fb950);--warn:var(--entente-warn,#d29922);--bad:var(--entente-bad,#f85149)}}
.entente text{fill:var(--fg)}.entente .muted{fill:var(--muted)}.entente .bg{fill:var(--bg)}.entente .panel{fill:var(--panel);stroke:var(--line)}
.entente .edge{fill:none;stroke:var(--line);stroke-width:1.5}.entente .dim{opacity:.25}.entente .focus{stroke:var(--fg);stroke-width:2.5}
.entente .healthy{fill:var(--ok)}.entente .at-risk{fill:var(--warn)}.entente .critical{fill:var(--bad)}.entente .unmeasured{fill:var(--line)}
.entente .party-mark{stroke:var(--muted);stroke-width:1}.entente .on-band{fill:var(--bg)}
.entente [data-element]{cursor:pointer}.entente .highlight>rect,.entente .highlight>circle{stroke:var(--fg);stroke-width:3}`;

/** A whole view: the svg element with its size, accessible title and description, theme and content. */
export function svgDocument(view: string, width: number, height: number, title: string, description: string, content: string): string {
    return el('svg', {
        xmlns: 'http://www.w3.org/2000/svg',
        class: 'entente',
        'data-view': view,
        width: Math.ceil(width),
        height: Math.ceil(height),
        viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
        role: 'img',
        'aria-labelledby': `${view}-title ${view}-desc`
    },
    el('title', { id: `${view}-title` }, escapeXml(title)),
    el('desc', { id: `${view}-desc` }, escapeXml(description)),
    el('style', {}, THEME_STYLE),
    el('rect', { class: 'bg', x: 0, y: 0, width: Math.ceil(width), height: Math.ceil(height) }),
    content) + '\n';
}
