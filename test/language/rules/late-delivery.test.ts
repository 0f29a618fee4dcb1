import { describeRule } from '../../helpers/rule-cases.js';

describeRule('late-delivery', {
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
    2026-04-02 delivered Training
}
`,
    range: "2026-04-02 delivered Training",
    message: /Commitment Training was delivered on 2026-04-02, 2 days after it was due \(2026-03-31\)/,
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
    2026-03-31 delivered Training
}
`,
    today: '2026-11-22'
});
