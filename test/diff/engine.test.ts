import * as assert from 'node:assert/strict';
import { TWO_PARTIES } from '../helpers/workspace.js';
import { createSideServices, diffLines, diffTexts } from './diff-helpers.js';

const services = createSideServices();

/** A small, complete charter between the helper's Acme and Globex; `extra` goes inside it. */
function charter(extra: string, name = 'Deal'): string {
    return `charter ${name} "Acme x Globex" {
    parties Acme, Globex
    vision "Grow together."
    review quarterly
    objective Growth "Grow"
    body Board { members Acme.Sponsor, Globex.Sponsor votes by unanimity meets quarterly }
    escalation Disputes { level Board within 5 days finally mediation }
    metric Revenue { kind outcome owner Acme.Sponsor target >= 5 cadence quarterly tracks Growth benefits Acme, Globex }
${extra}
}
`;
}

describe('the governance diff engine', () => {
    it('reports a renamed element that also changed as a removal and an addition', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('decision Pricing { decided by Board }') },
            { 'a.charter': TWO_PARTIES + charter('decision Prices { decided by Acme }') });
        assert.deepEqual(diffLines(diff).filter(line => !line.includes('health')),
            ['Deal: added decision Prices', 'Deal: removed decision Pricing', 'Deal: introduced uninformed-party Deal.Prices']);
    });

    it('does not guess a rename when two leftovers look alike', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('decision A { decided by Board }\ndecision B { decided by Board }') },
            { 'a.charter': TWO_PARTIES + charter('decision C { decided by Board }\ndecision D { decided by Board }') });
        assert.deepEqual(diffLines(diff), ['Deal: removed decision A', 'Deal: removed decision B', 'Deal: added decision C', 'Deal: added decision D']);
    });

    it('keeps a finding known when the element it is about is renamed', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('decision Pricing "Prices" { informs Acme, Globex }') },
            { 'a.charter': TWO_PARTIES + charter('decision Prices "Prices" { informs Acme, Globex }') });
        assert.deepEqual(diffLines(diff), ['Deal: renamed decision Pricing → Prices']);
        assert.equal(diff.summary.findingsIntroduced + diff.summary.findingsResolved, 0);
    });

    it('matches findings by rule and element, not by line', async () => {
        const before = TWO_PARTIES + charter('decision Pricing { informs Acme }');
        const after = '\n\n// moved down\n\n' + TWO_PARTIES + charter('decision Pricing { informs Acme }');
        const diff = await diffTexts(services, { 'a.charter': before }, { 'a.charter': after });
        assert.deepEqual(diffLines(diff), []);
    });

    it('reports a renamed role once, with every reference to it read by its new name', async () => {
        const renamed = TWO_PARTIES.replace('role Sponsor "VP Partnerships"', 'role Executive "VP Partnerships"');
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('decision Pricing { decided by Acme consults Acme.Sponsor }') },
            { 'a.charter': renamed + charter('decision Pricing { decided by Acme consults Acme.Executive }').replace(/Acme\.Sponsor/g, 'Acme.Executive') });
        assert.deepEqual(diffLines(diff), ['renamed role Acme.Sponsor → Acme.Executive']);
    });

    it('sees no change when a charter and its parties move between files', async () => {
        const diff = await diffTexts(services,
            { 'one.charter': TWO_PARTIES + charter('') },
            { 'parties.charter': TWO_PARTIES, 'deal.charter': charter('') });
        assert.deepEqual(diffLines(diff), []);
        assert.equal(diff.charters[0].change, 'unchanged');
    });

    it('reports a charter removed whole with the governance it takes away', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('') + charter('', 'Other') },
            { 'a.charter': TWO_PARTIES + charter('') });
        const removed = diff.charters.find(entry => entry.name === 'Other');
        assert.equal(removed?.change, 'removed');
        assert.deepEqual(removed?.changes.map(change => `${change.change} ${change.element} ${change.name}`),
            ['removed charter Other', 'removed objective Growth', 'removed body Board', 'removed escalation Disputes', 'removed metric Revenue']);
        assert.deepEqual(removed?.health.overall.after, null);
        assert.equal(diff.summary.chartersRemoved, 1);
    });

    it('lists findings about no charter apart, e.g. a party declared twice', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('') },
            { 'a.charter': TWO_PARTIES + charter(''), 'copy.charter': 'party Acme "Acme again" {}\n' });
        assert.deepEqual(diff.findings.introduced.map(finding => `${finding.ruleId} ${finding.element}`), ['duplicate-name Acme', 'duplicate-name Acme']);
        assert.deepEqual(diff.charters.map(entry => entry.change), ['unchanged']);
        assert.equal(diff.summary.findingsIntroduced, 2);
    });

    it('lists a finding that names no element under the charter it stands in, or whose journal it stands in', async () => {
        const before = TWO_PARTIES + charter('decision Pricing { decided by Board }\n    commitment Report { owner Acme.Sponsor to Globex every quarter }');
        const journal = 'journal Log for Deal {\n    2026-04-09 delivered Report\n}\n';
        const after = before.replace('decided by Board', 'decided by Nobody').replace('commitment Report {', 'commitment Reporting {');
        const diff = await diffTexts(services, { 'a.charter': before, 'log.charter': journal }, { 'a.charter': after, 'log.charter': journal });
        const broken = (findings: Array<{ ruleId: string; message: string }>) => findings.filter(finding => finding.ruleId === 'unresolved-reference').map(finding => finding.message);
        assert.deepEqual(broken(diff.charters[0].findings.introduced), [
            "No commitment named 'Report' is declared (did you mean 'Reporting'?).",
            "No party, role or body named 'Nobody' is declared."
        ], 'the decision\'s broken decider and the journal entry left naming Report, under Deal');
        assert.deepEqual(diff.findings.introduced, []);
    });

    it('says who can block when a majority body replaces a unanimous one', async () => {
        const before = TWO_PARTIES + charter('decision Pricing { decided by Board }');
        const after = before.replace('members Acme.Sponsor, Globex.Sponsor votes by unanimity', 'members Acme.Sponsor, Acme.AllianceLead, Globex.Sponsor votes by majority');
        const diff = await diffTexts(services, { 'a.charter': before }, { 'a.charter': after });
        const pricing = diff.charters[0].changes.find(change => change.name === 'Pricing');
        assert.deepEqual(pricing?.attributes.filter(attribute => ['control', 'can block'].includes(attribute.attribute)), [
            { attribute: 'control', before: 'joint', after: 'Acme alone' },
            { attribute: 'can block', before: 'Acme, Globex', after: 'Acme' }
        ]);
        assert.ok(diff.summary.findingsIntroduced > 0, 'a dominated body is a new finding');
    });

    it('speaks of say: a party that can only block never "controls", and each party\'s share of say is summed up', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('decision Plan { decided by Acme.Sponsor, Globex.Sponsor informs Acme, Globex }') },
            { 'a.charter': TWO_PARTIES + charter('body Council { members Acme.Sponsor, Acme.AllianceLead, Globex.Sponsor votes by majority }\ndecision Plan { decided by Council informs Acme, Globex }') });
        const [deal] = diff.charters;
        const plan = deal.changes.find(change => change.name === 'Plan')!;
        const control = plan.attributes.find(attribute => attribute.attribute === 'control')!;
        assert.deepEqual([control.before, control.after], ['joint', 'Acme alone']);
        const say = plan.attributes.find(attribute => attribute.attribute === 'say')!;
        assert.deepEqual([say.before, say.after], ['Acme 50%, Globex 50%', 'Acme 100%']);
        assert.deepEqual(deal.say.map(item => [item.party, item.before, item.after]), [['Acme', 0.5, 1], ['Globex', 0.5, 0]]);
        // Every score delta names the checks that moved it.
        assert.ok(deal.health.dimensions.equality.delta! < 0);
        assert.ok(deal.health.checks.some(check => check.id === 'equality.mutuality' && check.before === 1 && check.after === 0), JSON.stringify(deal.health.checks));
    });

    it('says "no one decides" only when no one does, and names the one party that can block a majority body', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('decision Plan { informs Acme, Globex }') },
            { 'a.charter': TWO_PARTIES + charter('body Council { members Acme.Sponsor, Acme.AllianceLead, Globex.Sponsor, Globex.PartnerManager votes by majority }\ndecision Plan { decided by Council informs Acme, Globex }') });
        const control = diff.charters[0].changes.find(change => change.name === 'Plan')!.attributes.find(attribute => attribute.attribute === 'control')!;
        assert.deepEqual([control.before, control.after], ['no one decides', 'joint']);
    });

    it('reads an escalation that became one-sided as a regression, even when it got faster', async () => {
        const diff = await diffTexts(services,
            { 'a.charter': TWO_PARTIES + charter('escalation Appeals { level Acme.AllianceLead, Globex.PartnerManager within 10 days finally arbitration }') },
            { 'a.charter': TWO_PARTIES + charter('escalation Appeals { level Acme.AllianceLead within 5 days finally executive-decision by Acme.Sponsor }') });
        const [deal] = diff.charters;
        assert.deepEqual(deal.regressions, [
            "escalation Appeals: the final say is now Acme's alone (even though its worst case fell from 10 to 5 days)",
            'escalation Appeals: level 1 (Acme) now seats one party only (even though its worst case fell from 10 to 5 days)'
        ]);
        const finalSay = deal.changes.find(change => change.name === 'Appeals')!.attributes.find(attribute => attribute.attribute === 'final say')!;
        assert.deepEqual([finalSay.before, finalSay.after], ['neutral', 'Acme alone']);
        assert.ok(deal.health.dimensions.conflict.delta! < 0);
    });
});
