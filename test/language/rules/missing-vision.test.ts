import { describeRule } from '../../helpers/rule-cases.js';

describeRule('missing-vision', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    review every 6 months
}
`,
    range: "Deal",
    message: /states no shared vision/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    vision "Bring Globex analytics to Acme customers."
    review every 6 months
}
`,
});
