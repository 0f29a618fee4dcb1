import { describeRule } from '../../helpers/rule-cases.js';

describeRule('fixed-chair', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead chair Acme.Lead }
}
`,
    range: "Acme.Lead",
    message: /^Board seats Acme and Globex but its chair is always Acme\.Lead\.$/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead chair rotates yearly }
}
`,
});
