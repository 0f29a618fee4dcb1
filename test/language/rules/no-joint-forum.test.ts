import { describeRule } from '../../helpers/rule-cases.js';

describeRule('no-joint-forum', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead }
}
`,
    range: "Deal",
    message: /no joint forum/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead meets quarterly }
}
`,
});
