import * as assert from 'node:assert/strict';
import { analyseVote, banzhafPower, quota } from '@entente/language';

describe('voting analysis', () => {
    it('needs a strict majority of seats under majority and every seat otherwise', () => {
        assert.equal(quota(4, 'majority'), 3);
        assert.equal(quota(5, 'majority'), 3);
        assert.equal(quota(4, 'unanimity'), 4);
        assert.equal(quota(4, 'consensus'), 4);
    });

    it('gives control to the party with 3 of 4 seats by majority; the other cannot block', () => {
        const outcome = analyseVote({ Acme: 3, Globex: 1 }, 'majority');
        assert.deepEqual(outcome.controllingParties, ['Acme']);
        assert.deepEqual(outcome.blockingParties, ['Acme']);
        // Acme is pivotal in every coalition: {Acme} and {Acme, Globex}; Globex in none.
        assert.deepEqual(outcome.powerByParty, { Acme: 1, Globex: 0 });
    });

    it('gives nobody control at 2:2 by majority, and lets both block', () => {
        const outcome = analyseVote({ Acme: 2, Globex: 2 }, 'majority');
        assert.deepEqual(outcome.controllingParties, []);
        assert.deepEqual(outcome.blockingParties, ['Acme', 'Globex']);
        assert.deepEqual(outcome.powerByParty, { Acme: 0.5, Globex: 0.5 });
    });

    it('gives every seated party a veto under unanimity and consensus, whatever the seats', () => {
        for (const rule of ['unanimity', 'consensus'] as const) {
            const outcome = analyseVote({ Acme: 3, Globex: 1, Initech: 0 }, rule);
            assert.deepEqual(outcome.controllingParties, [], rule);
            assert.deepEqual(outcome.blockingParties, ['Acme', 'Globex'], rule);
            assert.deepEqual(outcome.powerByParty, { Acme: 0.5, Globex: 0.5 }, rule);
        }
    });

    it('lets a sole decider control and block', () => {
        const outcome = analyseVote({ Acme: 1 }, 'consensus');
        assert.deepEqual(outcome.controllingParties, ['Acme']);
        assert.deepEqual(outcome.blockingParties, ['Acme']);
        assert.deepEqual(outcome.powerByParty, { Acme: 1 });
    });

    it('computes the textbook Banzhaf index of [4; 3, 2, 1, 1]', () => {
        // Swings counted by hand: a player swings a coalition of the others weighing in [4 - w, 3].
        // A (3): {B}, {C}, {D}, {B,C}, {B,D}, {C,D} -> 6.  B (2): {A}, {C,D} -> 2.
        // C (1): {A}, {B,D} -> 2.  D (1): {A}, {B,C} -> 2.  Total 12.
        const power = banzhafPower([3, 2, 1, 1], 4);
        const expected = [6 / 12, 2 / 12, 2 / 12, 2 / 12];
        power.forEach((value, index) => assert.ok(Math.abs(value - expected[index]) < 1e-12, `${index}: ${value}`));
    });

    it('computes power for a body of 200 parties without enumerating coalitions, summing to 1', () => {
        const weights = Array.from({ length: 200 }, (_, index) => 1 + (index % 3));
        const total = weights.reduce((a, b) => a + b, 0);
        const started = performance.now();
        const power = banzhafPower(weights, Math.floor(total / 2) + 1);
        const elapsed = performance.now() - started;
        assert.ok(Math.abs(power.reduce((a, b) => a + b, 0) - 1) < 1e-9);
        assert.ok(power[2] > power[1] && power[1] > power[0], 'more seats, more power');
        assert.ok(elapsed < 5_000, `took ${elapsed} ms`);
    });

    it('gives no one anything in a body without seats', () => {
        assert.deepEqual(analyseVote({ Acme: 0, Globex: 0 }, 'majority'), { controllingParties: [], blockingParties: [], powerByParty: {} });
    });
});
