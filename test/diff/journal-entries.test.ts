import * as assert from 'node:assert/strict';
import { TWO_PARTIES } from '../helpers/workspace.js';
import { createSideServices, diffLines, diffTexts } from './diff-helpers.js';

const services = createSideServices();

const CHARTER = `${TWO_PARTIES}
charter Deal "Acme x Globex" {
    parties Acme, Globex
    term from 2026-01-01 to 2028-12-31
    review every 6 months
    body Board { members Acme.Sponsor, Globex.Sponsor votes by unanimity meets quarterly }
    escalation Disputes { level Board within 5 days finally mediation }
    decision Budget { decided by Board escalates to Disputes }
    commitment Report { owner Acme.Sponsor to Globex every quarter }
    commitment Train { owner Globex.Sponsor to Acme due 2027-06-30 }
}
`;

/** A journal of Deal holding these entries, one a line. */
const journal = (entries: string[], name = 'Log') => `journal ${name} for Deal {\n${entries.map(entry => `    ${entry}\n`).join('')}}\n`;

/** The diff's lines about journal entries (health and findings left out). */
async function entryLines(before: Record<string, string>, after: Record<string, string>): Promise<string[]> {
    return diffLines(await diffTexts(services, before, after)).filter(line => line.includes(' entry '));
}

