import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('stale-assessment', {
    fires: journalCase(['2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }', '2026-04-30 assessed by Globex { trust 3 commitment 3 coordination 3 communication 3 }']),
    range: "Deal",
    message: /^Globex last assessed the partnership on 2026-04-30, while Acme has within the review interval \(every 6 months\)\.$/,
    nearMiss: journalCase(['2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }', '2026-10-30 assessed by Globex { trust 3 commitment 3 coordination 3 communication 3 }']),
    today: '2026-11-22'
});

describe('rule stale-assessment at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'stale-assessment').length > 0;

    it("the review interval ends at 2026-05-22 on 2026-11-22: an assessment that day is stale, the day after is not", async () => {
        assert.equal(await fired(["2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }", "2026-05-22 assessed by Globex { trust 3 commitment 3 coordination 3 communication 3 }"], '2026-11-21'), false, 'quiet on 2026-11-21');
        await clearDocuments(services);
        assert.equal(await fired(["2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }", "2026-05-22 assessed by Globex { trust 3 commitment 3 coordination 3 communication 3 }"], '2026-11-22'), true, 'fires on 2026-11-22');
    });

    it('says the review interval in English, however its unit was written', async () => {
        for (const [written, said] of [['every 6 month', 'every 6 months'], ['every 1 years', 'every 1 year']]) {
            await clearDocuments(services);
            const text = journalCase(['2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }']).replace('review every 6 months', `review ${written}`);
            const { findings } = await checkText(services, text, { today: '2026-11-22' });
            assert.deepEqual(findings.filter(finding => finding.ruleId === 'stale-assessment').map(finding => finding.message),
                [`Globex has never assessed the partnership, while Acme has within the review interval (${said}).`], written);
        }
    });

    it('says of a party that never assessed it that it never has, naming the partnership before any "it"', async () => {
        const { findings } = await checkText(services, journalCase(['2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }']), { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'stale-assessment').map(finding => finding.message),
            ['Globex has never assessed the partnership, while Acme has within the review interval (every 6 months).']);
    });
});
