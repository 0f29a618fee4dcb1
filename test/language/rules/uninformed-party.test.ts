import { describeRule } from '../../helpers/rule-cases.js';

describeRule('uninformed-party', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme }
}
`,
    range: "Pricing",
    message: /Globex is not told of Pricing/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme informs Globex }
}
`,
});
