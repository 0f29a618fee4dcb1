import * as assert from 'node:assert/strict';
import { AstUtils, GrammarAST } from 'langium';
import { CLAUSE_FIELDS } from '@entente/language';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const services = createTestServices();

const PARTIES = `
party Acme { role Lead role Sponsor }
party Globex { role Lead role Sponsor }
`;

/** A charter where no rule fires, for the clause being typed to be added to. */
const HEALTHY = `
    vision "v"
    review every 6 months
    exit { notice 90 days }
    objective Growth
    body Board { members Acme.Lead, Globex.Lead votes by unanimity meets quarterly chair rotates yearly }
    escalation Esc { level Board within 5 days finally mediation "m" }
    decision D { decided by Board escalates to Esc informs Acme, Globex }
    commitment K { owner Acme to Globex due 2027-01-01 supports Growth }
    metric M { kind relationship owner Acme target >= 3 cadence quarterly tracks Growth benefits Acme, Globex }
`;

/** A clause cut short while it is typed, and the same clause written in full. */
const CASES: Array<[cut: string, whole: string]> = [
    ['commitment K2 { owner }', 'commitment K2 { owner Acme }'],
    ['commitment K2 { owner Acme to }', 'commitment K2 { owner Acme to Globex }'],
    ['decision D2 { decided }', 'decision D2 { decided by Board }'],
    ['decision D2 { decided by }', 'decision D2 { decided by Board }'],
    ['decision D2 { decided by Acme informs }', 'decision D2 { decided by Acme informs Globex }'],
    ['decision D2 { decided by Acme consults }', 'decision D2 { decided by Acme consults Globex }'],
    ['body B2 { members }', 'body B2 { members Acme.Sponsor, Globex.Sponsor }'],
    ['escalation E2 { level Board within finally mediation }', 'escalation E2 { level Board within 5 days finally mediation }'],
    ['escalation E2 { level Board within 5 finally mediation }', 'escalation E2 { level Board within 5 days finally mediation }'],
    ['escalation E2 { level Board within 5 days finally }', 'escalation E2 { level Board within 5 days finally mediation }'],
    ['metric M2 { owner }', 'metric M2 { owner Acme }'],
    ['metric M2 { target }', 'metric M2 { target >= 3 }'],
    ['metric M2 { cadence }', 'metric M2 { cadence monthly }']
];

/** What a check says, but the syntax errors: rule and message. */
async function findingsOf(text: string): Promise<{ said: string[]; syntax: number }> {
    const { findings } = await checkText(services, text);
    await clearDocuments(services);
    return { said: findings.filter(f => f.ruleId !== 'syntax').map(f => `${f.ruleId}: ${f.message}`).sort(), syntax: findings.length - findings.filter(f => f.ruleId !== 'syntax').length };
}

describe('a clause cut short while it is typed', () => {
    for (const [cut, whole] of CASES) {
        it(`\`${cut}\` is one finding, the syntax error: no rule reports the clause missing`, async () => {
            const typed = await findingsOf(`${PARTIES}charter C {\n    parties Acme, Globex${HEALTHY}    ${cut}\n}\n`);
            const written = await findingsOf(`${PARTIES}charter C {\n    parties Acme, Globex${HEALTHY}    ${whole}\n}\n`);
            assert.equal(typed.syntax, 1, 'the syntax error');
            assert.equal(written.syntax, 0);
            assert.deepEqual(typed.said.filter(said => !written.said.includes(said)), [], 'nothing the whole clause would not have had');
        });
    }

    for (const [cut, rule] of [['vision', 'missing-vision'], ['parties Acme,', 'too-few-parties']]) {
        it(`\`${cut}\` at the end of a charter does not fire ${rule}`, async () => {
            const typed = await findingsOf(`${PARTIES}charter C {\n${cut === 'vision' ? '    parties Acme, Globex\n' : ''}    ${cut}\n}\n`);
            assert.equal(typed.syntax, 1);
            assert.deepEqual(typed.said.filter(said => said.startsWith(`${rule}:`)), []);
        });
    }

    /** Rules about what a charter's elements lack together: the element being typed may be the one that has it. */
    const TOGETHER: Array<[rule: string, cut: string, whole: string]> = [
        ['no-relationship-metric', 'metric M { owner Acme kind }', 'metric M { owner Acme kind relationship }'],
        ['no-joint-forum', 'body B { members Acme.Lead, Globex.Lead meets }', 'body B { members Acme.Lead, Globex.Lead meets quarterly }'],
        ['unmeasured-objective', 'objective G\n    metric M { owner Acme tracks }', 'objective G\n    metric M { owner Acme tracks G }'],
        ['one-sided-metrics', 'metric M { owner Acme benefits Acme }\n    metric N { owner Globex benefits }', 'metric M { owner Acme benefits Acme }\n    metric N { owner Globex benefits Globex }']
    ];
    for (const [rule, cut, whole] of TOGETHER) {
        it(`\`${cut.replace(/\n\s*/g, ' ')}\` does not fire ${rule}, which the whole clause would not fire either`, async () => {
            const typed = await findingsOf(`${PARTIES}charter C {\n    parties Acme, Globex\n    ${cut}\n}\n`);
            const written = await findingsOf(`${PARTIES}charter C {\n    parties Acme, Globex\n    ${whole}\n}\n`);
            assert.equal(typed.syntax, 1, 'the syntax error');
            assert.deepEqual(written.said.filter(said => said.startsWith(`${rule}:`)), [], `${rule} is not a finding of the whole clause`);
            assert.deepEqual(typed.said.filter(said => said.startsWith(`${rule}:`)), []);
        });
    }

    it('still lets a clause that is not written at all be reported', async () => {
        const { said } = await findingsOf(`${PARTIES}charter C {\n    parties Acme, Globex${HEALTHY}    commitment K2 { to Globex }\n    decision D2 { }\n}\n`);
        assert.ok(said.some(line => line.startsWith('unowned-commitment: Commitment K2')), said.join('\n'));
        assert.ok(said.some(line => line.startsWith('undecided-decision: Decision D2')), said.join('\n'));
    });
});

describe('the clauses the model knows cut short (CLAUSE_FIELDS)', () => {
    it('name every clause fragment of the grammar, in the elements that read it', () => {
        const grammar = services.Grammar;
        const fragments = grammar.rules.filter(rule => GrammarAST.isParserRule(rule) && rule.fragment).map(rule => rule.name);
        // An exit's notice: no rule reports it missing, so none needs to know it is being typed.
        const known = new Set([...Object.values(CLAUSE_FIELDS).flatMap(fields => Object.keys(fields)), 'NoticeClause']);
        assert.deepEqual(fragments.filter(name => !known.has(name)), []);
        for (const [element, fields] of Object.entries(CLAUSE_FIELDS)) {
            const rule = grammar.rules.find(candidate => candidate.name === element);
            assert.ok(rule && GrammarAST.isParserRule(rule), element);
            const called = new Set(AstUtils.streamAllContents(rule).filter(GrammarAST.isRuleCall).map(call => call.rule.ref?.name));
            for (const clause of Object.keys(fields)) {
                assert.ok(called.has(clause), `${element} reads ${clause}`);
            }
        }
    });
});
