import { describeRule } from '../../helpers/rule-cases.js';

describeRule('orphan-party', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme informs Globex }
}
`,
    range: "Globex",
    message: /Globex has no seat on any body/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme informs Globex }
    decision Roadmap { decided by Globex informs Acme }
}
`,
});
