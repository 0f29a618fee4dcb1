import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isEmptyDiff } from '@entente/language';
import { REPO_ROOT } from '../helpers/cli.js';
import { createSideServices, diffLines, diffTexts } from './diff-helpers.js';

const services = createSideServices();
const CHANGES = path.join(REPO_ROOT, 'examples/changes');

/** Every .charter file of a pair's side: `before.charter`, or the files of a `before/` folder. */
function readSide(pair: string, side: 'before' | 'after'): Record<string, string> {
    const file = path.join(CHANGES, pair, `${side}.charter`);
    if (fs.existsSync(file)) {
        return { [`${side}.charter`]: fs.readFileSync(file, 'utf8') };
    }
    const folder = path.join(CHANGES, pair, side);
    return Object.fromEntries(fs.readdirSync(folder).sort().map(name => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
}

/** What each pair in examples/changes must report, exactly (`diffLines` writes one line an attribute, finding or score move). */
const EXPECTED: Record<string, string[]> = {
    '01-decision-control': [
        'AcmeGlobex: changed decision PriceList: decided by: SteeringCommittee → Acme',
        'AcmeGlobex: changed decision PriceList: voting: unanimity → none',
        'AcmeGlobex: changed decision PriceList: control: joint → Acme alone',
        'AcmeGlobex: changed decision PriceList: can block: Acme, Globex → Acme',
        'AcmeGlobex: changed decision PriceList: say: Acme 50%, Globex 50% → Acme 100%',
        'AcmeGlobex: health overall 99 → 98',
        'AcmeGlobex: health equality 96 → 92'
    ],
    '02-voting-rule': [
        'AcmeGlobex: changed body SteeringCommittee: voting: unanimity → majority',
        'AcmeGlobex: changed body SteeringCommittee: voting power: none → Acme 50%, Globex 50%',
        'AcmeGlobex: changed decision Budget: voting: unanimity → majority',
        'AcmeGlobex: health equality 92 → 93'
    ],
    '03-body-seats': [
        'AcmeGlobex: changed body SteeringCommittee: members: Acme.AllianceLead, Acme.Sponsor, Globex.PartnerManager, Globex.Sponsor → Acme.AllianceLead, Acme.Legal, Acme.Sponsor, Globex.PartnerManager, Globex.Sponsor',
        'AcmeGlobex: changed body SteeringCommittee: seats: Acme 2, Globex 2 → Acme 3, Globex 2',
        'AcmeGlobex: introduced unbalanced-body AcmeGlobex.SteeringCommittee',
        'AcmeGlobex: health overall 98 → 79',
        'AcmeGlobex: health equality 92 → 79'
    ],
    '04-party-added': [
        'added party Initech',
        'AcmeGlobex: changed charter AcmeGlobex: parties: Acme, Globex → Acme, Globex, Initech',
        'AcmeGlobex: changed body SteeringCommittee: members: Acme.AllianceLead, Acme.Sponsor, Globex.PartnerManager, Globex.Sponsor → Acme.AllianceLead, Acme.Sponsor, Globex.PartnerManager, Globex.Sponsor, Initech.DeliveryLead, Initech.Sponsor',
        'AcmeGlobex: changed body SteeringCommittee: seats: Acme 2, Globex 2 → Acme 2, Globex 2, Initech 2',
        'AcmeGlobex: changed body SteeringCommittee: can block: Acme, Globex → Acme, Globex, Initech',
        'AcmeGlobex: changed decision Budget: informs: Acme, Globex → Acme, Globex, Initech',
        'AcmeGlobex: changed decision Budget: can block: Acme, Globex → Acme, Globex, Initech',
        'AcmeGlobex: changed decision Budget: say: Acme 50%, Globex 50% → Acme 33%, Globex 33%, Initech 33%',
        'AcmeGlobex: changed decision PriceList: informs: Globex → Globex, Initech',
        'AcmeGlobex: changed decision RoadmapPriorities: informs: Acme → Acme, Initech',
        'AcmeGlobex: changed escalation Disputes: level 3: Acme.Sponsor, Globex.Sponsor within 15 days → Acme.Sponsor, Globex.Sponsor, Initech.Sponsor within 15 days',
        'AcmeGlobex: added commitment ServiceDesk',
        'AcmeGlobex: changed metric JointRevenue: benefits: Acme, Globex → Acme, Globex, Initech',
        'AcmeGlobex: health overall 98 → 79',
        'AcmeGlobex: health equality 92 → 88',
        'AcmeGlobex: health conflict 100 → 79'
    ],
    '05-party-removed': [
        'removed party Initech',
        'AcmeGlobex: changed charter AcmeGlobex: parties: Acme, Globex, Initech → Acme, Globex',
        'AcmeGlobex: changed body SteeringCommittee: members: Acme.AllianceLead, Acme.Sponsor, Globex.PartnerManager, Globex.Sponsor, Initech.DeliveryLead, Initech.Sponsor → Acme.AllianceLead, Acme.Sponsor, Globex.PartnerManager, Globex.Sponsor',
        'AcmeGlobex: changed body SteeringCommittee: seats: Acme 2, Globex 2, Initech 2 → Acme 2, Globex 2',
        'AcmeGlobex: changed body SteeringCommittee: can block: Acme, Globex, Initech → Acme, Globex',
        'AcmeGlobex: changed decision Budget: informs: Acme, Globex, Initech → Acme, Globex',
        'AcmeGlobex: changed decision Budget: can block: Acme, Globex, Initech → Acme, Globex',
        'AcmeGlobex: changed decision Budget: say: Acme 33%, Globex 33%, Initech 33% → Acme 50%, Globex 50%',
        'AcmeGlobex: changed decision PriceList: informs: Globex, Initech → Globex',
        'AcmeGlobex: changed decision RoadmapPriorities: informs: Acme, Initech → Acme',
        'AcmeGlobex: changed escalation Disputes: level 3: Acme.Sponsor, Globex.Sponsor, Initech.Sponsor within 15 days → Acme.Sponsor, Globex.Sponsor within 15 days',
        'AcmeGlobex: removed commitment ServiceDesk',
        'AcmeGlobex: changed metric JointRevenue: benefits: Acme, Globex, Initech → Acme, Globex',
        'AcmeGlobex: health overall 79 → 98',
        'AcmeGlobex: health equality 88 → 92',
        'AcmeGlobex: health conflict 79 → 100'
    ],
    '06-role-added': [
        'added role Globex.Counsel',
        'AcmeGlobex: changed decision PriceList: consults: Globex.PartnerManager → Globex.Counsel, Globex.PartnerManager'
    ],
    '07-escalation': [
        'AcmeGlobex: changed escalation Disputes: levels: 3 → 4',
        'AcmeGlobex: changed escalation Disputes: level 2: SteeringCommittee within 10 days → SteeringCommittee within 20 days',
        'AcmeGlobex: changed escalation Disputes: level 4: none → Acme.Legal, Globex.Sponsor within 10 days',
        'AcmeGlobex: changed escalation Disputes: final step: mediation "Independent mediator chosen jointly" → arbitration "ICC arbitration in Geneva"',
        'AcmeGlobex: changed escalation Disputes: worst case: 30 days → 50 days'
    ],
    '08-commitment': [
        'AcmeGlobex: changed commitment TrainSellers: owner: Acme.AllianceLead → Acme.Sponsor',
        'AcmeGlobex: changed commitment TrainSellers: due: 2027-06-30 → 2027-12-31'
    ],
    '09-metric-target': [
        'AcmeGlobex: changed metric JointRevenue: target: >= 10000000 USD → >= 15000000 USD',
        'AcmeGlobex: changed metric JointRevenue: cadence: quarterly → monthly'
    ],
    '10-rename-decision': [
        'AcmeGlobex: renamed decision PriceList → PartnerPrices'
    ],
    '11-rename-body': [
        'AcmeGlobex: renamed body SteeringCommittee → JointBoard'
    ],
    '12-rename-party': [
        'renamed party Globex → Initrode'
    ],
    '13-reformat': [],
    '14-findings-resolved': [
        'AcmeGlobex: changed escalation Disputes: level 2: SteeringCommittee (no time box) → SteeringCommittee within 10 days',
        'AcmeGlobex: changed escalation Disputes: final step: none → mediation "Independent mediator chosen jointly"',
        'AcmeGlobex: changed escalation Disputes: final say: none → neutral',
        'AcmeGlobex: changed escalation Disputes: worst case: unbounded → 30 days',
        'AcmeGlobex: changed commitment ShareRoadmap: owner: none → Globex.PartnerManager',
        'AcmeGlobex: resolved unowned-commitment AcmeGlobex.ShareRoadmap',
        'AcmeGlobex: resolved unresolved-escalation AcmeGlobex.Disputes',
        'AcmeGlobex: resolved untimed-escalation-level AcmeGlobex.Disputes',
        'AcmeGlobex: health overall 79 → 98',
        'AcmeGlobex: health equality 79 → 92',
        'AcmeGlobex: health conflict 73 → 100',
        'AcmeGlobex: health accountability 79 → 100'
    ],
    '15-charter-clauses': [
        'AcmeGlobex: changed charter AcmeGlobex: vision: "Bring Globex analytics to Acme\'s mid-market customers by 2028." → none',
        'AcmeGlobex: changed charter AcmeGlobex: review: every 6 months → quarterly',
        'AcmeGlobex: changed charter AcmeGlobex: exit notice: 90 days → 60 days',
        'AcmeGlobex: added objective NewSegments',
        'AcmeGlobex: introduced missing-vision AcmeGlobex',
        'AcmeGlobex: introduced unmeasured-objective AcmeGlobex.NewSegments',
        'AcmeGlobex: health overall 98 → 79',
        'AcmeGlobex: health outcomes 100 → 73'
    ],
    '16-rename-charter': [
        'AcmeGlobexGtm: charter renamed from AcmeGlobex'
    ],
    '17-folders': [
        'AcmeGlobexSupport: charter added',
        'AcmeGlobexSupport: added charter AcmeGlobexSupport',
        'AcmeGlobexSupport: added objective OneDesk',
        'AcmeGlobexSupport: added body SupportBoard',
        'AcmeGlobexSupport: added decision Staffing',
        'AcmeGlobexSupport: added escalation SupportIssues',
        'AcmeGlobexSupport: added metric ResolutionTime',
        'AcmeGlobexSupport: introduced missing-exit-terms AcmeGlobexSupport',
        'AcmeGlobexSupport: introduced no-relationship-metric AcmeGlobexSupport',
        'AcmeGlobexSupport: health overall null → 97',
        'AcmeGlobexSupport: health equality null → 100',
        'AcmeGlobexSupport: health openness null → 100',
        'AcmeGlobexSupport: health conflict null → 100',
        'AcmeGlobexSupport: health accountability null → 100',
        'AcmeGlobexSupport: health outcomes null → 87'
    ]
};

describe('entente diff on the before/after pairs in examples/changes', function () {
    this.timeout(60_000);

    it('has a pair for every expected change list and an expected change list for every pair', () => {
        assert.deepEqual(fs.readdirSync(CHANGES).filter(name => fs.statSync(path.join(CHANGES, name)).isDirectory()).sort(), Object.keys(EXPECTED).sort());
        assert.ok(Object.keys(EXPECTED).length >= 10);
    });

    for (const [pair, expected] of Object.entries(EXPECTED)) {
        it(`reports exactly what changed in ${pair}`, async () => {
            const diff = await diffTexts(services, readSide(pair, 'before'), readSide(pair, 'after'));
            assert.deepEqual(diffLines(diff), expected);
        });
    }

    it('reports nothing at all for a pure reformat (layout, comments, clauses sharing a line)', async () => {
        const diff = await diffTexts(services, readSide('13-reformat', 'before'), readSide('13-reformat', 'after'));
        assert.ok(isEmptyDiff(diff));
        assert.deepEqual(diff.charters.map(charter => charter.change), ['unchanged']);
    });

    it('reports a renamed decision as one rename, not a removal and an addition', async () => {
        const diff = await diffTexts(services, readSide('10-rename-decision', 'before'), readSide('10-rename-decision', 'after'));
        assert.deepEqual(diff.charters[0].changes, [{ change: 'renamed', element: 'decision', name: 'PartnerPrices', oldName: 'PriceList', attributes: [] }]);
        assert.equal(diff.summary.changes, 1);
    });

    it('phrases the shift of control the way a reviewer reads it', async () => {
        const diff = await diffTexts(services, readSide('01-decision-control', 'before'), readSide('01-decision-control', 'after'));
        const control = diff.charters[0].changes[0].attributes.find(attribute => attribute.attribute === 'control');
        assert.deepEqual(control, { attribute: 'control', before: 'joint', after: 'Acme alone' });
    });

    it('is empty when both sides are the same pair side', async () => {
        for (const pair of Object.keys(EXPECTED)) {
            const diff = await diffTexts(services, readSide(pair, 'after'), readSide(pair, 'after'));
            assert.ok(isEmptyDiff(diff), pair);
        }
    });
});
