import { describeRule } from '../../helpers/rule-cases.js';

describeRule('incomplete-metric', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { owner Acme.Lead target >= 10 USD }
}
`,
    range: "Revenue",
    message: /Revenue has no cadence/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { owner Acme.Lead target >= 10 USD cadence quarterly }
}
`,
});
