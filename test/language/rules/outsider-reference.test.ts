import { describeRule } from '../../helpers/rule-cases.js';

describeRule('outsider-reference', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
party Initech { role Lead }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Initech.Lead }
}
`,
    range: "Initech.Lead",
    message: /Initech is not a party to charter Deal/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
party Initech { role Lead }
charter Deal {
    parties Acme, Globex, Initech
    decision Budget { decided by Initech.Lead }
}
`,
});
