/**
 * The preview webview's HTML: a fixed shell with a strict Content Security
 * Policy. No charter text goes in here; the content arrives later as messages
 * and the webview inserts it through the DOM, never as markup.
 * Pure (no `vscode` import) so tests can check it.
 */
import type { ViewId } from '../webview-protocol.js';

export interface PreviewHtmlOptions {
    /** The webview's `cspSource` (where its local resources are served from). */
    cspSource: string;
    /** A fresh random nonce for this HTML. */
    nonce: string;
    /** Webview URIs of the bundled script and stylesheet, or (`script`, `style`) their text, put in the page. */
    scriptUri?: string;
    styleUri?: string;
    script?: string;
    style?: string;
    /** The view to show first (the panel's; without it, the one the webview saved, or the health card). */
    view?: ViewId;
}

/** The Content-Security-Policy of the preview: nothing but the bundle's own script and style, by nonce. */
export function previewCsp(cspSource: string, nonce: string): string {
    return [
        `default-src 'none'`,
        `img-src ${cspSource} data:`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
}

export function buildPreviewHtml(options: PreviewHtmlOptions): string {
    const { nonce } = options;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewCsp(options.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${options.style !== undefined
        ? `<style nonce="${escapeAttribute(nonce)}">${options.style.replace(/<\/(style)/gi, '<\\/$1')}</style>`
        : `<link rel="stylesheet" nonce="${escapeAttribute(nonce)}" href="${escapeAttribute(options.styleUri ?? '')}">`}
<title>Entente preview</title>
</head>
<body${options.view ? ` data-view="${escapeAttribute(options.view)}"` : ''}>
<header class="toolbar" role="toolbar">
<div class="tabs" role="tablist" id="tabs"></div>
<div class="selectors">
<label id="charter-label" hidden>Charter <select id="charter-select"></select></label>
<label>View as <select id="party-select"><option value="">every party</option></select></label>
<span class="zoom" role="group" aria-label="Zoom">
<button id="zoom-fit" type="button" class="button" title="Fit to width" aria-pressed="true">Fit</button>
<button id="zoom-out" type="button" class="button" title="Zoom out">−</button>
<button id="zoom-reset" type="button" class="button" title="Actual size">100%</button>
<button id="zoom-in" type="button" class="button" title="Zoom in">+</button>
</span>
<button id="export" type="button" class="button" title="Export the report (HTML) and the views (SVG)">Export…</button>
</div>
</header>
<main id="views" aria-live="polite"></main>
<p id="empty" class="empty" hidden></p>
<footer id="status" class="status"></footer>
${options.script !== undefined
        ? `<script nonce="${escapeAttribute(nonce)}">${options.script.replace(/<\/(script)/gi, '<\\/$1')}</script>`
        : `<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(options.scriptUri ?? '')}"></script>`}
</body>
</html>`;
}

/** A nonce of [A-Za-z0-9] from random bytes (pass at least 24 from a cryptographic source). */
export function createNonce(randomBytes: Uint8Array): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    return Array.from(randomBytes, byte => alphabet.charAt(byte % alphabet.length)).join('');
}

function escapeAttribute(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
