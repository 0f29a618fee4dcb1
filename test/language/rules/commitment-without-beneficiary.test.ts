import { describeRule } from '../../helpers/rule-cases.js';

describeRule('commitment-without-beneficiary', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment Training { owner Acme.Lead }
}
`,
    range: "Training",
    message: /Training does not say to whom/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment Training { owner Acme.Lead to Globex }
}
`,
});
