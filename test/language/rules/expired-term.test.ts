import { describeRule } from '../../helpers/rule-cases.js';

describeRule('expired-term', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    term from 2024-01-01 to 2025-12-31
}
`,
    range: "term from 2024-01-01 to 2025-12-31",
    message: /ended on 2025-12-31/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    term from 2024-01-01 to 2028-12-31
}
`,
    today: '2026-11-22',
});
