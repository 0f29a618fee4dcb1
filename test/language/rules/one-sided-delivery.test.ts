import { describeRule } from '../../helpers/rule-cases.js';

describeRule('one-sided-delivery', {
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
    commitment Report { owner Acme.AllianceLead to Globex every month }
    metric Revenue { kind outcome owner Acme.AllianceLead target >= 100000 USD cadence monthly benefits Acme, Globex }
}
journal Deal2026 for Deal {
    2026-02-01 delivered Roadmap
    2026-05-01 delivered Roadmap
    2026-08-01 delivered Roadmap
    2026-03-31 delivered Training
    2026-01-31 delivered Report
    2026-02-28 delivered Report
    2026-03-31 delivered Report
}
`,
    range: "Deal",
    message: /Over the last 12 months Globex delivered 3 of 3 due instances \(100%\), while Acme delivered 4 of 11 due instances \(36%\)/,
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
    commitment Report { owner Acme.AllianceLead to Globex every month }
    metric Revenue { kind outcome owner Acme.AllianceLead target >= 100000 USD cadence monthly benefits Acme, Globex }
}
journal Deal2026 for Deal {
    2026-02-01 delivered Roadmap
    2026-05-01 delivered Roadmap
    2026-08-01 delivered Roadmap
    2026-03-31 delivered Training
    2026-01-31 delivered Report
    2026-02-28 delivered Report
    2026-03-31 delivered Report
    2026-04-30 delivered Report
    2026-05-31 delivered Report
    2026-06-30 delivered Report
    2026-07-31 delivered Report
}
`,
    today: '2026-11-22'
});
