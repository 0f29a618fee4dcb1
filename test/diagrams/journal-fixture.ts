import type { JournalViewInput } from '@entente/diagrams';

/**
 * The journal of OPERATIONS.md's example (AcmeGlobex2026) as the views take
 * it, written by hand (the adapter's output from the real pipeline is tested
 * in journal-adapter.test.ts). Lines 3–18 are the entries' lines in
 * `test/fixtures/operations/acme-globex-2026.charter`; the rest is added to
 * reach what that journal lacks: a second body, an open dispute that reached
 * the final step, a third reading, a metric without readings, an earlier
 * assessment, findings.
 */
export function acmeGlobexInput(): JournalViewInput {
    const at = (line: number) => ({ journal: 'AcmeGlobex2026', line });
    return {
        charter: 'AcmeGlobex',
        title: 'Acme and Globex co-selling',
        journals: ['AcmeGlobex2026'],
        parties: ['Acme', 'Globex'],
        bodies: [
            { name: 'SteeringCommittee', seatedParties: ['Acme', 'Globex'], cadence: 'quarterly', cadenceDays: 91 },
            { name: 'WorkingGroup', seatedParties: ['Acme', 'Globex'], cadence: 'monthly', cadenceDays: 30 }
        ],
        term: { start: '2026-01-01', end: '2028-12-31' },
        today: '2026-11-22',
        events: [
            { kind: 'meeting', date: '2026-01-20', source: at(3), body: 'SteeringCommittee', attendanceRecorded: true, attendees: ['Acme.AllianceLead', 'Acme.Sponsor', 'Globex.PartnerManager', 'Globex.Sponsor'], attendingParties: ['Acme', 'Globex'] },
            { kind: 'meeting', date: '2026-04-22', source: at(4), body: 'SteeringCommittee', attendanceRecorded: true, attendees: ['Acme.AllianceLead'], attendingParties: ['Acme'] },
            { kind: 'delivery', date: '2026-01-15', source: at(5), commitment: 'ShareRoadmap', title: 'Share the product roadmap', parties: ['Globex'] },
            { kind: 'delivery', date: '2026-04-09', source: at(6), commitment: 'ShareRoadmap', title: 'Share the product roadmap', parties: ['Globex'] },
            { kind: 'miss', date: '2026-07-20', source: at(7), commitment: 'ShareRoadmap', title: 'Share the product roadmap', parties: ['Globex'], reason: 'Roadmap frozen during the reorganisation' },
            { kind: 'decision', date: '2026-03-02', source: at(11), decision: 'PriceList', title: 'Joint price list', what: 'List prices +4% from Q2', by: ['Acme'], parties: ['Acme'] },
            { kind: 'review', date: '2026-06-30', source: at(15), summary: 'Half-year review; roadmap cadence to be reset' },
            { kind: 'assessment', date: '2026-06-30', source: at(16), party: 'Acme' },
            { kind: 'assessment', date: '2026-06-30', source: at(17), party: 'Globex', findings: ['perception-gap'] },
            { kind: 'note', date: '2026-07-01', source: at(18), text: 'Globex reorganised its partner team' }
        ],
        disputes: [{
            issue: 'NordicLeads', title: 'Who owns inbound leads in the Nordics', escalation: 'Disputes', about: 'Budget',
            raised: { date: '2026-05-04', source: at(12) },
            escalated: [{ date: '2026-05-12', source: at(13) }],
            resolved: { date: '2026-05-19', source: at(14), how: 'Leads follow the customer\'s existing account owner' },
            reachedLevel: 2, levels: 2, timeBoxDays: 19, overTime: false
        }, {
            issue: 'SupportCosts', title: 'Who pays for second-line support', escalation: 'Disputes',
            raised: { date: '2026-09-14', source: at(19) },
            escalated: [{ date: '2026-09-25', source: at(20) }, { date: '2026-10-10', source: at(21) }],
            reachedLevel: 3, levels: 2, timeBoxDays: 19, overTime: true, findings: ['dispute-over-time']
        }],
        metrics: [
            {
                metric: 'JointRevenue', title: 'Joint revenue', target: { comparator: '>=', value: 2_000_000, unit: 'USD' }, cadence: 'quarterly', parties: ['Acme', 'Globex'],
                readings: [
                    { date: '2026-06-30', value: 2_600_000, unit: 'USD', source: at(9) },
                    { date: '2026-03-31', value: 1_800_000, unit: 'USD', source: at(8) },
                    { date: '2026-09-30', value: 2_100_000, unit: 'USD', source: at(22) }
                ]
            },
            {
                metric: 'DealRegistrationTime', title: 'Days to approve a registered deal', target: { comparator: '<=', value: 3, unit: 'days' }, cadence: 'monthly', parties: ['Acme'],
                readings: [{ date: '2026-06-30', value: 5, unit: 'days', source: at(10), findings: ['off-target-metric'] }]
            },
            { metric: 'PartnerSatisfaction', target: { comparator: '>=', value: 4, scale: 5 }, parties: ['Globex'], readings: [] }
        ],
        assessments: [
            { party: 'Acme', date: '2026-06-30', source: at(16), scores: { trust: 4, commitment: 4, coordination: 3, communication: 4 } },
            { party: 'Globex', date: '2026-06-30', source: at(17), scores: { trust: 2, commitment: 3, coordination: 3, communication: 2 } },
            { party: 'Globex', date: '2026-01-10', source: at(2), scores: { trust: 4, commitment: 4, coordination: 4, communication: 4 } }
        ]
    };
}
