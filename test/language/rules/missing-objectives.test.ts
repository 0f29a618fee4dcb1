import { describeRule } from '../../helpers/rule-cases.js';

describeRule('missing-objectives', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    vision "Grow together."
}
`,
    range: "Deal",
    message: /has no objective/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    vision "Grow together."
    objective Pipeline "Joint pipeline of 40M USD"
}
`,
});
