import { describeRule } from '../../helpers/rule-cases.js';

describeRule('unbalanced-body', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Acme.Sponsor, Globex.Sponsor }
}
`,
    range: "Board",
    message: /Board seats Acme 2, Globex 1/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Acme.Sponsor, Globex.Lead, Globex.Sponsor }
}
`,
});
