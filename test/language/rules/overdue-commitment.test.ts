import * as assert from 'node:assert/strict';
import { describeRule, textAt } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('overdue-commitment', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment Training { owner Acme.Lead to Globex due 2025-06-30 }
}
`,
    range: "Training",
    message: /was due by Acme\.Lead on 2025-06-30/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment Training { owner Acme.Lead to Globex due 2025-06-30 status done }
}
`,
    today: '2026-11-22',
});

describe('rule overdue-commitment on recurring commitments (with a journal)', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const overdue = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'overdue-commitment');

    it('fires when the last full period (counted from the term start) has no delivery, on the journal\'s `for`', async () => {
        const text = journalCase(['2026-06-30 delivered Roadmap']);
        const found = (await checkText(services, text, { today: '2026-11-22' })).findings.filter(finding => finding.ruleId === 'overdue-commitment');
        assert.equal(found.length, 1);
        assert.match(found[0].message, /Commitment Roadmap \(every quarter\) has no delivery in its last full period, 2026-07-01 to 2026-10-01/);
        assert.equal(textAt(text, found[0]), 'Deal');
    });

    it('does not fire when the period has its delivery, on its first day', async () => {
        assert.deepEqual((await overdue(['2026-07-01 delivered Roadmap'], '2026-11-22')).map(finding => finding.message), []);
    });

    it('counts a delivery only in its own period: one on the first day of the next period does not cover the last', async () => {
        assert.equal((await overdue(['2026-10-01 delivered Roadmap'], '2026-11-22')).length, 1);
    });

    it('does not judge a recurring commitment before its first period has ended', async () => {
        assert.deepEqual((await overdue(['2026-01-05 note "Signed"'], '2026-03-31')).map(finding => finding.message), []);
    });
});
