import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('dispute-over-time', {
    fires: journalCase(['2026-11-01 raised NordicLeads "Who owns inbound leads in the Nordics" via Disputes about Prices', '2026-11-04 escalated NordicLeads']),
    range: "NordicLeads",
    message: /Dispute NordicLeads has been open 21 days \(today is 2026-11-22\); the 2 levels of Disputes it reached allow 15 days/,
    nearMiss: journalCase(['2026-11-01 raised NordicLeads "Who owns inbound leads in the Nordics" via Disputes about Prices', '2026-11-04 escalated NordicLeads', '2026-11-16 resolved NordicLeads "Leads follow the existing account owner"']),
    today: '2026-11-22'
});

describe('rule dispute-over-time at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'dispute-over-time').length > 0;

    it("a dispute at the first level has its first time box only: 5 days allowed, 6 days open fires", async () => {
        assert.equal(await fired(["2026-11-16 raised Quick via Disputes"], '2026-11-21'), false, 'quiet on 2026-11-21');
        await clearDocuments(services);
        assert.equal(await fired(["2026-11-16 raised Quick via Disputes"], '2026-11-22'), true, 'fires on 2026-11-22');
    });

    it('says what the first level allows, in a sentence whose verb agrees', async () => {
        const { findings } = await checkText(services, journalCase(['2026-11-16 raised Quick via Disputes']), { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'dispute-over-time').map(finding => finding.message),
            ['Dispute Quick has been open 6 days (today is 2026-11-22); the first level of Disputes allows 5 days.']);
    });
});
