import { describeRule } from '../../helpers/rule-cases.js';

describeRule('missing-exit-terms', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    vision "Grow together."
}
`,
    range: "Deal",
    message: /does not say how a party may leave/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    vision "Grow together."
    exit { notice 90 days "Joint customers keep support for 12 months." }
}
`,
});
