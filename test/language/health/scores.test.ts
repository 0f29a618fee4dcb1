import * as assert from 'node:assert/strict';
import type { CharterHealth } from '@entente/language';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const services = createTestServices();
const PARTIES = 'party A { role R role S }\nparty B { role R }\n';

async function healthOf(body: string): Promise<CharterHealth> {
    const { document, findings } = await checkText(services, `${PARTIES}charter C {\n    parties A, B\n${body}\n}\n`, { today: '2026-11-22' });
    return services.charter.HealthScorer.score(document, findings)[0];
}

const ratios = (health: CharterHealth, dimension: keyof CharterHealth['dimensions']) =>
    Object.fromEntries(health.dimensions[dimension].checks.map(check => [check.id.split('.')[1], Math.round(check.ratio * 1000) / 1000]));

describe('health scores, computed by hand', () => {
    afterEach(() => clearDocuments(services));

    it('equality: decision control, seats, power, say and chairs', async () => {
        const health = await healthOf(`
    body Board { members A.R, A.S, B.R votes by majority }
    decision D1 { decided by A }
    decision D2 { decided by B }
    decision D3 { decided by Board }`);
        // Control: A 2 (D1, D3 by 2 of 3 seats), B 1 of 3 decisions -> (3 - 1) / 3.
        // Seats 2:1 -> 1/2. Banzhaf power in Board: A 100%, B 0% -> 0.
        // Both parties have a say -> 1. One joint body with no fixed chair -> 1.
        // No commitments or metrics: those checks are left out, not counted as perfect.
        assert.deepEqual(ratios(health, 'equality'), {
            'decision-control': 0.667, 'seat-balance': 0.5, 'voting-power': 0, 'parties-with-a-say': 1, 'shared-chairs': 1
        });
        // (2/3 + 1/2 + 0 + 1 + 1) / 5 = 0.6333
        assert.equal(health.dimensions.equality.score, 63);
        assert.equal(health.dimensions.equality.band, 'at-risk');
    });

    it('equality: a body that seats only an outsider favours no charter party, and no score is ever NaN', async () => {
        const { document, findings } = await checkText(services, `${PARTIES}party X { role R }\ncharter C {\n    parties A, B\n    body Board { members X.R }\n    decision D { decided by A }\n}\n`, { today: '2026-11-22' });
        const [health] = services.charter.HealthScorer.score(document, findings);
        assert.equal(ratios(health, 'equality')['seat-balance'], 1);
        assert.ok(Number.isFinite(health.score), `overall ${health.score}`);
        for (const dimension of Object.values(health.dimensions)) {
            assert.ok(dimension.score === null || Number.isFinite(dimension.score), `${dimension.id}: ${dimension.score}`);
        }
    });

    it('openness: a joint forum, a review cadence of more than a year, who hears of decisions', async () => {
        const health = await healthOf(`
    review every 18 months
    body Forum { members A.R, B.R meets monthly }
    decision D1 { decided by A informs B }
    decision D2 { decided by A }`);
        // Forum -> 1. 18 months = 540 days > 365 -> 0.5. Involved pairs: D1 (A, B), D2 (A) -> 3 of 4.
        assert.deepEqual(ratios(health, 'openness'), { 'joint-forum': 1, 'review-cadence': 0.5, 'informed-parties': 0.75 });
        assert.equal(health.dimensions.openness.score, 75);
    });

    it('conflict management: coverage of blockable decisions, final steps, time boxes, joint levels', async () => {
        const health = await healthOf(`
    decision J { decided by A, B }
    decision K { decided by A, B escalates to E1 }
    escalation E1 { level A.R, B.R within 5 days level A.R finally mediation }
    escalation E2 { level B.R }`);
        // An escalation exists -> 1. Blockable J, K; only K covered -> 1/2. Final step: E1 of E1, E2 -> 1/2.
        // Levels: E1.1 timed and joint, E1.2 untimed and A only, E2.1 untimed and B only -> 1/3 and 1/3.
        assert.deepEqual(ratios(health, 'conflict'), {
            'escalation-exists': 1, 'blockable-decisions-covered': 0.5, 'final-steps': 0.5, 'timed-levels': 0.333, 'joint-levels': 0.333
        });
        // (1 + 0.5 + 0.5 + 1/3 + 1/3) / 5 = 0.5333
        assert.equal(health.dimensions.conflict.score, 53);
        assert.equal(health.dimensions.conflict.band, 'critical');
    });

    it('accountability: owners, beneficiaries, deciders, members, and promises kept on time', async () => {
        const health = await healthOf(`
    commitment K1 { owner A.R to B due 2026-01-01 }
    commitment K2 { to A }
    commitment K3 { owner B.R due 2027-01-01 }
    decision D {}
    decision E { decided by A }
    metric M { owner A.R }
    body X {}`);
        // Owned 2/3, owed to someone 2/3, decided 1/2, metrics owned 1/1, bodies staffed 0/1,
        // dated commitments on time: K1 overdue on 2026-11-22, K3 not yet due -> 1/2.
        assert.deepEqual(ratios(health, 'accountability'), {
            'owned-commitments': 0.667, 'commitments-owed-to-someone': 0.667, 'decided-decisions': 0.5, 'owned-metrics': 1, 'staffed-bodies': 0, 'commitments-on-time': 0.5
        });
        // (2/3 + 2/3 + 1/2 + 1 + 0 + 1/2) / 6 = 0.5556
        assert.equal(health.dimensions.accountability.score, 56);
    });

    it('measurable outcomes: vision, objectives, measured objectives, complete metrics, kinds', async () => {
        const health = await healthOf(`
    vision "Together."
    objective O1 objective O2
    metric M1 { kind outcome owner A.R target >= 1 tracks O1 }
    metric M2 { kind process cadence monthly }`);
        // Vision 1, objectives 1, O1 of O1, O2 tracked -> 1/2, owner/target/cadence: M1 2 + M2 1 of 6 -> 1/2, kinds 2 of 3.
        assert.deepEqual(ratios(health, 'outcomes'), { vision: 1, objectives: 1, 'measured-objectives': 0.5, 'complete-metrics': 0.5, 'metric-kinds': 0.667 });
        // (1 + 1 + 0.5 + 0.5 + 2/3) / 5 = 0.7333
        assert.equal(health.dimensions.outcomes.score, 73);
    });

    it('names the findings that pulled a check down', async () => {
        const health = await healthOf(`
    decision D1 { decided by A }
    decision D2 { decided by A.R }
    decision D3 { decided by A.S }`);
        const control = health.dimensions.equality.checks.find(check => check.id === 'equality.decision-control')!;
        assert.equal(control.ratio, 0);
        assert.deepEqual(control.findings.map(finding => finding.ruleId), ['one-sided-decision-rights']);
        assert.match(control.findings[0].message, /A alone controls 3 of 3 decisions; B controls 0/);
    });

    it('shows a dimension with nothing to measure as not measured (null), never 100, and leaves it out of the overall score', async () => {
        const health = await healthOf('    vision "Just a vision."');
        assert.equal(health.dimensions.equality.score, null);
        assert.equal(health.dimensions.accountability.score, null);
        assert.equal(health.dimensions.equality.band, undefined);
        // Measured: openness (no forum 0, no review 0) = 0; conflict (no escalation) = 0;
        // outcomes: vision 1, objectives 0, kinds 0 -> 1/3 = 33. Overall: (0*0.15 + 0*0.2 + 33*0.2) / 0.55 = 12.
        assert.deepEqual([health.dimensions.openness.score, health.dimensions.conflict.score, health.dimensions.outcomes.score], [0, 0, 33]);
        assert.equal(health.score, 12);
    });

    it('weights the overall score: equality 25%, openness 15%, conflict 20%, accountability 20%, outcomes 20%', async () => {
        const health = await healthOf(`
    vision "v" review yearly objective O
    body Forum { members A.R, B.R meets monthly }
    decision D { decided by Forum escalates to E }
    escalation E { level A.R, B.R within 5 days finally mediation }
    commitment K { owner A.R to B }
    metric M { kind relationship owner B.R target >= 4 of 5 cadence yearly tracks O benefits A, B }`);
        const dims = health.dimensions;
        const expected = Math.round((dims.equality.score! * 25 + dims.openness.score! * 15 + dims.conflict.score! * 20 + dims.accountability.score! * 20 + dims.outcomes.score! * 20) / 100);
        assert.equal(health.score, expected);
        assert.equal(health.band, health.score! >= 80 ? 'healthy' : health.score! >= 60 ? 'at-risk' : 'critical');
    });
});

describe('the health checks\' rules', () => {
    it('are registered rules, named by the rule objects (an id string still works, and must name a registered rule)', async () => {
        const { allRules, HEALTH_CHECKS, ruleIdsOf } = await import('@entente/language');
        const registered = new Set(allRules.map(rule => rule.meta.id));
        for (const check of HEALTH_CHECKS) {
            assert.ok(check.rules.length > 0, check.id);
            for (const id of ruleIdsOf(check)) assert.ok(registered.has(id), `${check.id}: ${id} is a registered rule`);
            for (const rule of check.rules) if (typeof rule !== 'string') assert.ok(allRules.includes(rule), `${check.id}: ${rule.meta.id} is the registered rule object`);
        }
    });
});
