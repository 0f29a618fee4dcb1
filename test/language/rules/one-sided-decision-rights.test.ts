import { describeRule } from '../../helpers/rule-cases.js';

describeRule('one-sided-decision-rights', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme }
    decision Roadmap { decided by Acme.Lead }
    decision Hiring { decided by Acme.Sponsor }
}
`,
    range: "Deal",
    message: /Acme alone controls 3 of 3 decisions; Globex controls 0/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme }
    decision Roadmap { decided by Globex }
    decision Hiring { decided by Acme.Sponsor, Globex.Sponsor }
}
`,
});
