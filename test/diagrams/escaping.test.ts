import * as assert from 'node:assert/strict';
import { renderReport, VIEW_IDS } from '@entente/diagrams';
import { clearDocuments, createTestServices } from '../helpers/workspace.js';
import { assertWellFormed, renderFirstCharter } from './render-helpers.js';
import { HOSTILE, hostileCharter } from '../helpers/hostile.js';

const services = createTestServices();

describe('escaping: nothing a charter contains becomes markup', () => {
    afterEach(() => clearDocuments(services));

    for (const hostile of HOSTILE) {
        it(`keeps ${JSON.stringify(hostile)} as text in every view and in the report`, async () => {
            const { input, views } = await renderFirstCharter(services, { 'hostile.charter': hostileCharter(hostile) });
            const report = renderReport({ ...input, views, docsBaseUrl: 'https://example.org/' });
            for (const [name, svg] of [...VIEW_IDS.map(view => [view, views[view]] as const), ['report', report] as const]) {
                if (name !== 'report') {
                    assertWellFormed(svg, name);
                }
                assert.doesNotMatch(svg, /<script/i, `${name}: no script element`);
                assert.doesNotMatch(svg, /<img/i, `${name}: no injected element`);
                assert.doesNotMatch(svg, /<[a-z][^>]*\son[a-z]+\s*=/i, `${name}: no event handler attribute inside a tag`);
                assert.doesNotMatch(svg, /<[a-z][^>]*href="\s*javascript:/i, `${name}: no javascript: link`);
                assert.doesNotMatch(svg, /[\u202A-\u202E\u2066-\u2069]/, `${name}: bidi controls are shown as codes, not obeyed`);
            }
        });
    }

    it('renders a megabyte-long title quickly, truncated with the full text in a title element', async () => {
        const long = 'x'.repeat(1_000_000);
        const started = performance.now();
        const { views } = await renderFirstCharter(services, { 'long.charter': hostileCharter(long) });
        assert.ok(performance.now() - started < 10_000);
        assert.match(views.escalation, /x…<\/text>/);
        assertWellFormed(views.escalation);
    });
});
