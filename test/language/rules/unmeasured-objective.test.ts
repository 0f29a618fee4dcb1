import { describeRule } from '../../helpers/rule-cases.js';

describeRule('unmeasured-objective', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    objective Pipeline "Joint pipeline"
}
`,
    range: "Pipeline",
    message: /No metric tracks objective Pipeline/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    objective Pipeline "Joint pipeline"
    metric Revenue { kind outcome owner Acme.Lead target >= 40000000 USD cadence quarterly tracks Pipeline }
}
`,
});
