import { describeRule } from '../../helpers/rule-cases.js';

describeRule('untimed-escalation-level', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead finally mediation }
}
`,
    range: "level Acme.Lead, Globex.Lead",
    message: /Level 1 of Disputes has no time box/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally mediation }
}
`,
});
