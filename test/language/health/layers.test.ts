import * as assert from 'node:assert/strict';
import type { CharterHealth } from '@entente/language';
import { checkText, clearDocuments, createTestServices, ruleIds } from '../../helpers/workspace.js';

const services = createTestServices();

/** A charter whose term is the calendar year 2026, a quarterly commitment and a quarterly body, with a journal of `entries`. */
function charterOfYear(entries: readonly string[]): string {
    return `party A { role Lead }
party B { role Lead }
charter AB {
    parties A, B
    term from 2026-01-01 to 2026-12-31
    body Board { members A.Lead, B.Lead votes by unanimity meets quarterly }
    commitment Share { owner A.Lead to B every quarter }
}
journal J for AB {
${entries.map(entry => `    ${entry}`).join('\n')}
}
`;
}

async function executionOf(text: string, today: string): Promise<{ health: CharterHealth; rules: string[] }> {
    const { document, findings } = await checkText(services, text, { today });
    return { health: services.charter.HealthScorer.score(document, findings)[0], rules: ruleIds(findings) };
}

const checkOf = (health: CharterHealth, id: string) => health.layers?.execution.checks.find(check => check.id === id);

describe('the execution layer counts the periods the rules count', () => {
    afterEach(() => clearDocuments(services));

    it('after the term, its last period (ending the day after the term\'s last day) counts for deliveries as for meetings', async () => {
        const text = charterOfYear([
            '2026-02-01 delivered Share', '2026-05-01 delivered Share', '2026-08-01 delivered Share',
            '2026-02-01 met Board', '2026-05-01 met Board', '2026-08-01 met Board'
        ]);
        const { health, rules } = await executionOf(text, '2027-03-01');
        assert.ok(rules.includes('overdue-commitment'), 'the rule finds the last quarter without a delivery');
        const delivered = checkOf(health, 'execution.delivered-on-time');
        const meetings = checkOf(health, 'execution.meetings-on-cadence');
        assert.deepEqual([delivered?.numerator, delivered?.denominator], [3, 4], 'Q4 (2026-10-01 to 2027-01-01) fell due');
        assert.deepEqual([meetings?.numerator, meetings?.denominator], [3, 4], 'as the meetings count it');
    });

    it('a delivery on the term\'s last day is on time for the last period', async () => {
        const text = charterOfYear([
            '2026-02-01 delivered Share', '2026-05-01 delivered Share', '2026-08-01 delivered Share', '2026-12-31 delivered Share'
        ]);
        const { health, rules } = await executionOf(text, '2027-03-01');
        assert.ok(!rules.includes('overdue-commitment'));
        const delivered = checkOf(health, 'execution.delivered-on-time');
        assert.deepEqual([delivered?.numerator, delivered?.denominator], [4, 4]);
    });

    it('during the term, a period still running is not counted yet', async () => {
        const text = charterOfYear(['2026-02-01 delivered Share', '2026-05-01 delivered Share', '2026-08-01 delivered Share']);
        const { health } = await executionOf(text, '2026-12-15');
        const delivered = checkOf(health, 'execution.delivered-on-time');
        assert.deepEqual([delivered?.numerator, delivered?.denominator], [3, 3]);
    });
});

describe('the perceived layer\'s gap', () => {
    afterEach(() => clearDocuments(services));

    it('names two parties when they agree on every pillar (a gap of 0)', async () => {
        const text = charterOfYear([
            '2026-06-30 assessed by A { trust 4 commitment 4 coordination 4 communication 4 }',
            '2026-06-30 assessed by B { trust 4 commitment 4 coordination 4 communication 4 }'
        ]);
        const { health } = await executionOf(text, '2026-07-01');
        const gap = health.layers?.gap;
        assert.equal(gap?.points, 0);
        assert.deepEqual([gap?.high.party, gap?.low.party], ['A', 'B']);
    });
});

describe('the layers read the journal as of today', () => {
    afterEach(() => clearDocuments(services));

    it('a party\'s assessment dated after today leaves its earlier one as its latest (not none)', async () => {
        const text = charterOfYear([
            '2026-06-30 assessed by A { trust 4 commitment 4 coordination 4 communication 4 }',
            '2026-06-30 assessed by B { trust 4 commitment 4 coordination 4 communication 4 }',
            '2027-03-01 assessed by B { trust 1 commitment 1 coordination 1 communication 1 }'
        ]);
        const { health, rules } = await executionOf(text, '2026-11-15');
        assert.deepEqual(Object.keys(health.layers?.perceived.byParty ?? {}), ['A', 'B']);
        assert.equal(health.layers?.gap?.points, 0);
        assert.ok(!rules.includes('perception-gap'));
    });

    it('a dispute resolved after today is open until today, at the level it had reached by then', async () => {
        const text = `party A { role Lead }
party B { role Lead }
charter AB {
    parties A, B
    term from 2026-01-01 to 2027-12-31
    escalation Disputes { level A.Lead, B.Lead within 5 days level A.Lead, B.Lead within 10 days finally mediation }
}
journal J for AB {
    2026-05-04 raised Leads "Who owns leads" via Disputes
    2026-12-01 escalated Leads
    2027-02-10 resolved Leads "Split"
}
`;
        const { health } = await executionOf(text, '2026-11-15');
        const inTime = checkOf(health, 'execution.disputes-in-time');
        assert.deepEqual(inTime?.entries.map(entry => entry.reason), ['Leads open 195 days, 5 allowed']);
    });
});
