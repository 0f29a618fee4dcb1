import * as assert from 'node:assert/strict';
import { ast } from '@entente/language';
import { GrammarAST } from 'langium';
import { parseHelper } from 'langium/test';
import { ENTRY_KINDS } from '../../packages/language/src/model/journal-builder.js';
import { clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();
const parse = parseHelper<ast.Document>(services);

async function parseClean(text: string): Promise<ast.Document> {
    const document = await parse(text);
    assert.deepEqual(document.parseResult.lexerErrors.map(e => e.message), []);
    assert.deepEqual(document.parseResult.parserErrors.map(e => e.message), []);
    return document.parseResult.value;
}

function charterOf(root: ast.Document): ast.Charter {
    const charter = root.elements.find(ast.isCharter);
    assert.ok(charter, 'a charter');
    return charter;
}

describe('parsing', () => {
    afterEach(() => clearDocuments(services));

    it('reads strings with and without escapes, numbers and names to their values', async () => {
        const root = await parseClean(String.raw`party A "Plain title" party B "Says \"hi\"\n" party C ""` + '\ncharter C { parties A, B\n metric M { target >= 95.5 % } exit { notice 30 days } }');
        const [a, b, c] = root.elements.filter(ast.isParty);
        assert.deepEqual([a.title, b.title, c.title], ['Plain title', 'Says "hi"\n', '']);
        const charter = charterOf(root);
        assert.deepEqual([charter.metrics[0].target?.value, charter.exits[0].notice?.value], [95.5, 30]);
        assert.equal(typeof charter.exits[0].notice?.value, 'number');
    });

    it('reads parties with display names and roles, with or without a block', async () => {
        const root = await parseClean(`party Acme "Acme Corporation" { role Lead "Alliance manager" role Legal }\nparty Bare\nparty Empty {}`);
        const [acme, bare, empty] = root.elements.filter(ast.isParty);
        assert.equal(acme.title, 'Acme Corporation');
        assert.deepEqual(acme.roles.map(role => [role.name, role.title]), [['Lead', 'Alliance manager'], ['Legal', undefined]]);
        assert.deepEqual([bare.name, bare.roles.length, empty.roles.length], ['Bare', 0, 0]);
    });

    it('reads the charter-level clauses: parties, vision, term, review, objective, exit', async () => {
        const charter = charterOf(await parseClean(`
charter C "Title" {
    parties A, B
    vision "Together."
    term from 2026-01-01 to 2028-12-31
    review every 6 months
    objective Growth "Grow"
    exit { notice 90 days "Either party may leave." }
}`));
        assert.deepEqual(charter.partyLists[0].parties.map(ref => ref.$refText), ['A', 'B']);
        assert.equal(charter.visions[0].text, 'Together.');
        assert.deepEqual([charter.terms[0].start, charter.terms[0].end], ['2026-01-01', '2028-12-31']);
        assert.deepEqual([charter.reviews[0].interval?.value, charter.reviews[0].interval?.unit], [6, 'months']);
        assert.equal(charter.objectives[0].name, 'Growth');
        assert.deepEqual([charter.exits[0].notice?.value, charter.exits[0].notice?.unit, charter.exits[0].texts], [90, 'days', ['Either party may leave.']]);
    });

    it('reads a review by cadence', async () => {
        for (const cadence of ['weekly', 'monthly', 'quarterly', 'yearly']) {
            const charter = charterOf(await parseClean(`charter C { review ${cadence} }`));
            assert.equal(charter.reviews[0].cadence, cadence);
        }
    });

    it('reads bodies: members, voting rule, fixed or rotating chair, cadence', async () => {
        const charter = charterOf(await parseClean(`
charter C {
    body Board "Board" { members A.Lead, B, Other votes by majority chair A.Lead meets monthly }
    body Rotating { members A, B votes by consensus chair rotates yearly meets quarterly }
    body Unanimous { votes by unanimity }
}`));
        const [board, rotating, unanimous] = charter.bodies;
        assert.deepEqual(board.members.map(ref => ref.$refText), ['A.Lead', 'B', 'Other']);
        assert.deepEqual([board.voting, board.chair?.$refText, board.meets, board.rotates], ['majority', 'A.Lead', 'monthly', false]);
        assert.deepEqual([rotating.voting, rotating.rotates, rotating.rotation, rotating.meets], ['consensus', true, 'yearly', 'quarterly']);
        assert.equal(unanimous.voting, 'unanimity');
    });

    it('reads decisions: proposer, decider with a voting rule, consulted, informed, escalation', async () => {
        const charter = charterOf(await parseClean(`
charter C {
    decision D "Budget" {
        proposed by A.Lead
        decided by Board by majority
        consults A.Lead, B.Lead
        informs A, B
        escalates to Disputes
    }
    decision Pricing { decided by A informs B }
}`));
        const [d, pricing] = charter.decisions;
        assert.deepEqual(d.proposers.map(ref => ref.$refText), ['A.Lead']);
        assert.deepEqual([d.deciders.map(ref => ref.$refText), d.voting], [['Board'], 'majority']);
        assert.deepEqual(d.consulted.map(ref => ref.$refText), ['A.Lead', 'B.Lead']);
        assert.deepEqual(d.informed.map(ref => ref.$refText), ['A', 'B']);
        assert.deepEqual([d.escalatesTo, d.escalation?.$refText], [true, 'Disputes']);
        assert.deepEqual([pricing.deciders[0].$refText, pricing.informed[0].$refText], ['A', 'B']);
    });

    it('reads escalations: ordered levels with time boxes and every kind of final step', async () => {
        for (const kind of ['mediation', 'arbitration', 'executive-decision', 'termination']) {
            const charter = charterOf(await parseClean(`
charter C {
    escalation E { level A.Lead, B.Lead within 5 days level Board within 2 weeks level A, B finally ${kind} "Text" }
}`));
            const escalation = charter.escalations[0];
            assert.deepEqual(escalation.levels.map(level => [level.principals.map(ref => ref.$refText), level.within?.value, level.within?.unit]),
                [[['A.Lead', 'B.Lead'], 5, 'days'], [['Board'], 2, 'weeks'], [['A', 'B'], undefined, undefined]]);
            assert.deepEqual([escalation.finalSteps[0].kind, escalation.finalSteps[0].text], [kind, 'Text']);
            await clearDocuments(services);
        }
    });

    it('reads commitments: owner, beneficiaries, due date or recurrence, objective, status', async () => {
        const charter = charterOf(await parseClean(`
charter C {
    commitment K "Train" { owner A.Lead to B, C due 2027-06-30 supports Growth status done }
    commitment R { owner B every quarter supports Growth, Trust status open }
}`));
        const [k, r] = charter.commitments;
        assert.deepEqual([k.owner?.$refText, k.beneficiaries.map(ref => ref.$refText), k.due, k.status], ['A.Lead', ['B', 'C'], '2027-06-30', 'done']);
        assert.deepEqual([r.recurrence, r.supports.map(ref => ref.$refText), r.status], ['quarter', ['Growth', 'Trust'], 'open']);
    });

    it('reads metrics: kind, owner, every form of target, cadence, tracked objectives, beneficiaries', async () => {
        const charter = charterOf(await parseClean(`
charter C {
    metric Revenue { kind outcome owner A.Lead target >= 10000000 USD cadence quarterly tracks Growth benefits A, B }
    metric Survey { kind relationship target >= 4 of 5 cadence yearly }
    metric Speed { kind process target <= 3 days cadence monthly }
    metric Share { target > 12.5 % }
    metric Exact { target = 7 }
    metric Few { target < 2 }
}`));
        const targets = charter.metrics.map(metric => metric.target && [metric.target.comparator, metric.target.value, metric.target.unit, metric.target.scale]);
        assert.deepEqual(targets, [
            ['>=', 10000000, 'USD', undefined], ['>=', 4, undefined, 5], ['<=', 3, 'days', undefined],
            ['>', 12.5, '%', undefined], ['=', 7, undefined, undefined], ['<', 2, undefined, undefined]
        ]);
        const revenue = charter.metrics[0];
        assert.deepEqual([revenue.kind, revenue.owner?.$refText, revenue.cadence, revenue.tracks.map(ref => ref.$refText), revenue.beneficiaries.map(ref => ref.$refText)],
            ['outcome', 'A.Lead', 'quarterly', ['Growth'], ['A', 'B']]);
        assert.deepEqual(charter.metrics.slice(1, 3).map(metric => metric.kind), ['relationship', 'process']);
    });

    it('lets clauses share a line and elements come in any order, with comments anywhere', async () => {
        const charter = charterOf(await parseClean(`
// leading comment
charter C { /* block */ metric M { kind outcome } parties A, B decision Pricing { decided by A informs B } // trailing
    vision "v" }
party A {} party B {}`));
        assert.deepEqual([charter.metrics.length, charter.decisions.length, charter.partyLists.length, charter.visions.length], [1, 1, 1, 1]);
    });

    it('keeps every clause optional: empty blocks and block-less elements parse', async () => {
        const charter = charterOf(await parseClean(`
charter C {
    body B {} decision D {} escalation E {} commitment K {} metric M {} exit {}
    body B2 decision D2 escalation E2 commitment K2 metric M2 exit
}`));
        assert.deepEqual([charter.bodies.length, charter.decisions.length, charter.escalations.length, charter.commitments.length, charter.metrics.length, charter.exits.length], [2, 2, 2, 2, 2, 2]);
    });

    it('reads a journal entry cut short (a date alone, or a date and a word that is no kind) and the entries after it', async () => {
        const document = await parse(`
journal J for C {
    2026-01-01 met B
    2026-01-02
    2026-01-03 deliv
    2026-01-04 reviewed
    2026-01-05 mett Board
    2026-01-06 note "x"
}`);
        const journal = document.parseResult.value.elements.find(ast.isJournal)!;
        assert.deepEqual(journal.entries.map(entry => `${entry.date} ${entry.$type}${ast.isUnfinished(entry) && entry.word ? ` ${entry.word}` : ''}`), [
            '2026-01-01 Met', '2026-01-02 Unfinished', '2026-01-03 Unfinished deliv', '2026-01-04 Reviewed', '2026-01-05 Unfinished mett', '2026-01-06 Note'
        ]);
        // A date alone and a date with a word read without error; the name after a word that is no kind is one, and the parser reads on.
        assert.deepEqual(document.parseResult.parserErrors.map(error => error.token.image), ['Board']);
    });

    it('names in its messages about entries cut short the kinds the grammar has, in the grammar\'s order', () => {
        const entry = services.Grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.name === 'Entry') as GrammarAST.ParserRule;
        const kinds = (entry.definition as GrammarAST.Alternatives).elements
            .map(alternative => (alternative as GrammarAST.RuleCall).rule.ref as GrammarAST.ParserRule)
            .map(rule => (rule.definition as GrammarAST.Group).elements?.[1])
            .filter(GrammarAST.isKeyword)
            .map(keyword => keyword.value);
        assert.deepEqual([...ENTRY_KINDS], kinds, 'ENTRY_KINDS (model/journal-builder.ts) lists the keyword after the date of each kind of entry in charter.langium');
    });

    it('recovers from a half-written clause and still reads what follows', async () => {
        const document = await parse(`
charter C {
    parties A, B
    decision D { decided by }
    commitment K { owner A }
}
party A {}`);
        assert.ok(document.parseResult.parserErrors.length > 0);
        const root = document.parseResult.value;
        const charter = charterOf(root);
        assert.equal(charter.decisions[0]?.name, 'D');
        assert.equal(charter.commitments[0]?.name, 'K');
        assert.ok(root.elements.some(element => ast.isParty(element) && element.name === 'A'));
    });
});
