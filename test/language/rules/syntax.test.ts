import * as assert from 'node:assert/strict';
import { describeRule, textAt } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('syntax', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by }
}
`,
    range: "}",
    message: /Expecting/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme }
}
`,
});

describe('rule syntax on an assessment score out of 1 to 5', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const scoreFindings = async (entry: string) => {
        const text = journalCase([entry]);
        const { findings } = await checkText(services, text, { today: '2026-11-22' });
        return findings.filter(finding => finding.ruleId === 'syntax' && /scores each pillar/.test(finding.message)).map(finding => [finding.message, textAt(text, finding)]);
    };

    it('points at the score out of range, and says which pillar and score', async () => {
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 4 commitment 7 coordination 3 communication 4 }'),
            [['An assessment scores each pillar from 1 to 5; commitment is 7.', 'commitment 7']]);
    });

    it('a pillar scored twice: the score the model keeps (the last) is the one checked and pointed at', async () => {
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 9 commitment 4 coordination 3 communication 4 trust 0 }'),
            [['An assessment scores each pillar from 1 to 5; trust is 0.', 'trust 0']]);
        await clearDocuments(services);
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 9 commitment 4 coordination 3 communication 4 trust 2 }'), []);
    });

    it('scores from 1 to 5 give no finding', async () => {
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 1 commitment 5 coordination 3 communication 4 }'), []);
    });
});
