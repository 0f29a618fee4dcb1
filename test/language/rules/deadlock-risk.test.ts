import { describeRule } from '../../helpers/rule-cases.js';

describeRule('deadlock-risk', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme, Globex }
    escalation A { level Acme.Lead, Globex.Lead within 5 days finally mediation }
    escalation B { level Acme.Sponsor, Globex.Sponsor within 5 days finally arbitration }
}
`,
    range: "Budget",
    message: /Acme and Globex can each block Budget/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme, Globex escalates to A }
    escalation A { level Acme.Lead, Globex.Lead within 5 days finally mediation }
    escalation B { level Acme.Sponsor, Globex.Sponsor within 5 days finally arbitration }
}
`,
});
