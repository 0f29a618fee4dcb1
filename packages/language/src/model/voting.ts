import type { VotingRule } from './types.js';

/** Who can carry and who can stop a vote, given seats per party and a voting rule. */
export interface VoteOutcome {
    controllingParties: string[];
    blockingParties: string[];
    powerByParty: Record<string, number>;
}

/** Seats needed to carry a vote: a strict majority, or every seat under unanimity and consensus. */
export function quota(totalSeats: number, voting: VotingRule): number {
    return voting === 'majority' ? Math.floor(totalSeats / 2) + 1 : totalSeats;
}

/**
 * Control, blocking and power of the parties holding `seatsByParty` under `voting`.
 * A party controls when its seats alone reach the quota; it can block when the
 * other seats together cannot (under unanimity and consensus every seated party
 * has a veto). Power is the normalised Banzhaf index of the weighted game.
 */
export function analyseVote(seatsByParty: Record<string, number>, voting: VotingRule): VoteOutcome {
    const seated = Object.keys(seatsByParty).filter(party => seatsByParty[party] > 0).sort();
    const totalSeats = seated.reduce((sum, party) => sum + seatsByParty[party], 0);
    if (totalSeats === 0) {
        return { controllingParties: [], blockingParties: [], powerByParty: {} };
    }
    const needed = quota(totalSeats, voting);
    const controllingParties = seated.filter(party => seatsByParty[party] >= needed);
    const blockingParties = seated.filter(party => totalSeats - seatsByParty[party] < needed);
    const powerByParty = banzhafPower(seated.map(party => seatsByParty[party]), needed)
        .reduce<Record<string, number>>((power, value, index) => {
            power[seated[index]] = value;
            return power;
        }, {});
    return { controllingParties, blockingParties, powerByParty };
}

/**
 * Normalised Banzhaf index of the weighted voting game [quota; weights].
 * Counts, for each player, the coalitions of the others it turns from losing
 * into winning, with a dynamic programme over coalition weights: O(n² · W)
 * rather than 2ⁿ, so a body with hundreds of parties is cheap.
 */
export function banzhafPower(weights: number[], needed: number): number[] {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const swings = weights.map((weight, player) => {
        // ways[w]: number of coalitions of the other players weighing exactly w.
        const ways = new Float64Array(total + 1);
        ways[0] = 1;
        let reach = 0;
        for (let other = 0; other < weights.length; other++) {
            if (other === player || weights[other] === 0) {
                continue;
            }
            const otherWeight = weights[other];
            for (let w = reach; w >= 0; w--) {
                if (ways[w] !== 0) {
                    ways[w + otherWeight] += ways[w];
                }
            }
            reach += otherWeight;
        }
        let count = 0;
        for (let w = Math.max(0, needed - weight); w < needed && w <= reach; w++) {
            count += ways[w];
        }
        return weight > 0 ? count : 0;
    });
    const swingTotal = swings.reduce((sum, swing) => sum + swing, 0);
    return swings.map(swing => (swingTotal > 0 ? swing / swingTotal : 0));
}
