import { describeRule } from '../../helpers/rule-cases.js';

describeRule('dominated-body', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Acme.Sponsor, Globex.Sponsor votes by majority }
}
`,
    range: "Board",
    message: /Acme holds 2 of 3 seats in Board/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Acme.Sponsor, Globex.Lead, Globex.Sponsor votes by majority }
}
`,
});
