import { describeRule } from '../../helpers/rule-cases.js';

describeRule('unresolved-reference', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme.Treasurer }
}
`,
    range: "Acme.Treasurer",
    message: /Acme\.Treasurer/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme.Sponsor }
}
`,
});
