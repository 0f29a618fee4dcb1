import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

describeRule('no-joint-forum', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead }
}
`,
    range: "Deal",
    message: /no joint forum/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead meets quarterly }
}
`,
});

describe('no-joint-forum\'s message', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('names each body that seats every party without meeting, in agreement with their number', async () => {
        const parties = 'party Acme { role Lead }\nparty Globex { role Lead }\n';
        const one = await checkText(services, `${parties}charter Deal {\n    parties Acme, Globex\n    body Board { members Acme.Lead, Globex.Lead }\n}\n`);
        assert.deepEqual(one.findings.filter(finding => finding.ruleId === 'no-joint-forum').map(finding => finding.message),
            ['Charter Deal has no joint forum that meets regularly: Board seats every party but does not say how often it meets.']);
        await clearDocuments(services);
        const two = await checkText(services, `${parties}charter Deal {\n    parties Acme, Globex\n    body Board { members Acme.Lead, Globex.Lead }\n    body Finance { members Acme, Globex }\n}\n`);
        assert.deepEqual(two.findings.filter(finding => finding.ruleId === 'no-joint-forum').map(finding => finding.message),
            ['Charter Deal has no joint forum that meets regularly: Board and Finance seat every party but do not say how often they meet.']);
    });
});
