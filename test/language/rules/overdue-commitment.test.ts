import { describeRule } from '../../helpers/rule-cases.js';

describeRule('overdue-commitment', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment Training { owner Acme.Lead to Globex due 2025-06-30 }
}
`,
    range: "Training",
    message: /was due by Acme\.Lead on 2025-06-30/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment Training { owner Acme.Lead to Globex due 2025-06-30 status done }
}
`,
    today: '2026-11-22',
});
