import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

describeRule('one-sided-metrics', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { benefits Acme }
}
`,
    range: "Deal",
    message: /^Revenue, the only metric that names beneficiaries, does not benefit Globex\.$/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    metric Revenue { benefits Acme }
    metric Leads { benefits Globex }
}
`,
});

describe('one-sided-metrics\'s message', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('counts the metrics that name beneficiaries when there are several', async () => {
        const { findings } = await checkText(services, `party Acme { role Lead }\nparty Globex { role Lead }\ncharter Deal {\n    parties Acme, Globex
    metric Revenue { benefits Acme }\n    metric Leads { benefits Acme }\n}\n`);
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'one-sided-metrics').map(finding => finding.message),
            ['None of the 2 metrics that name beneficiaries benefits Globex.']);
    });
});
