import * as assert from 'node:assert/strict';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { describeRule } from '../../helpers/rule-cases.js';

describeRule('unresolved-reference', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme.Sponser }
}
`,
    range: "Acme.Sponser",
    message: /'Acme\.Sponser' is declared \(did you mean 'Acme\.Sponsor'\?\)/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme.Sponsor }
}
`,
});

describe('unresolved-reference names what was meant only when a declared name is near', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('suggests nothing for a name far from every declared one, and offers no fix', async () => {
        const { findings } = await checkText(services, `party Acme { role Lead role Sponsor }
party Globex { role Lead }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme.Treasurer }
}
`);
        const finding = findings.find(f => f.ruleId === 'unresolved-reference');
        assert.equal(finding?.message, "No party, role or body named 'Acme.Treasurer' is declared.");
        assert.equal(finding?.data?.suggestion, undefined);
    });

    it('suggests the body, commitment or metric a journal entry misspells, from its charter', async () => {
        const { findings } = await checkText(services, `party Acme { role Lead }
party Globex { role Lead }
charter Deal {
    parties Acme, Globex
    body SteeringCommittee { members Acme.Lead, Globex.Lead meets quarterly }
    commitment ShareRoadmap { owner Acme to Globex due 2026-06-30 }
}
journal Log for Deal {
    2026-03-02 met SteerinCommittee with Acme.Lead, Globex.Lead
    2026-03-03 delivered ShareRoadmpa
}
`, { today: '2026-12-01' });
        assert.deepEqual(findings.filter(f => f.ruleId === 'unresolved-reference').map(f => f.message), [
            "No body named 'SteerinCommittee' is declared (did you mean 'SteeringCommittee'?).",
            "No commitment named 'ShareRoadmpa' is declared (did you mean 'ShareRoadmap'?)."
        ]);
    });
});
