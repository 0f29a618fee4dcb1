import { describeRule } from '../../helpers/rule-cases.js';

describeRule('undecided-decision', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { consults Globex.Lead }
}
`,
    range: "Pricing",
    message: /Pricing says no one decides it/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme consults Globex.Lead }
}
`,
});
