import { describeRule } from '../../helpers/rule-cases.js';

describeRule('unbalanced-commitments', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment A { owner Acme.Lead to Globex }
    commitment B { owner Acme.Lead to Globex }
    commitment C { owner Acme.Sponsor to Globex }
    commitment D { owner Globex.Lead to Acme }
}
`,
    range: "Deal",
    message: /Acme owes 3 of 4 commitments; Globex owes 1/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment A { owner Acme.Lead to Globex }
    commitment B { owner Acme.Lead to Globex }
    commitment C { owner Globex.Sponsor to Acme }
    commitment D { owner Globex.Lead to Acme }
}
`,
});
