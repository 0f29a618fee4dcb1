import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('review-overdue', {
    fires: journalCase(['2026-03-01 reviewed "Kick-off review"']),
    range: "Deal",
    message: /Charter Deal was last reviewed on 2026-03-01; with a review every 6 months one was due by 2026-09-01/,
    nearMiss: journalCase(['2026-03-01 reviewed "Kick-off review"', '2026-09-01 reviewed "Half-year review; roadmap cadence reset"']),
    today: '2026-11-22'
});

describe('rule review-overdue at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'review-overdue').length > 0;

    it("counts from the term start: due 2026-07-01, fires from 2026-07-02", async () => {
        assert.equal(await fired(["2026-01-05 note \"Signed\""], '2026-07-01'), false, 'quiet on 2026-07-01');
        await clearDocuments(services);
        assert.equal(await fired(["2026-01-05 note \"Signed\""], '2026-07-02'), true, 'fires on 2026-07-02');
    });

    it('counts from the term start when the last review was before it', async () => {
        assert.equal(await fired(['2025-11-01 reviewed "Before signing"'], '2026-07-01'), false, 'quiet on 2026-07-01, as with no review');
        await clearDocuments(services);
        const { findings } = await checkText(services, journalCase(['2025-11-01 reviewed "Before signing"']), { today: '2026-07-02' });
        assert.match(findings.find(finding => finding.ruleId === 'review-overdue')?.message ?? '',
            /was last reviewed on 2025-11-01, before the term started on 2026-01-01; with a review every 6 months one was due by 2026-07-01/);
    });
});
