import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CharterModel, Range } from '@entente/language';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';
import { workspaceArbitrary } from './charter-arbitrary.js';

const services = createTestServices();
/** Fixed seed and bounded runs in `npm test`; `npm run fuzz` runs many more with a fresh seed. */
export const PROPERTY_RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261122);

function inside(range: Range, lines: string[]): boolean {
    const { start, end } = range;
    const fits = (p: Range['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    return fits(start) && fits(end) && (start.line < end.line || (start.line === end.line && start.character <= end.character));
}

function assertModelInvariants(charter: CharterModel): void {
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    for (const body of charter.bodies) {
        const seats = Object.values(body.seatsByParty).reduce((a, b) => a + b, 0);
        assert.equal(seats, body.totalSeats, `${body.name}: seats add up`);
        const power = Object.values(body.powerByParty).reduce((a, b) => a + b, 0);
        assert.ok(body.totalSeats === 0 ? power === 0 : near(power, 1), `${body.name}: Banzhaf power sums to 1 (${power})`);
        for (const party of body.controllingParties) {
            assert.ok(body.blockingParties.includes(party), `${body.name}: ${party} controls so it can block`);
        }
        for (const party of [...body.controllingParties, ...body.blockingParties]) {
            assert.ok(body.seatsByParty[party] > 0, `${body.name}: ${party} acts only with a seat`);
        }
    }
    for (const decision of charter.decisions) {
        for (const party of decision.controllingParties) {
            assert.ok(decision.blockingParties.includes(party), `${decision.name}: ${party} controls so it can block`);
        }
        assert.ok(decision.controllingParties.length <= 1, `${decision.name}: at most one party carries a decision alone`);
        if (decision.deciders.length === 0) {
            assert.deepEqual([decision.controllingParties, decision.blockingParties], [[], []]);
        }
    }
    for (const escalation of charter.escalations) {
        if (escalation.worstCaseDays !== undefined) {
            assert.equal(escalation.worstCaseDays, escalation.levels.reduce((sum, level) => sum + (level.within?.days ?? NaN), 0));
        }
    }
}

describe('properties of the checker over generated charters', () => {
    it('never throws, keeps every diagnostic inside its document, and keeps the model\'s invariants', async function () {
        this.timeout(120_000);
        await fc.assert(fc.asyncProperty(workspaceArbitrary, async files => {
            try {
                const checked = await checkWorkspace(services, files);
                for (const [name, { document, model, findings }] of Object.entries(checked)) {
                    const lines = files[name].split('\n');
                    assert.deepEqual(document.parseResult.parserErrors.map(e => e.message), [], `generated text parses:\n${files[name]}`);
                    for (const finding of findings) {
                        assert.notEqual(finding.ruleId, 'internal-error', finding.message);
                        assert.ok(inside(finding.range, lines), `${finding.ruleId} range inside ${name}: ${JSON.stringify(finding.range)}`);
                        for (const related of finding.related ?? []) {
                            const relatedName = related.uri.replace('file:///workspace/', '');
                            assert.ok(inside(related.range, files[relatedName].split('\n')), `related range of ${finding.ruleId}`);
                        }
                    }
                    model.charters.forEach(assertModelInvariants);
                    assert.doesNotThrow(() => JSON.stringify(model), 'the model is plain data');
                }
            } finally {
                await clearDocuments(services);
            }
        }), { numRuns: PROPERTY_RUNS, seed: SEED });
    });
});
