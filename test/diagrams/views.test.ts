import * as assert from 'node:assert/strict';
import { marksFor, renderView, VIEW_IDS } from '@entente/diagrams';
import { clearDocuments, createTestServices } from '../helpers/workspace.js';
import { assertWellFormed, elementIds, renderFirstCharter } from './render-helpers.js';

const services = createTestServices();
const WORKSPACE = {
    'parties.charter': 'party Acme "Acme Corp" { role Lead role Sponsor }\nparty Globex { role Lead }\n',
    'deal.charter': `charter Deal "A deal" {
    parties Acme, Globex
    body Board { members Acme.Lead, Acme.Sponsor, Globex.Lead votes by majority meets monthly }
    decision Price { decided by Acme consults Globex.Lead }
    decision Plan { proposed by Globex decided by Board informs Acme, Globex escalates to Disputes }
    escalation Disputes { level Acme.Lead, Globex.Lead within 5 days level Board within 2 weeks finally mediation "A mediator" }
    commitment Train { owner Acme.Lead to Globex }
    metric Sales { kind outcome owner Globex.Lead benefits Acme }
}
`
};

describe('the diagrams', () => {
    afterEach(() => clearDocuments(services));

    it('draw the governance map: parties with their roles, bodies, decisions, and edges from members and deciders', async () => {
        const { views } = await renderFirstCharter(services, WORKSPACE);
        const svg = views.governance;
        assertWellFormed(svg);
        assert.deepEqual(elementIds(svg).sort(), ['Acme', 'Acme.Lead', 'Acme.Sponsor', 'Deal.Board', 'Deal.Plan', 'Deal.Price', 'Globex', 'Globex.Lead'].sort());
        const edges = [...svg.matchAll(/data-edge="([^"]*)"/g)].map(match => match[1]).sort();
        assert.deepEqual(edges, [
            'decides:Acme→Deal.Price', 'decides:Deal.Board→Deal.Plan',
            'member:Acme.Lead→Deal.Board', 'member:Acme.Sponsor→Deal.Board', 'member:Globex.Lead→Deal.Board'
        ]);
        assert.match(svg, /Acme 2 · Globex 1 · majority/, 'the body shows its seat split and voting rule');
        assert.match(svg, /majority · Acme alone/, 'Plan is carried by Acme\'s majority of the board');
    });

    it('draw the decision-rights matrix: D/P/C/I marks, the control flag, and per-party totals', async () => {
        const { input, views } = await renderFirstCharter(services, WORKSPACE);
        const [price, plan] = input.charter.decisions;
        const byParty = (party: string) => ({ matches: (ref: { parties: string[] }) => ref.parties.includes(party) });
        assert.equal(marksFor(price, byParty('Acme')), 'D');
        assert.equal(marksFor(price, byParty('Globex')), 'C');
        assert.equal(marksFor(plan, byParty('Globex')), 'D P I');
        const svg = views.matrix;
        assertWellFormed(svg);
        assert.match(svg, /⚑ Acme alone/);
        assert.match(svg, /data-total="Acme"><text[^>]*>2<\/text><text[^>]*>2<\/text>/, 'Acme controls 2 and can block 2');
        assert.match(svg, /data-total="Globex"><text[^>]*>0<\/text><text[^>]*>0<\/text>/);
        const byRole = await renderView('matrix', { ...input, options: { showRoles: true } });
        assert.deepEqual(elementIds(byRole).filter(id => !id.startsWith('Deal.')), ['Acme.Lead', 'Acme.Sponsor', 'Globex.Lead']);
    });

    it('draw the escalation ladder: ordered steps, time boxes, seated parties, the final step and the worst case', async () => {
        const { views } = await renderFirstCharter(services, WORKSPACE);
        const svg = views.escalation;
        assertWellFormed(svg);
        assert.deepEqual([...svg.matchAll(/data-step="([^"]*)"/g)].map(match => match[1]), ['Disputes/1', 'Disputes/2', 'Disputes/final']);
        assert.match(svg, /worst case: 19 days → mediation/);
        assert.match(svg, /≤ 14 days/);
        assert.match(svg, /Finally: mediation/);
    });

    it('seat the parties of an escalation level as dots in the charter\'s order of parties, the order of their colours', async () => {
        const { views } = await renderFirstCharter(services, { ...WORKSPACE, 'deal.charter': WORKSPACE['deal.charter'].replace('parties Acme, Globex', 'parties Globex, Acme') });
        const level = /<g data-step="Disputes\/1">(.*?)<\/g><path/.exec(views.escalation)![1];
        assert.deepEqual([...level.matchAll(/data-party="([^"]*)"><circle [^>]*style="fill:var\(--entente-party-(\d)/g)].map(match => [match[1], match[2]]), [['Globex', '0'], ['Acme', '1']]);
    });

    it('wrap a long final step onto the two lines its box holds, the second cut short, the whole in the step\'s title', async () => {
        const long = 'Binding arbitration under the rules of the International Chamber of Commerce by three arbitrators, seated in Geneva, in English; each party bears its own costs';
        const { views } = await renderFirstCharter(services, { ...WORKSPACE, 'deal.charter': WORKSPACE['deal.charter'].replace('mediation "A mediator"', `arbitration "${long}"`) });
        const finalStep = /<g data-step="Disputes\/final"><title>([^<]*)<\/title><rect [^>]*width="([\d.]+)"[^>]*\/>(.*?)<\/g>/.exec(views.escalation)!;
        assert.equal(finalStep[1], `Finally arbitration: ${long}`);
        assert.ok(Number(finalStep[2]) <= 400, `the final step is ${finalStep[2]} px wide`);
        const lines = [...finalStep[3].matchAll(/<text [^>]*class="muted">(?:<title>[^<]*<\/title>)?([^<]*)<\/text>/g)].map(match => match[1]);
        assert.equal(lines.length, 2);
        assert.ok(long.startsWith(lines[0]) && lines[1].endsWith('…'), JSON.stringify(lines));
    });

    it('draw the balance chart: per party decisions controlled, seats, power, commitments and metrics', async () => {
        const { views } = await renderFirstCharter(services, WORKSPACE);
        const svg = views.balance;
        assertWellFormed(svg);
        const value = (measure: string, party: string) => new RegExp(`data-measure="${measure}">.*?data-party="${party}" data-value="([^"]*)"`).exec(svg)?.[1];
        assert.deepEqual([value('controls', 'Acme'), value('controls', 'Globex')], ['2', '0']);
        assert.deepEqual([value('seats', 'Acme'), value('seats', 'Globex')], ['2', '1']);
        assert.deepEqual([value('power', 'Acme'), value('power', 'Globex')], ['1', '0']);
        assert.deepEqual([value('owes', 'Acme'), value('receives', 'Globex'), value('benefits', 'Acme'), value('benefits', 'Globex')], ['1', '1', '1', '0']);
    });

    it('draw the health card: overall and five dimensions with bands, "not measured" where nothing applies', async () => {
        const { input, views } = await renderFirstCharter(services, WORKSPACE);
        assertWellFormed(views.health);
        assert.match(views.health, new RegExp(`>${input.health!.score}</text>`));
        const bare = await renderFirstCharter(services, { 'bare.charter': 'party A {} party B {}\ncharter Bare { parties A, B }' });
        assert.match(bare.views.health, /Equality: not measured/);
        assert.doesNotMatch(bare.views.health, />100</);
    });

    it('highlight one party\'s side with view-as: other parties\' elements are dimmed', async () => {
        const { input } = await renderFirstCharter(services, WORKSPACE);
        const svg = await renderView('governance', { ...input, options: { viewAsParty: 'Globex' } });
        assert.match(svg, /data-element="Acme" class="dim"/);
        assert.doesNotMatch(svg, /data-element="Globex" class="dim"/);
        assert.doesNotMatch(svg, /data-element="Deal.Board"[^>]*class="dim"/, 'Globex sits on the board');
    });

    it('are deterministic: the same charter gives byte-identical SVG, also when the map is laid out again', async () => {
        const first = (await renderFirstCharter(services, WORKSPACE)).views;
        await clearDocuments(services);
        // Another charter in between: the governance map's layout is not the one kept from the first render.
        const other = (await renderFirstCharter(services, { ...WORKSPACE, 'deal.charter': WORKSPACE['deal.charter'].replace('decided by Acme consults', 'decided by Globex consults') })).views;
        assert.notEqual(other.governance, first.governance);
        await clearDocuments(services);
        const second = (await renderFirstCharter(services, WORKSPACE)).views;
        for (const view of VIEW_IDS) {
            assert.equal(second[view], first[view], view);
        }
    });

    it('lay a large map out with ELK\'s quicker settings (straight edges) and a small one with orthogonal edges', async () => {
        const parties = 'party P0 { role R0 role R1 }\nparty P1 { role R0 role R1 }\n';
        // Each decision decided by a body of its own: no two share their deciders, so none is listed in a box of decisions.
        const charter = (decisions: number) => `charter Big {\n    parties P0, P1\n${Array.from({ length: decisions }, (_, i) => `    body B${i} { members P${i % 2}.R${i % 2} }\n    decision D${i} { decided by B${i} }`).join('\n')}\n}\n`;
        const small = (await renderFirstCharter(services, { 'p.charter': parties, 'c.charter': charter(10) })).views.governance;
        await clearDocuments(services);
        const large = (await renderFirstCharter(services, { 'p.charter': parties, 'c.charter': charter(80) })).views.governance;
        const segments = (svg: string) => [...svg.matchAll(/class="edge"[^>]* d="([^"]*)"/g)].flatMap(match => {
            const points = [...match[1].matchAll(/[ML] ([\d.-]+) ([\d.-]+)/g)].map(point => [Number(point[1]), Number(point[2])]);
            return points.slice(1).map((point, index) => [points[index], point]);
        });
        const diagonal = (svg: string) => segments(svg).filter(([[x1, y1], [x2, y2]]) => x1 !== x2 && y1 !== y2).length;
        assert.ok(segments(small).length > 0 && segments(large).length > 0);
        assert.equal(diagonal(small), 0, 'orthogonal edges in a small map');
        assert.ok(diagonal(large) > 0, 'polyline edges in a large map');
    });

    it('still draw what they can of a half-written, broken charter', async () => {
        const { views } = await renderFirstCharter(services, {
            'broken.charter': 'party A { role R }\ncharter Half {\n    parties A, Nobody\n    body B { members A.R, Ghost }\n    decision D { decided by\n    escalation E { level A.R within }\n'
        });
        for (const view of VIEW_IDS) {
            assertWellFormed(views[view], view);
        }
        assert.ok(elementIds(views.governance).includes('Half.B'));
    });
});
