import { describeRule } from '../../helpers/rule-cases.js';

describeRule('no-relationship-metric', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { kind outcome }
}
`,
    range: "Deal",
    message: /measures nothing about the relationship/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { kind outcome }
    metric Satisfaction { kind relationship }
}
`,
});
