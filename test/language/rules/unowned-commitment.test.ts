import { describeRule } from '../../helpers/rule-cases.js';

describeRule('unowned-commitment', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment ShareRoadmap { to Acme every quarter }
}
`,
    range: "ShareRoadmap",
    message: /ShareRoadmap has no owner/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    commitment ShareRoadmap { owner Globex.Lead to Acme every quarter }
}
`,
});
