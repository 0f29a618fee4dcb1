import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIMENSION_IDS, type CharterHealth, type DimensionId, type Finding } from '@entente/language';
import { REPO_ROOT } from '../../helpers/cli.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

/**
 * Calibration (docs/health.md): realistic charters of six kinds of partnership, each in the version an
 * alliance manager would sign off and in a flawed one. Every sign-off scores 90 or more with no warning;
 * every flawed one scores below 80, and so does each dimension its flaws belong to.
 */
const FOLDER = path.join(REPO_ROOT, 'test/fixtures/calibration');
const TODAY = '2026-11-22';

const FLAWED_DIMENSIONS: Record<string, DimensionId[]> = {
    'pharma-codevelopment': ['equality', 'conflict'],
    'reseller-programme': ['equality'],
    'public-private-coalition': ['conflict', 'accountability'],
    'university-industry-consortium': ['equality', 'conflict', 'accountability'],
    'joint-venture': ['equality', 'accountability'],
    'strategic-supplier': ['equality', 'conflict']
};

const services = createTestServices();

async function scored(text: string): Promise<{ health: CharterHealth; findings: Finding[] }> {
    const { document, findings } = await checkText(services, text, { today: TODAY });
    return { health: services.charter.HealthScorer.score(document, findings)[0], findings };
}

const read = (name: string) => fs.readFileSync(path.join(FOLDER, name), 'utf8');

describe('calibration: the overall score reads as a seasoned alliance manager reads the charter', function () {
    this.timeout(60_000);
    afterEach(() => clearDocuments(services));

    it('has a sign-off and a flawed version of at least five kinds of partnership', () => {
        const kinds = Object.keys(FLAWED_DIMENSIONS);
        assert.ok(kinds.length >= 5);
        for (const kind of kinds) {
            assert.ok(fs.existsSync(path.join(FOLDER, `${kind}.signoff.charter`)), kind);
            assert.ok(fs.existsSync(path.join(FOLDER, `${kind}.flawed.charter`)), kind);
        }
        assert.deepEqual(fs.readdirSync(FOLDER).filter(name => name.endsWith('.charter')).length, kinds.length * 2);
    });

    for (const [kind, dimensions] of Object.entries(FLAWED_DIMENSIONS)) {
        it(`${kind}: the sign-off version scores 90 or more with no warning`, async () => {
            const { health, findings } = await scored(read(`${kind}.signoff.charter`));
            assert.deepEqual(findings.filter(f => f.severity === 'error' || f.severity === 'warning').map(f => `${f.ruleId}: ${f.message}`), []);
            assert.ok(health.score! >= 90, `${kind} sign-off scores ${health.score}`);
            assert.equal(health.band, 'healthy');
            assert.equal(health.cap, undefined);
        });

        it(`${kind}: the flawed version scores below 80, in ${dimensions.join(', ')}, and says why`, async () => {
            const { health } = await scored(read(`${kind}.flawed.charter`));
            assert.ok(health.score! < 80, `${kind} flawed scores ${health.score}`);
            assert.notEqual(health.band, 'healthy');
            for (const id of DIMENSION_IDS) {
                const score = health.dimensions[id].score!;
                assert.equal(score < 80, dimensions.includes(id), `${kind} flawed: ${id} ${score}`);
            }
            assert.ok(health.cap && health.cap.reasons.length > 0, 'the cap names its reasons');
            // Every capping check names the elements that pulled it down.
            const capping = DIMENSION_IDS.flatMap(id => health.dimensions[id].checks.filter(check => check.caps));
            assert.ok(capping.length > 0);
            for (const check of capping) {
                assert.ok(check.elements.length > 0, `${check.id} names its elements`);
            }
        });
    }

    it('an all-unilateral co-development, split evenly, is not healthy on equality', async () => {
        let deciders = 0;
        const text = read('pharma-codevelopment.signoff.charter')
            .replace(/^\s*reserved\n/gm, '')
            .replace(/decided by Joint\w+/g, () => (deciders++ % 2 === 0 ? 'decided by Helix.CSO' : 'decided by Norvana.HeadOfDevelopment'));
        assert.equal(deciders, 4);
        const { health, findings } = await scored(text);
        assert.deepEqual(findings.filter(f => f.ruleId === 'one-sided-decision-rights'), [], 'the split is even: no one-sided control');
        assert.ok(health.dimensions.equality.score! < 80, `equality ${health.dimensions.equality.score}`);
        const mutuality = health.dimensions.equality.checks.find(check => check.id === 'equality.mutuality')!;
        assert.equal(mutuality.ratio, 0);
        assert.deepEqual(mutuality.elements, ['DevelopmentPlan', 'GoNoGo', 'TrialDesign', 'Publications']);
        assert.ok(health.score! < 80);
    });

    it('a reseller whose vendor decides its own prices and the reseller its own rates is not punished', async () => {
        const { health } = await scored(read('reseller-programme.signoff.charter'));
        const equality = Object.fromEntries(health.dimensions.equality.checks.map(check => [check.id, check.ratio]));
        assert.equal(equality['equality.say-balance'], 1);
        assert.equal(equality['equality.mutuality'], 1);
        assert.equal(health.dimensions.equality.score, 100);
    });
});
