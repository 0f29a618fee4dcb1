import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('missed-meeting', {
    fires: journalCase(['2026-01-20 met Steering', '2026-04-22 met Steering']),
    range: "Deal",
    message: /Body Steering meets quarterly but last met on 2026-04-22; a meeting was due by 2026-09-06/,
    nearMiss: journalCase(['2026-01-20 met Steering', '2026-04-22 met Steering', '2026-07-21 met Steering', '2026-10-20 met Steering']),
    today: '2026-11-22'
});

describe('rule missed-meeting at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'missed-meeting').length > 0;

    it("fires the day after 1.5 quarters (2026-06-05), not on the last day (2026-06-04)", async () => {
        assert.equal(await fired(["2026-01-20 met Steering"], '2026-06-04'), false, 'quiet on 2026-06-04');
        await clearDocuments(services);
        assert.equal(await fired(["2026-01-20 met Steering"], '2026-06-05'), true, 'fires on 2026-06-05');
    });

    it("counts from the term start before the first meeting (2026-01-01 + 1.5 quarters = 2026-05-16)", async () => {
        assert.equal(await fired(["2026-01-05 note \"No meeting yet\""], '2026-05-16'), false, 'quiet on 2026-05-16');
        await clearDocuments(services);
        assert.equal(await fired(["2026-01-05 note \"No meeting yet\""], '2026-05-17'), true, 'fires on 2026-05-17');
    });

    it('counts from the term start when the last meeting was before it (2025-06-01 does not make one due in 2025)', async () => {
        const { findings } = await checkText(services, journalCase(['2025-06-01 met Steering']), { today: '2026-05-16' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'missed-meeting'), [], 'quiet until 2026-05-16, as with no meeting');
        await clearDocuments(services);
        const later = (await checkText(services, journalCase(['2025-06-01 met Steering']), { today: '2026-05-17' })).findings.filter(finding => finding.ruleId === 'missed-meeting');
        assert.deepEqual(later.map(finding => finding.message),
            ['Body Steering meets quarterly but last met on 2025-06-01, before the term started on 2026-01-01; a meeting was due by 2026-05-16 (today is 2026-05-17).']);
    });
});
