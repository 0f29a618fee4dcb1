import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('unreported-metric', {
    fires: journalCase(['2026-09-30 measured Revenue 120000 USD']),
    range: "Deal",
    message: /Metric Revenue is reported monthly but was last measured on 2026-09-30; a reading was due by 2026-11-14/,
    nearMiss: journalCase(['2026-09-30 measured Revenue 120000 USD', '2026-10-31 measured Revenue 130000 USD']),
    today: '2026-11-22'
});

describe('rule unreported-metric at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'unreported-metric').length > 0;

    it("a monthly reading on 2026-10-07 is due by 2026-11-22: fires from 2026-11-23", async () => {
        assert.equal(await fired(["2026-10-07 measured Revenue 120000 USD"], '2026-11-22'), false, 'quiet on 2026-11-22');
        await clearDocuments(services);
        assert.equal(await fired(["2026-10-07 measured Revenue 120000 USD"], '2026-11-23'), true, 'fires on 2026-11-23');
    });

    it('counts from the term start when the last reading was before it', async () => {
        // Monthly from 2026-01-01: 1.5 months later is 2026-02-15.
        assert.equal(await fired(['2025-12-31 measured Revenue 90000 USD'], '2026-02-15'), false, 'quiet on 2026-02-15, as with no reading');
        await clearDocuments(services);
        const { findings } = await checkText(services, journalCase(['2025-12-31 measured Revenue 90000 USD']), { today: '2026-02-16' });
        assert.match(findings.find(finding => finding.ruleId === 'unreported-metric')?.message ?? '',
            /was last measured on 2025-12-31, before the term started on 2026-01-01; a reading was due by 2026-02-15/);
    });
});
