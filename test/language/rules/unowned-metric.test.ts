import { describeRule } from '../../helpers/rule-cases.js';

describeRule('unowned-metric', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { target >= 10 USD cadence quarterly }
}
`,
    range: "Revenue",
    message: /Revenue has no owner/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { owner Acme.Lead target >= 10 USD cadence quarterly }
}
`,
});
