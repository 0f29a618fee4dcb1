/// <reference lib="dom" />
/**
 * Inserts SVG text into the page through a parsed, sanitised path: the text is
 * parsed as XML (never as HTML, never through innerHTML), and only an
 * allow-list of SVG elements and attributes is copied into new nodes; text
 * stays text. Scripts, event handlers, foreign content and links to anything
 * outside the drawing are dropped.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

const ALLOWED_ELEMENTS = new Set([
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'style',
    'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
    'text', 'tspan', 'textPath',
    'marker', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'filter',
    'feDropShadow', 'feGaussianBlur', 'feOffset', 'feBlend', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode'
]);
/** Elements whose children are kept but not themselves (links would navigate the webview). */
const UNWRAPPED_ELEMENTS = new Set(['a', 'switch']);

const REMOTE_URL = /url\(\s*['"]?\s*(?!#)/i;

function allowedAttribute(name: string, value: string): boolean {
    const lower = name.toLowerCase();
    if (lower.startsWith('on')) {
        return false;
    }
    if (lower === 'href' || lower === 'xlink:href' || lower === 'src') {
        return value.trim().startsWith('#');
    }
    if (REMOTE_URL.test(value) || /javascript:/i.test(value)) {
        return false;
    }
    return /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(name);
}

export interface SanitiseOptions {
    /** The page's nonce, given to copied <style> elements so the CSP lets them apply. */
    nonce?: string;
}

function copyElement(source: Element, target: Document, options: SanitiseOptions): Node[] {
    const name = source.localName;
    if (source.namespaceURI !== SVG_NS) {
        return [];
    }
    if (UNWRAPPED_ELEMENTS.has(name)) {
        return copyChildren(source, target, options);
    }
    if (!ALLOWED_ELEMENTS.has(name)) {
        return [];
    }
    if (name === 'style') {
        const style = target.createElementNS(SVG_NS, 'style') as SVGStyleElement;
        if (options.nonce) {
            style.nonce = options.nonce;
        }
        const css = source.textContent ?? '';
        style.textContent = REMOTE_URL.test(css) || /@import/i.test(css) ? '' : css;
        return [style];
    }
    const element = target.createElementNS(SVG_NS, name) as SVGElement;
    for (const attribute of Array.from(source.attributes)) {
        if (!allowedAttribute(attribute.name, attribute.value)) {
            continue;
        }
        if (attribute.name === 'style') {
            // CSSOM, not the attribute: the CSP forbids inline style attributes, and this cannot run code.
            element.style.cssText = attribute.value;
        } else if (attribute.name === 'xlink:href') {
            element.setAttributeNS(XLINK_NS, 'xlink:href', attribute.value);
        } else if (attribute.name !== 'xmlns' && !attribute.name.startsWith('xmlns:')) {
            element.setAttribute(attribute.name, attribute.value);
        }
    }
    for (const child of copyChildren(source, target, options)) {
        element.appendChild(child);
    }
    return [element];
}

function copyChildren(source: Element, target: Document, options: SanitiseOptions): Node[] {
    const nodes: Node[] = [];
    for (const child of Array.from(source.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE || child.nodeType === Node.CDATA_SECTION_NODE) {
            nodes.push(target.createTextNode(child.nodeValue ?? ''));
        } else if (child.nodeType === Node.ELEMENT_NODE) {
            nodes.push(...copyElement(child as Element, target, options));
        }
    }
    return nodes;
}

/**
 * Parses SVG text and returns a sanitised copy owned by `target`, or an error
 * message when the text is not a well-formed SVG document.
 */
export function sanitiseSvg(svgText: string, target: Document, options: SanitiseOptions = {}): SVGSVGElement | { error: string } {
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const root = parsed.documentElement;
    if (parsed.getElementsByTagName('parsererror').length > 0 || root.localName !== 'svg' || root.namespaceURI !== SVG_NS) {
        return { error: 'The view could not be drawn (the SVG did not parse).' };
    }
    const [copy] = copyElement(root, target, options);
    return copy as SVGSVGElement;
}
