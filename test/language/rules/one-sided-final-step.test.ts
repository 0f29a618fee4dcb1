import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const PARTIES = `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
`;

describeRule('one-sided-final-step', {
    fires: `${PARTIES}charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally executive-decision by Acme.Sponsor "Acme's CEO decides" }
}
`,
    range: `finally executive-decision by Acme.Sponsor "Acme's CEO decides"`,
    message: /Disputes ends in an executive decision by Acme alone: Globex has no say/,
    nearMiss: `${PARTIES}charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally executive-decision by Acme.Sponsor, Globex.Sponsor "The two sponsors decide together" }
}
`,
});

describe('rule one-sided-final-step: neutral final steps', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    for (const step of ['arbitration', 'mediation "jointly chosen"', 'termination', 'executive-decision', 'executive-decision "the sponsors"']) {
        it(`does not fire on finally ${step}`, async () => {
            const { findings } = await checkText(services, `${PARTIES}charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally ${step} }
}
`);
            assert.deepEqual(findings.filter(f => f.ruleId === 'one-sided-final-step'), []);
            assert.deepEqual(findings.filter(f => f.severity === 'error'), []);
        });
    }

    it('fires when the deciders are two roles of one party, and lowers the conflict dimension', async () => {
        const text = (by: string) => `${PARTIES}charter Deal {
    parties Acme, Globex
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally executive-decision by ${by} }
}
`;
        const oneSided = await checkText(services, text('Acme.Lead, Acme.Sponsor'));
        assert.equal(oneSided.findings.filter(f => f.ruleId === 'one-sided-final-step').length, 1);
        const oneSidedConflict = services.charter.HealthScorer.score(oneSided.document, oneSided.findings)[0].dimensions.conflict;
        await clearDocuments(services);
        const joint = await checkText(services, text('Acme.Sponsor, Globex.Sponsor'));
        const jointConflict = services.charter.HealthScorer.score(joint.document, joint.findings)[0].dimensions.conflict;
        assert.ok(oneSidedConflict.score! < 80 && jointConflict.score! >= 80, `${oneSidedConflict.score} against ${jointConflict.score}`);
        const check = oneSidedConflict.checks.find(c => c.id === 'conflict.final-steps')!;
        assert.deepEqual(check.elements, ['Disputes']);
        assert.deepEqual(check.findings.map(f => f.ruleId), ['one-sided-final-step']);
    });
});
