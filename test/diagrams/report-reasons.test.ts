import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderReport } from '@entente/diagrams';
import { REPO_ROOT } from '../helpers/cli.js';
import { clearDocuments, createTestServices } from '../helpers/workspace.js';
import { renderFirstCharter } from './render-helpers.js';

const services = createTestServices();
const read = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/calibration', name), 'utf8');

describe('the report says why the score is what it is', () => {
    afterEach(() => clearDocuments(services));

    it('lists each check below 1 with the elements that pulled it down, its findings and the cap', async () => {
        const { input, views } = await renderFirstCharter(services, { 'c.charter': read('strategic-supplier.flawed.charter') });
        const report = renderReport({ ...input, views, docsBaseUrl: 'https://example.org/' });
        assert.match(report, /<section id="reasons"><h2>Why the score<\/h2>/);
        assert.match(report, /Capped at 79: /);
        assert.match(report, /equality · Voting power balance of majority bodies \(Banzhaf\)<\/strong> 0\.00 \(caps the score at 79\) <span class="muted">\(SupplierBoard\)<\/span>/);
        assert.match(report, /<code>one-sided-final-step<\/code> Disputes ends in an executive decision by Ostrava alone/);
    });

    it('has no such section when every check scores 1', async () => {
        const { input, views } = await renderFirstCharter(services, { 'c.charter': read('strategic-supplier.signoff.charter') });
        assert.doesNotMatch(renderReport({ ...input, views, docsBaseUrl: 'https://example.org/' }), /id="reasons"/);
    });
});
