import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderReport, renderViews, VIEW_IDS } from '@entente/diagrams';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';
import { assertWellFormed } from '../diagrams/render-helpers.js';
import { workspaceArbitrary } from './charter-arbitrary.js';

const services = createTestServices();
const RUNS = Math.max(10, Math.round(Number(process.env.ENTENTE_FUZZ_RUNS ?? 60) / 3));
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261122);

describe('properties of rendering over generated charters', () => {
    it('never throws and always yields well-formed SVG for every view', async function () {
        this.timeout(180_000);
        await fc.assert(fc.asyncProperty(workspaceArbitrary, async files => {
            try {
                const checked = await checkWorkspace(services, files);
                for (const { document, model, findings } of Object.values(checked)) {
                    const health = services.charter.HealthScorer.score(document, findings);
                    for (const [index, charter] of model.charters.entries()) {
                        const views = await renderViews({ charter, health: health[index], findings: findings.map(f => ({ ...f })) });
                        for (const view of VIEW_IDS) {
                            assertWellFormed(views[view], `${charter.name}/${view}`);
                        }
                        assert.match(renderReport({ charter, views, docsBaseUrl: 'https://example.org/' }), /<\/html>\n$/);
                    }
                }
            } finally {
                await clearDocuments(services);
            }
        }), { numRuns: RUNS, seed: SEED });
    });
});
