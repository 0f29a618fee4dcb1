import { describeRule } from '../../helpers/rule-cases.js';

describeRule('perception-gap', {
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
    2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }
    2026-10-30 assessed by Globex { trust 2 commitment 3 coordination 3 communication 2 }
}
`,
    range: "Deal",
    message: /Acme rates trust 4 and Globex rates it 2 \(gap 2\) in their latest assessments/,
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
    2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }
    2026-10-30 assessed by Globex { trust 3 commitment 4 coordination 3 communication 3 }
}
`,
    today: '2026-11-22'
});
