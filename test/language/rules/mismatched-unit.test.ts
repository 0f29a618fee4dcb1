import * as assert from 'node:assert/strict';
import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const DAYS = '\n    metric DealTime { kind process owner Globex.PartnerManager target <= 5 days cadence monthly benefits Acme }';
const SCORE = '\n    metric Satisfaction { kind relationship owner Acme.AllianceLead target >= 4 of 5 cadence quarterly benefits Acme, Globex }';

describeRule('mismatched-unit', {
    fires: journalCase(['2026-09-30 measured DealTime 4 days', '2026-10-31 measured DealTime 12 %'], DAYS),
    range: '12 %',
    message: /Metric DealTime read 12 % on 2026-10-31, but its target <= 5 days is in days: the reading is not compared with the target/,
    nearMiss: journalCase(['2026-09-30 measured DealTime 4 day', '2026-10-31 measured DealTime 3'], DAYS),
    today: '2026-11-22'
});

describe('rule mismatched-unit: what agrees with a target, and what a reading in another unit still counts for', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const ruleIds = async (entries: string[], extra = DAYS) => {
        const { findings } = await checkText(services, journalCase(entries, extra), { today: '2026-11-22' });
        await clearDocuments(services);
        return findings.map(finding => `${finding.ruleId}@${finding.range.start.line}`);
    };

    it('takes `day` and `days` as one unit, a reading without a unit as the target\'s, and a score only on the target\'s scale', async () => {
        assert.deepEqual((await ruleIds(['2026-10-31 measured DealTime 1 day', '2026-11-01 measured DealTime 2'])).filter(id => id.startsWith('mismatched-unit')), []);
        const score = await ruleIds(['2026-09-30 measured Satisfaction 4 of 5', '2026-10-31 measured Satisfaction 4', '2026-11-01 measured Satisfaction 8 of 10', '2026-11-02 measured Satisfaction 80 %'], SCORE);
        assert.equal(score.filter(id => id.startsWith('mismatched-unit')).length, 2, score.join(', '));
        const revenue = await ruleIds(['2026-10-31 measured Revenue 120000 EUR']);
        assert.equal(revenue.filter(id => id.startsWith('mismatched-unit')).length, 1, 'USD is not EUR');
    });

    it('leaves the reading out of off-target-metric: the latest reading in the target\'s unit is judged, and one in another unit hides nothing', async () => {
        const hidden = await checkText(services, journalCase(['2026-09-30 measured DealTime 8 days', '2026-10-31 measured DealTime 12 %'], DAYS), { today: '2026-11-22' });
        const offTarget = hidden.findings.filter(finding => finding.ruleId === 'off-target-metric');
        assert.deepEqual(offTarget.map(finding => finding.message), ['Metric DealTime read 8 days on 2026-09-30, off its target <= 5 days.']);
        await clearDocuments(services);
        const onTarget = await ruleIds(['2026-09-30 measured DealTime 3 days', '2026-10-31 measured DealTime 12 %']);
        assert.ok(!onTarget.some(id => id.startsWith('off-target-metric')), '12 % is not read as 12 days: no off-target finding');
    });

    it('leaves the reading out of the execution layer\'s Metrics on target, and counts it as reported', async () => {
        const { document } = await checkText(services, journalCase(['2026-09-30 measured DealTime 8 days', '2026-10-31 measured DealTime 12 %'], DAYS), { today: '2026-11-22' });
        const [health] = services.charter.HealthScorer.score(document);
        const checks = health.layers!.execution.checks;
        const onTarget = checks.find(check => check.id === 'execution.metrics-on-target')!;
        assert.deepEqual([onTarget.numerator, onTarget.denominator], [0, 1], 'DealTime is judged by its 8 days, off target');
        assert.deepEqual(onTarget.entries.map(entry => entry.date), ['2026-09-30']);
        const reported = checks.find(check => check.id === 'execution.metrics-reported')!;
        assert.ok(!reported.missing.some(line => line.startsWith('DealTime: no reading from 2026-10-01')), 'the reading in % still reports October');
    });
});
