import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('absent-party', {
    fires: `party Acme "Acme Corporation" { role AllianceLead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role PartnerManager "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    term from 2026-01-01 to 2027-12-31
    review every 6 months
    body Steering { members Acme.Sponsor, Globex.Sponsor meets quarterly }
    decision Prices { decided by Acme consults Globex informs Globex }
    escalation Disputes { level Acme.AllianceLead, Globex.PartnerManager within 5 days level Steering within 10 days }
    commitment Roadmap { owner Globex.PartnerManager to Acme every quarter }
    commitment Training { owner Acme.AllianceLead to Globex due 2026-03-31 status done }
    metric Revenue { kind outcome owner Acme.AllianceLead target >= 100000 USD cadence monthly benefits Acme, Globex }
}
journal Deal2026 for Deal {
    2026-10-01 met Steering with Acme.Sponsor
    2026-11-01 met Steering with Acme.Sponsor
}
`,
    range: "Deal",
    message: /Globex is seated on Steering but attended neither of its last two recorded meetings \(2026-10-01, 2026-11-01\)/,
    nearMiss: `party Acme "Acme Corporation" { role AllianceLead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role PartnerManager "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    term from 2026-01-01 to 2027-12-31
    review every 6 months
    body Steering { members Acme.Sponsor, Globex.Sponsor meets quarterly }
    decision Prices { decided by Acme consults Globex informs Globex }
    escalation Disputes { level Acme.AllianceLead, Globex.PartnerManager within 5 days level Steering within 10 days }
    commitment Roadmap { owner Globex.PartnerManager to Acme every quarter }
    commitment Training { owner Acme.AllianceLead to Globex due 2026-03-31 status done }
    metric Revenue { kind outcome owner Acme.AllianceLead target >= 100000 USD cadence monthly benefits Acme, Globex }
}
journal Deal2026 for Deal {
    2026-10-01 met Steering with Acme.Sponsor
    2026-11-01 met Steering with Acme.Sponsor, Globex.Sponsor
}
`,
    today: '2026-11-22'
});

describe('rule absent-party at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'absent-party').length > 0;

    it("needs two meetings that record attendance (a meeting without `with` says nothing about who came)", async () => {
        assert.equal(await fired(["2026-10-01 met Steering", "2026-11-01 met Steering with Acme.Sponsor"], '2026-11-22'), false, 'quiet with one recorded meeting');
    });
});
