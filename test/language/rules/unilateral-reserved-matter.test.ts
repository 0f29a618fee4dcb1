import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const PARTIES = `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
`;

describeRule('unilateral-reserved-matter', {
    fires: `${PARTIES}charter Deal {
    parties Acme, Globex
    decision Budget "Annual budget" { reserved decided by Acme.Sponsor }
}
`,
    range: 'Budget',
    message: /Reserved matter Budget is decided by Acme alone; Globex has no say/,
    nearMiss: `${PARTIES}charter Deal {
    parties Acme, Globex
    decision Budget "Annual budget" { reserved decided by Acme.Sponsor, Globex.Sponsor }
}
`,
});

describe('rule unilateral-reserved-matter: what counts as one party', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('fires on a majority body one party dominates, under the synonym `fundamental`, and not on an ordinary decision', async () => {
        const { findings } = await checkText(services, `${PARTIES}charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Acme.Sponsor, Globex.Lead votes by majority }
    decision Strategy { fundamental decided by Board }
    decision Prices { decided by Acme }
}
`);
        assert.deepEqual(findings.filter(f => f.ruleId === 'unilateral-reserved-matter').map(f => f.element), ['Deal.Strategy']);
    });

    it('does not count an outsider as a second party with a say', async () => {
        const { findings } = await checkText(services, `${PARTIES}party Initech { role Lead }
charter Deal {
    parties Acme, Globex
    decision Budget { reserved decided by Acme, Initech }
}
`);
        assert.deepEqual(findings.filter(f => f.ruleId === 'unilateral-reserved-matter').map(f => f.element), ['Deal.Budget']);
    });
});
