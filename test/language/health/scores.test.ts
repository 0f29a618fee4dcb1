import * as assert from 'node:assert/strict';
import type { CharterHealth } from '@entente/language';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/cli.js';
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
        // Say: A all of D1 and of D3 (2 of 3 seats by majority: Banzhaf power 1), B all of D2 -> A 2, B 1 -> (3 - 1) / 3.
        // Mutuality: no decision in which two parties have a say -> 0 (weight 2).
        // Seats 2:1 -> 1/2. Banzhaf power in Board: A 100%, B 0% -> 0.
        // Both parties have a say -> 1. One joint body with no fixed chair -> 1.
        // No commitments, metrics or reserved matters: those checks are left out, not counted as perfect.
        assert.deepEqual(ratios(health, 'equality'), {
            'say-balance': 0.667, mutuality: 0, 'seat-balance': 0.5, 'voting-power': 0, 'parties-with-a-say': 1, 'shared-chairs': 1
        });
        // (2/3 + 2 × 0 + 1/2 + 0 + 1 + 1) / 7 = 0.4524
        assert.equal(health.dimensions.equality.score, 45);
        assert.equal(health.dimensions.equality.band, 'critical');
        const caps = health.dimensions.equality.checks.filter(check => check.caps).map(check => check.id);
        assert.deepEqual(caps, ['equality.mutuality', 'equality.seat-balance', 'equality.voting-power']);
    });

    it('equality: a body that seats only an outsider favours no charter party, and no score is ever NaN', async () => {
        const { document, findings } = await checkText(services, `${PARTIES}party X { role R }\ncharter C {\n    parties A, B\n    body Board { members X.R }\n    decision D { decided by A }\n}\n`, { today: '2026-11-22' });
        const [health] = services.charter.HealthScorer.score(document, findings);
        // The outsider holds no seat: the body seats no one, so its balance is not measured and it counts as unstaffed.
        assert.equal(ratios(health, 'equality')['seat-balance'], undefined);
        assert.equal(ratios(health, 'accountability')['staffed-bodies'], 0);
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

    it('say: sole control is all of it, a veto an equal share, a majority body its Banzhaf power; reserved matters count twice', async () => {
        const { document } = await checkText(services, `${PARTIES}party E { role R }\ncharter C {
    parties A, B, E
    body Board { members A.R, A.S, B.R, E.R votes by majority }
    decision Sole { decided by A }
    decision Veto { decided by A.R, A.S, B by unanimity }
    decision Vote { reserved decided by Board }
    decision Told { decided by B consults A informs E }
}
`, { today: '2026-11-22' });
        const decisions = Object.fromEntries(services.charter.ModelBuilder.getModel(document).charters[0].decisions.map(d => [d.name, d]));
        assert.deepEqual(decisions.Sole.sayByParty, { A: 1 });
        assert.deepEqual(decisions.Veto.sayByParty, { A: 0.5, B: 0.5 });
        // A 2 seats, B 1, E 1, quota 3: A is pivotal in {A,B}, {A,E}, {A,B,E}; B and E each in one coalition -> 3:1:1.
        assert.deepEqual(decisions.Vote.sayByParty, { A: 0.6, B: 0.2, E: 0.2 });
        assert.equal(decisions.Vote.weight, 2);
        assert.deepEqual(decisions.Told.sayByParty, { B: 1 }, 'consulted and informed parties have no say');
    });

    it('say: an outsider or a name that resolves to nothing never decides, owns or holds a seat', async () => {
        const { document, findings } = await checkText(services, `${PARTIES}party X { role R }\ncharter C {
    parties A, B
    decision D1 { decided by X }
    decision D2 { decided by A, X.R }
    decision D3 { decided by Nobody }
    commitment P1 { owner X.R to A }
    commitment P2 { owner Nobody to B }
    metric M { owner X }
}
`, { today: '2026-11-22' });
        const [charter] = services.charter.ModelBuilder.getModel(document).charters;
        assert.deepEqual(charter.decisions.map(d => [d.decided, d.sayByParty]), [[false, {}], [true, { A: 1 }], [false, {}]]);
        assert.deepEqual(charter.commitments.map(c => c.ownerParties), [[], []]);
        const [health] = services.charter.HealthScorer.score(document, findings);
        assert.equal(ratios(health, 'accountability')['decided-decisions'], 0.333);
        assert.equal(ratios(health, 'accountability')['owned-commitments'], 0);
        assert.equal(ratios(health, 'accountability')['owned-metrics'], 0);
    });

    it('equality goes down when a decision moves from a joint body to one party (examples/changes/01-decision-control)', async () => {
        const folder = path.join(REPO_ROOT, 'examples/changes/01-decision-control');
        const before = await checkText(services, fs.readFileSync(path.join(folder, 'before.charter'), 'utf8'), { today: '2026-11-22' });
        const [was] = services.charter.HealthScorer.score(before.document, before.findings);
        await clearDocuments(services);
        const after = await checkText(services, fs.readFileSync(path.join(folder, 'after.charter'), 'utf8'), { today: '2026-11-22' });
        const [now] = services.charter.HealthScorer.score(after.document, after.findings);
        assert.ok(now.dimensions.equality.score! < was.dimensions.equality.score!, `equality ${was.dimensions.equality.score} → ${now.dimensions.equality.score}`);
        assert.ok(now.score! <= was.score!);
    });

    it('names the findings that pulled a check down', async () => {
        const health = await healthOf(`
    decision D1 { decided by A }
    decision D2 { decided by A.R }
    decision D3 { decided by A.S }`);
        const control = health.dimensions.equality.checks.find(check => check.id === 'equality.say-balance')!;
        assert.equal(control.ratio, 0);
        assert.deepEqual(control.findings.map(finding => finding.ruleId), ['one-sided-decision-rights']);
        assert.match(control.findings[0].message, /A alone controls 3 of 3 decisions; B controls 0/);
        assert.deepEqual(control.elements, ['D1', 'D2', 'D3']);
        assert.match(control.explanation, /A 100% and B 0%/);
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
