import { describeRule } from '../../helpers/rule-cases.js';

describeRule('one-sided-escalation', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead within 5 days finally mediation }
}
`,
    range: "level Acme.Lead within 5 days",
    message: /Level 1 of Disputes seats only Acme/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally mediation }
}
`,
});
