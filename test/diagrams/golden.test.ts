import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderViews, VIEW_IDS } from '@entente/diagrams';
import { REPO_ROOT } from '../helpers/cli.js';
import { exampleWorkspace } from '../helpers/examples.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();
const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('golden SVGs of the examples (regenerate with UPDATE_GOLDEN=1)', function () {
    this.timeout(60_000);
    after(() => clearDocuments(services));

    it('render exactly as recorded', async () => {
        const checked = await checkWorkspace(services, exampleWorkspace(), { today: '2026-11-22' });
        let compared = 0;
        for (const { document, model, findings } of Object.values(checked)) {
            const health = services.charter.HealthScorer.score(document, findings);
            for (const [index, charter] of model.charters.entries()) {
                const views = await renderViews({ charter, health: health[index], findings: findings.map(f => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, element: f.element })) });
                for (const view of VIEW_IDS) {
                    const file = path.join(GOLDEN, charter.name, `${view}.svg`);
                    if (UPDATE) {
                        fs.mkdirSync(path.dirname(file), { recursive: true });
                        fs.writeFileSync(file, views[view]);
                    }
                    assert.ok(fs.existsSync(file), `${path.relative(REPO_ROOT, file)} exists (run with UPDATE_GOLDEN=1)`);
                    assert.equal(views[view], fs.readFileSync(file, 'utf8'), `${charter.name}/${view}.svg differs from the recorded one`);
                    compared++;
                }
            }
        }
        assert.equal(compared, 6 * VIEW_IDS.length);
    });
});
