import { describeRule } from '../../helpers/rule-cases.js';

describeRule('no-escalation', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme }
}
`,
    range: "Deal",
    message: /Deal has no escalation path/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme }
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally mediation }
}
`,
});
