import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderViews, VIEW_IDS } from '@entente/diagrams';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();
const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function exampleFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (folder: string) => fs.readdirSync(folder, { withFileTypes: true }).forEach(entry => {
        const full = path.join(folder, entry.name);
        // examples/changes holds before/after pairs that declare the same charters twice (see examples/.ententeignore).
        if (entry.isDirectory()) { if (full !== path.join(REPO_ROOT, 'examples', 'changes')) walk(full); } else if (entry.name.endsWith('.charter')) files[path.relative(REPO_ROOT, full)] = fs.readFileSync(full, 'utf8');
    });
    walk(path.join(REPO_ROOT, 'examples'));
    return files;
}

describe('golden SVGs of the examples (regenerate with UPDATE_GOLDEN=1)', function () {
    this.timeout(60_000);
    after(() => clearDocuments(services));

    it('render exactly as recorded', async () => {
        const checked = await checkWorkspace(services, exampleFiles(), { today: '2026-11-22' });
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
