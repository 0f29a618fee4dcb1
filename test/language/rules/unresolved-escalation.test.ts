import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

describeRule('unresolved-escalation', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days }
}
`,
    range: "Disputes",
    message: /Disputes has no final step/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally mediation }
}
`,
});

describe('unresolved-escalation\'s message', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('counts the levels a dispute climbs, and says so when there is none to climb', async () => {
        const text = `party Acme { role Lead }\nparty Globex { role Lead }\ncharter Deal {\n    parties Acme, Globex
    escalation Empty {}\n    escalation One { level Acme.Lead within 5 days }\n    escalation Two { level Acme.Lead within 5 days level Globex.Lead within 5 days }
    escalation Three { level Acme.Lead within 5 days level Globex.Lead within 5 days level Acme.Lead, Globex.Lead within 5 days }\n}\n`;
        const { findings } = await checkText(services, text);
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'unresolved-escalation').map(finding => finding.message), [
            'Escalation Empty has no level and no final step: a dispute raised there is never resolved.',
            'Escalation One has no final step: a dispute that climbs its only level is never resolved.',
            'Escalation Two has no final step: a dispute that climbs both levels is never resolved.',
            'Escalation Three has no final step: a dispute that climbs all 3 levels is never resolved.'
        ]);
    });
});
