import * as assert from 'node:assert/strict';
import { describeRule, textAt } from '../../helpers/rule-cases.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const PARTIES = `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
`;

/** A charter in which Acme.Lead carries `load` responsibilities (up to 7): two seats, a decision, commitments, a metric, an escalation level. */
function charterLoading(name: string, load: number): string {
    const clauses = [
        'body Board { members Acme.Lead, Globex.Lead meets quarterly }',
        'body Tech { members Acme.Lead, Globex.Sponsor meets monthly }',
        'decision Pricing { decided by Acme.Lead }',
        'commitment Roadmap { owner Acme.Lead to Globex }',
        'commitment Training { owner Acme.Lead to Globex }',
        'metric Revenue { owner Acme.Lead target >= 10 USD cadence quarterly }',
        'escalation Disputes { level Acme.Lead, Globex.Lead within 5 days finally mediation }'
    ];
    const other = ['body Board { members Acme.Sponsor, Globex.Lead meets quarterly }', 'body Tech { members Acme.Sponsor, Globex.Sponsor meets monthly }',
        'decision Pricing { decided by Acme.Sponsor }', 'commitment Roadmap { owner Acme.Sponsor to Globex }', 'commitment Training { owner Acme.Sponsor to Globex }',
        'metric Revenue { owner Acme.Sponsor target >= 10 USD cadence quarterly }', 'escalation Disputes { level Acme.Sponsor, Globex.Lead within 5 days finally mediation }'];
    const body = clauses.map((clause, index) => (index < load ? clause : other[index])).map(line => `    ${line}`).join('\n');
    return `charter ${name} {\n    parties Acme, Globex\n${body}\n}\n`;
}

describeRule('overloaded-role', {
    fires: PARTIES + charterLoading('Deal', 7),
    range: 'Lead',
    message: /Acme\.Lead is overloaded: 7 in Deal \(more than 6 in one charter\)/,
    nearMiss: PARTIES + charterLoading('Deal', 6)
});

describe('rule overloaded-role across the workspace', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('adds up a role\'s load over every charter, stands on the role\'s declaration and relates each charter that loads it', async () => {
        const files = {
            'parties.charter': PARTIES,
            'a.charter': charterLoading('Alpha', 6),
            'b.charter': charterLoading('Beta', 6),
            'c.charter': charterLoading('Gamma', 4)
        };
        const checked = await checkWorkspace(services, files);
        const findings = checked['parties.charter'].findings.filter(finding => finding.ruleId === 'overloaded-role');
        assert.equal(findings.length, 1, findings.map(f => f.message).join('\n'));
        const [finding] = findings;
        assert.equal(finding.uri, 'file:///workspace/parties.charter');
        assert.equal(finding.range.start.line, 0, 'on the declaration of Acme.Lead in the party file');
        assert.equal(textAt(PARTIES, finding), 'Lead');
        assert.equal(finding.element, 'Acme.Lead');
        assert.equal(finding.message, 'Role Acme.Lead is overloaded: 16 responsibilities across 3 charters (more than 15).');
        assert.deepEqual(finding.related?.map(related => [related.uri.replace('file:///workspace/', ''), textAt(files[related.uri.replace('file:///workspace/', '') as keyof typeof files], related), related.message]), [
            ['a.charter', 'Alpha', 'Alpha: 2 seats, 1 decision, 2 commitments, 1 metric.'],
            ['b.charter', 'Beta', 'Beta: 2 seats, 1 decision, 2 commitments, 1 metric.'],
            ['c.charter', 'Gamma', 'Gamma: 2 seats, 1 decision, 1 commitment.']
        ]);
        for (const name of ['a.charter', 'b.charter', 'c.charter']) {
            assert.deepEqual(checked[name].findings.filter(f => f.ruleId === 'overloaded-role'), [], 'nothing on the charters themselves');
        }
    });

    it('counts a role once per clause, and only roles (a party or a body in a clause is no one\'s load)', async () => {
        const text = `${PARTIES}charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Acme.Lead, Globex.Lead }
    body Wide { members Acme, Globex }
    decision A { decided by Acme }
    decision B { decided by Board }
    decision C { decided by Acme.Lead }
    decision D { decided by Acme.Lead }
    decision E { decided by Acme.Lead }
    decision F { decided by Acme.Lead }
}
`;
        const checked = await checkWorkspace(services, { 'deal.charter': text });
        assert.deepEqual(checked['deal.charter'].findings.filter(f => f.ruleId === 'overloaded-role'), [], '1 seat + 4 decisions = 5');
    });
});
