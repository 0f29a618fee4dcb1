import * as assert from 'node:assert/strict';
import { DocumentState } from 'langium';
import { checkText, checkWorkspace, clearDocuments, createTestServices, TWO_PARTIES } from '../../helpers/workspace.js';

const services = createTestServices();

describe('the partnership model', () => {
    afterEach(() => clearDocuments(services));

    it('counts seats per party in a body (a role is one seat, a party is one seat) and lists unseated charter parties as zero', async () => {
        const { model } = await checkText(services, `${TWO_PARTIES}
party Initech { role Lead }
charter C {
    parties Acme, Globex, Initech
    body Board { members Acme.AllianceLead, Acme.Sponsor, Acme, Globex.Sponsor votes by majority }
}`);
        const board = model.charters[0].bodies[0];
        assert.deepEqual(board.seatsByParty, { Acme: 3, Globex: 1, Initech: 0 });
        assert.equal(board.totalSeats, 4);
        assert.deepEqual(board.controllingParties, ['Acme']);
        assert.deepEqual(board.blockingParties, ['Acme']);
        assert.deepEqual(board.powerByParty, { Acme: 1, Globex: 0 });
    });

    it('seats bodies that are members of each other as one group, whichever comes first, each seat once', async () => {
        // Before, what a body of a cycle seated depended on which was worked out first: A then B gave B 1:1, B then A gave A Acme alone.
        const a = 'body A { members B, Acme.Sponsor votes by majority }';
        const b = 'body B { members A, Acme.AllianceLead, Globex.Sponsor, Acme.Sponsor votes by majority }';
        const seats = async (first: string, second: string) => {
            const { model } = await checkText(services, `${TWO_PARTIES}
charter C {
    parties Acme, Globex
    ${first}
    ${second}
    body Self { members Self, Globex.Sponsor, Acme.AllianceLead votes by majority }
    body Outer { members A, Globex.PartnerManager votes by majority }
    decision X { decided by A }
}`);
            clearDocuments(services);
            return Object.fromEntries(model.charters[0].bodies.map(body => [body.name, { seats: body.seatsByParty, total: body.totalSeats, power: body.powerByParty, control: body.controllingParties }]));
        };
        const ab = await seats(a, b);
        assert.deepEqual(ab, await seats(b, a), 'the same whichever body is written first');
        // A and B: Acme.Sponsor (named by both, one seat), Acme.AllianceLead, Globex.Sponsor.
        assert.deepEqual(ab.A.seats, { Acme: 2, Globex: 1 });
        assert.deepEqual(ab.B, ab.A);
        assert.deepEqual(ab.A.control, ['Acme']);
        assert.deepEqual(ab.Self.seats, { Acme: 1, Globex: 1 }, 'a body member of itself lends nothing to itself');
        assert.deepEqual(ab.Outer.seats, { Acme: 2, Globex: 2 }, 'a body outside the cycle borrows its seats once');
        for (const body of Object.values(ab)) {
            assert.ok(Object.values(body.power).every(value => Number.isFinite(value) && value >= 0 && value <= 1), JSON.stringify(body.power));
        }
    });

    it('makes a 2:2 majority body controlled by nobody and blockable by both, and a unanimity body blockable by every seated party', async () => {
        const { model } = await checkText(services, `${TWO_PARTIES}
charter C {
    parties Acme, Globex
    body Even { members Acme.AllianceLead, Acme.Sponsor, Globex.PartnerManager, Globex.Sponsor votes by majority }
    body Joint { members Acme.AllianceLead, Acme.Sponsor, Acme, Globex.Sponsor votes by unanimity }
    decision ByEven { decided by Even }
    decision ByJoint { decided by Joint }
    decision ByJointMajority { decided by Joint by majority }
}`);
        const [byEven, byJoint, byJointMajority] = model.charters[0].decisions;
        assert.deepEqual([byEven.controllingParties, byEven.blockingParties, byEven.voting], [[], ['Acme', 'Globex'], 'majority']);
        assert.deepEqual([byJoint.controllingParties, byJoint.blockingParties, byJoint.voting], [[], ['Acme', 'Globex'], 'unanimity']);
        // The decision's own rule overrides the body's: 3 of 4 seats by majority.
        assert.deepEqual([byJointMajority.controllingParties, byJointMajority.blockingParties], [['Acme'], ['Acme']]);
    });

    it('resolves every principal to its parties: a party, a role, a body', async () => {
        const { model } = await checkText(services, `${TWO_PARTIES}
charter C {
    parties Acme, Globex
    body Board { members Acme.Sponsor, Globex.Sponsor }
    decision D { proposed by Acme.AllianceLead decided by Globex consults Board informs Acme }
}`);
        const decision = model.charters[0].decisions[0];
        assert.deepEqual(decision.proposers.map(p => [p.kind, p.name, p.parties]), [['role', 'Acme.AllianceLead', ['Acme']]]);
        assert.deepEqual(decision.deciders.map(p => [p.kind, p.name, p.parties]), [['party', 'Globex', ['Globex']]]);
        assert.deepEqual(decision.consulted.map(p => [p.kind, p.name, p.parties]), [['body', 'Board', ['Acme', 'Globex']]]);
        assert.deepEqual(decision.controllingParties, ['Globex']);
        assert.deepEqual(decision.involvedParties, ['Acme', 'Globex']);
    });

    it('covers every decision with a charter\'s only escalation, and only named ones otherwise', async () => {
        const one = await checkText(services, `${TWO_PARTIES}
charter C { parties Acme, Globex decision D { decided by Acme } escalation E { level Acme, Globex within 5 days } }`);
        assert.equal(one.model.charters[0].decisions[0].coveringEscalation, 'E');
        await clearDocuments(services);
        const two = await checkText(services, `${TWO_PARTIES}
charter C { parties Acme, Globex
    decision D { decided by Acme }
    decision F { decided by Acme escalates to E2 }
    escalation E1 { level Acme within 1 week } escalation E2 { level Globex } }`);
        const [d, f] = two.model.charters[0].decisions;
        assert.equal(d.coveringEscalation, undefined);
        assert.equal(f.coveringEscalation, 'E2');
    });

    it('sums time boxes into a worst case in days, and leaves it undefined when a level is untimed', async () => {
        const { model } = await checkText(services, `${TWO_PARTIES}
charter C { parties Acme, Globex
    escalation Timed { level Acme.AllianceLead, Globex.PartnerManager within 5 days level Acme.Sponsor, Globex.Sponsor within 2 weeks finally arbitration "ICC rules" }
    escalation Untimed { level Acme within 5 days level Globex }
}`);
        const [timed, untimed] = model.charters[0].escalations;
        assert.equal(timed.worstCaseDays, 19);
        assert.deepEqual(timed.levels.map(level => level.parties), [['Acme', 'Globex'], ['Acme', 'Globex']]);
        assert.deepEqual(timed.finalStep && [timed.finalStep.kind, timed.finalStep.text], ['arbitration', 'ICC rules']);
        assert.equal(untimed.worstCaseDays, undefined);
    });

    it('lists mentions of parties outside the charter', async () => {
        const { model } = await checkText(services, `${TWO_PARTIES}
party Initech { role Lead }
charter C { parties Acme, Globex
    commitment K { owner Initech.Lead to Acme }
}`);
        assert.deepEqual(model.charters[0].outsiderReferences.map(ref => [ref.text, ref.party]), [['Initech.Lead', 'Initech']]);
    });

    it('resolves parties declared in another file of the workspace', async () => {
        const checked = await checkWorkspace(services, {
            'parties.charter': TWO_PARTIES,
            'deal.charter': 'charter Deal { parties Acme, Globex decision D { decided by Globex.Sponsor } }'
        });
        const deal = checked['deal.charter'].model.charters[0];
        assert.deepEqual(deal.parties, ['Acme', 'Globex']);
        assert.equal(deal.partyInfo.Acme.title, 'Acme Corporation');
        assert.deepEqual(deal.decisions[0].controllingParties, ['Globex']);
    });

    it('is built once per document version and rebuilt when the document is linked again', async () => {
        const { document } = await checkText(services, `${TWO_PARTIES} charter C { parties Acme, Globex }`);
        const first = services.charter.ModelBuilder.getModel(document);
        assert.equal(services.charter.ModelBuilder.getModel(document), first);
        // What a change in a file it depends on does: back to indexed, then linked again.
        services.shared.workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedContent);
        await services.shared.workspace.DocumentBuilder.build([document]);
        const second = services.charter.ModelBuilder.getModel(document);
        assert.notEqual(second, first);
        assert.deepEqual(second, first);
    });

    it('locates each element: its name span and the offset of its closing brace', async () => {
        const text = `// a comment first\nparty Acme { role Lead }\nparty Globex {}\ncharter Deal "T" {\n    parties Acme, Globex\n    body Board { members Acme.Lead }\n    decision D\n}\n`;
        const { model } = await checkText(services, text);
        const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
            text.split('\n')[range.start.line].slice(range.start.character, range.end.character);
        const [acme] = model.parties;
        const deal = model.charters[0];
        assert.deepEqual([at(acme.source!.nameRange), at(deal.source.nameRange), at(deal.bodies[0].source.nameRange), at(deal.decisions[0].source.nameRange)], ['Acme', 'Deal', 'Board', 'D']);
        assert.equal(text[deal.source.blockEndOffset!], '}');
        assert.equal(text.slice(deal.bodies[0].source.blockEndOffset!, deal.bodies[0].source.blockEndOffset! + 1), '}');
        assert.ok(deal.bodies[0].source.blockEndOffset! < deal.source.blockEndOffset!);
        assert.equal(deal.decisions[0].source.blockEndOffset, undefined, 'a decision without a block has no closing brace');
    });
});
