import * as assert from 'node:assert/strict';
import { describeRule, textAt } from '../../helpers/rule-cases.js';
import { checkText, checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('overdue-commitment', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment Training { owner Acme.Lead to Globex due 2025-06-30 status open }
}
journal Deal2025 for Deal {
    2025-07-02 delivered Training
}
`,
    range: "Training",
    message: /, owed by Acme\.Lead, was due on 2025-06-30 and is not marked done, though journal Deal2025 records it delivered on 2025-07-02/,
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

describe('rule overdue-commitment on dated commitments with a journal', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const audit = '\n    commitment Audit { owner Acme.AllianceLead to Globex due 2026-05-31 }';
    const aboutAudit = async (entries: string[], today = '2026-11-22') =>
        (await checkText(services, journalCase(entries, audit), { today })).findings
            .filter(finding => (finding.ruleId === 'overdue-commitment' || finding.ruleId === 'late-delivery') && /\bAudit\b/.test(finding.message))
            .map(finding => `${finding.ruleId}: ${finding.message}`)
            .sort();

    it('says it is not done while no journal entry delivers it', async () => {
        assert.deepEqual(await aboutAudit(['2026-04-02 note "Kick-off"']), [
            'overdue-commitment: Commitment Audit, owed by Acme.AllianceLead, was due on 2026-05-31 and is not done (today is 2026-11-22).'
        ]);
    });

    it('once a journal records it delivered, says so and asks for `status done`', async () => {
        assert.deepEqual(await aboutAudit(['2026-06-10 delivered Audit']), [
            'late-delivery: Commitment Audit was delivered on 2026-06-10, 10 days after it was due (2026-05-31).',
            'overdue-commitment: Commitment Audit, owed by Acme.AllianceLead, was due on 2026-05-31 and is not marked done, though journal Deal2026 records it delivered on 2026-06-10: mark it `status done`.'
        ]);
    });

    it('counts only deliveries up to today: one written ahead settles nothing', async () => {
        const found = await aboutAudit(['2026-12-15 delivered Audit']);
        assert.deepEqual(found.map(line => line.split(':')[0]), ['late-delivery', 'overdue-commitment']);
        assert.match(found[1], /is not done \(today is 2026-11-22\)/);
    });

    it('reads a journal in another file of the workspace, and points at its entry', async () => {
        const [charter, journal] = journalCase([], audit).split(/(?=journal Deal2026)/);
        const journalText = journal.replace(/\{\s*\}/, '{\n    2026-06-01 delivered Audit\n}');
        assert.match(journalText, /delivered Audit/);
        const checked = await checkWorkspace(services, { 'deal.charter': charter, 'journals/deal-2026.charter': journalText }, { today: '2026-11-22' });
        const overdue = checked['deal.charter'].findings.filter(finding => finding.ruleId === 'overdue-commitment' && /\bAudit\b/.test(finding.message));
        assert.equal(overdue.length, 1);
        assert.match(overdue[0].message, /records it delivered on 2026-06-01/);
        assert.equal(overdue[0].related?.[0].uri, checked['journals/deal-2026.charter'].document.uri.toString());
        assert.equal(textAt(journalText, { range: overdue[0].related![0].range }), '2026-06-01 delivered Audit');
    });
});
