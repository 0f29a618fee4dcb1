import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

describeRule('orphan-party', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme informs Globex }
}
`,
    range: "Globex",
    message: /Globex has no seat on any body/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Pricing { decided by Acme informs Globex }
    decision Roadmap { decided by Globex informs Acme }
}
`,
});

describe('orphan-party\'s message', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    const messagesOf = async (decisions: string) => {
        await clearDocuments(services);
        const { findings } = await checkText(services, `party Acme { role Lead }\nparty Globex { role Lead }\ncharter Deal {\n    parties Acme, Globex\n${decisions}}\n`);
        return findings.filter(finding => finding.ruleId === 'orphan-party').map(finding => finding.message);
    };

    it('names the only decision, counts several, and says when there is none', async () => {
        assert.deepEqual(await messagesOf('    decision Pricing { decided by Acme }\n'),
            ['Globex has no seat on any body and does not decide Pricing, the only decision of Deal.']);
        assert.deepEqual(await messagesOf('    decision Pricing { decided by Acme }\n    decision Roadmap { decided by Acme }\n'),
            ['Globex has no seat on any body and decides none of the 2 decisions of Deal.']);
        assert.deepEqual(await messagesOf(''), [
            'Acme has no seat on any body and Deal has no decision for it to take.',
            'Globex has no seat on any body and Deal has no decision for it to take.'
        ]);
    });
});
