import { describeRule } from '../../helpers/rule-cases.js';

describeRule('one-sided-metrics', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { benefits Acme }
}
`,
    range: "Deal",
    message: /benefits Globex/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { benefits Acme }
    metric Leads { benefits Globex }
}
`,
});