describe('the governance diff of journal entries', () => {
    const ENTRIES = [
        '2026-01-20 met Board with Acme.Sponsor, Globex.Sponsor',
        '2026-04-09 delivered Report',
        '2026-05-04 raised Leads "Who owns leads" via Disputes about Budget',
        '2026-05-19 resolved Leads "By account"',
        '2026-06-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }'
    ];

    it('reads an entry edited in place as changed, saying what changed: the kind, a score, a dispute step\'s date', async () => {
        const edited = [
            ENTRIES[0],
            '2026-04-09 missed Report "No owner"',
            ENTRIES[2],
            '2026-05-29 resolved Leads "By account"',
            '2026-06-30 assessed by Acme { trust 1 commitment 4 coordination 3 communication 4 }'
        ];
        assert.deepEqual(await entryLines({ 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES) }, { 'deal.charter': CHARTER, 'log.charter': journal(edited) }), [
            'Deal: changed entry 2026-04-09 missed Report: kind delivered → missed, reason none → "No owner"',
            'Deal: changed entry 2026-05-29 resolved Leads: date 2026-05-19 → 2026-05-29',
            'Deal: changed entry 2026-06-30 assessed by Acme: trust 4 → 1'
        ]);
    });

    it('lists entries added and removed as written, by date', async () => {
        const diff = await diffTexts(services,
            { 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES) },
            { 'deal.charter': CHARTER, 'log.charter': journal([...ENTRIES.slice(1), '2026-05-02 missed Train "Trainers left"', '2026-07-01 note "Kick-off"']) });
        assert.deepEqual(diffLines(diff).filter(line => line.includes(' entry ')), [
            'Deal: removed entry 2026-01-20 met Board with Acme.Sponsor, Globex.Sponsor',
            'Deal: added entry 2026-05-02 missed Train "Trainers left"',
            'Deal: added entry 2026-07-01 note "Kick-off"'
        ]);
        const [charter] = diff.charters;
        assert.equal(charter.change, 'changed');
        assert.equal(diff.summary.chartersChanged, 1);
        assert.equal(diff.summary.journalChanges, 3);
        assert.equal(diff.summary.changes, 3);
        assert.deepEqual(charter.journal.map(change => [change.change, change.journal, change.kind, change.line]),
            [['removed', 'Log', 'met', 1], ['added', 'Log', 'missed', 5], ['added', 'Log', 'note', 6]]);
    });

    it('sees no change when entries are reordered or move to another journal of the charter', async () => {
        const diff = await diffTexts(services,
            { 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES) },
            { 'deal.charter': CHARTER, 'log.charter': journal([...ENTRIES.slice(2)].reverse()), 'log-2025.charter': journal(ENTRIES.slice(0, 2), 'Log2025') });
        assert.deepEqual(diffLines(diff), []);
        assert.equal(diff.charters[0].change, 'unchanged');
    });

    it('reads a journal added whole as its entries added, and counts the layers that went down', async () => {
        const diff = await diffTexts(services,
            { 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES) },
            { 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES), 'later.charter': journal(['2026-10-02 missed Report', '2026-10-03 assessed by Globex { trust 1 commitment 1 coordination 1 communication 1 }'], 'Later') });
        assert.deepEqual(diffLines(diff).filter(line => line.includes(' entry ')), [
            'Deal: added entry 2026-10-02 missed Report',
            'Deal: added entry 2026-10-03 assessed by Globex { trust 1 commitment 1 coordination 1 communication 1 }'
        ]);
        const { summary, charters: [charter] } = diff;
        assert.ok((charter.health.perceived?.delta ?? 0) < 0, JSON.stringify(charter.health.perceived));
        assert.equal(charter.health.overall.delta, 0);
        assert.deepEqual([summary.scoreDrops, summary.designDrops, summary.perceivedDrops], [1, 0, 1]);
        assert.ok(charter.findings.introduced.some(finding => finding.ruleId === 'missed-commitment'), JSON.stringify(charter.findings));
    });

    it('reads entries through a renamed commitment, as the charter\'s elements are', async () => {
        const renamed = CHARTER.replace('commitment Report {', 'commitment Reporting {');
        const diff = await diffTexts(services,
            { 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES) },
            { 'deal.charter': renamed, 'log.charter': journal(ENTRIES.map(entry => entry.replace('delivered Report', 'delivered Reporting'))) });
        assert.deepEqual(diffLines(diff).filter(line => !line.includes('health')), ['Deal: renamed commitment Report → Reporting']);
    });

    it('shows a new entry as written when it names what the charter renamed away, and an entry left untouched as no change', async () => {
        const renamed = CHARTER.replace('commitment Report {', 'commitment Reporting {');
        const diff = await diffTexts(services,
            { 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES) },
            { 'deal.charter': renamed, 'log.charter': journal([...ENTRIES, '2026-10-02 missed Report "No owner"']) });
        // Not `missed Reporting`: the file says Report, which names nothing now (the unresolved-reference finding says so).
        assert.deepEqual(diffLines(diff).filter(line => line.includes(' entry ')), ['Deal: added entry 2026-10-02 missed Report "No owner"']);
        assert.deepEqual(diff.charters[0].journal.map(change => change.headline), ['2026-10-02 missed Report']);
        assert.deepEqual(diff.charters[0].findings.introduced.map(finding => `${finding.severity} ${finding.ruleId} ${finding.line}`),
            ['error unresolved-reference 2', 'error unresolved-reference 6', 'warning missed-commitment 6'], 'errors first: what the change broke');
    });

    it('keeps a finding of an untouched entry the same finding when the charter renames what it names, not one resolved and one introduced', async () => {
        const missed = [...ENTRIES, '2026-09-01 missed Report "Late"'];
        const diff = await diffTexts(services,
            { 'deal.charter': CHARTER, 'log.charter': journal(missed) },
            { 'deal.charter': CHARTER.replace('commitment Report {', 'commitment Reporting {'), 'log.charter': journal(missed) });
        const [charter] = diff.charters;
        assert.deepEqual(charter.findings.resolved, [], 'the missed-commitment of 2026-09-01 is there on both sides, word for word');
        assert.deepEqual(charter.findings.introduced.map(finding => `${finding.ruleId} ${finding.line}`), ['unresolved-reference 2', 'unresolved-reference 6']);
    });

    it('lists no entry of a journal left as it was when its charter is removed or renamed: the entries are still written, only unlinked', async () => {
        const before = { 'deal.charter': CHARTER, 'log.charter': journal(ENTRIES) };
        const renamed = await diffTexts(services, before, { 'deal.charter': CHARTER.replace('charter Deal "', 'charter Agreement "'), 'log.charter': journal(ENTRIES) });
        assert.deepEqual(renamed.charters.map(charter => [charter.change, charter.journal.length]), [['renamed', 0]]);
        const removed = await diffTexts(services, before, { 'parties.charter': TWO_PARTIES, 'log.charter': journal(ENTRIES) });
        assert.deepEqual(removed.charters.map(charter => [charter.change, charter.journal.length]), [['removed', 0]]);
        assert.deepEqual(removed.journalsWithoutCharter.map(item => [item.journal, item.charter, !!item.oldUri, !!item.newUri]), [['Log', 'Deal', false, true]]);
        // The journal's broken `for` is read under the charter it was for, not apart; the findings of its entries are not
        // checked any more, which is no resolution.
        for (const diff of [renamed, removed]) {
            assert.deepEqual(diff.charters[0].findings.resolved.filter(finding => finding.uri.endsWith('log.charter')), [], diff.charters[0].change);
            assert.deepEqual(diff.charters[0].findings.introduced.map(finding => `${finding.ruleId} ${finding.line}`), ['unresolved-reference 0'], diff.charters[0].change);
            assert.deepEqual(diff.findings.introduced, [], diff.charters[0].change);
        }
        // Removed with its journal, or with an entry less: those entries are removed.
        const gone = await diffTexts(services, before, { 'parties.charter': TWO_PARTIES, 'log.charter': journal(ENTRIES.slice(1)) });
        assert.deepEqual(diffLines(gone).filter(line => line.includes(' entry ')), ['Deal: removed entry 2026-01-20 met Board with Acme.Sponsor, Globex.Sponsor']);
        const both = await diffTexts(services, before, { 'parties.charter': TWO_PARTIES });
        assert.equal(both.charters[0].journal.length, ENTRIES.length);
    });

    it('names a compared journal whose charter is in neither side, rather than showing nothing', async () => {
        const diff = await diffTexts(services, { 'log.charter': journal(ENTRIES) }, { 'log.charter': journal(ENTRIES.slice(1)) });
        assert.deepEqual(diff.journalsWithoutCharter.map(item => [item.journal, item.charter, !!item.oldUri, !!item.newUri]), [['Log', 'Deal', true, true]]);
        assert.deepEqual(diff.charters, []);
    });
});
