import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildPreviewHtml, createNonce, previewCsp } from '../../packages/vscode/src/extension/preview-html.js';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('the preview HTML and its content security policy', () => {
    const nonce = createNonce(randomBytes(32));
    const html = buildPreviewHtml({
        cspSource: CSP_SOURCE,
        nonce,
        scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`,
        styleUri: `${CSP_SOURCE}/ext/dist/webview.css`
    });

    it('denies everything by default and allows scripts only by nonce', () => {
        const csp = previewCsp(CSP_SOURCE, nonce);
        const directives = new Map(csp.split(';').map(part => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
        assert.deepEqual(directives.get('default-src'), ["'none'"]);
        assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
        assert.deepEqual(directives.get('style-src'), [CSP_SOURCE, `'nonce-${nonce}'`]);
        assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
        assert.ok(!/\bhttps?:\*|\*/.test(csp), 'no wildcard source');
        assert.ok(html.includes(`content="${csp}"`));
    });

    it('loads only the bundle\'s script and stylesheet, both with the nonce, and nothing remote', () => {
        assert.equal((html.match(/<script\b/g) ?? []).length, 1);
        assert.ok(html.includes(`<script nonce="${nonce}" src="${CSP_SOURCE}/ext/dist/webview.js"></script>`));
        assert.ok(html.includes(`<link rel="stylesheet" nonce="${nonce}" href="${CSP_SOURCE}/ext/dist/webview.css">`));
        const urls = html.match(/\b(?:src|href)="([^"]+)"/g) ?? [];
        assert.ok(urls.every(url => url.includes(CSP_SOURCE)), urls.join(', '));
        assert.ok(!html.includes('<style'), 'no inline style element');
    });

    it('makes a fresh alphanumeric nonce each time', () => {
        const other = createNonce(randomBytes(32));
        assert.match(nonce, /^[A-Za-z0-9]{32}$/);
        assert.notEqual(other, nonce);
    });
});
