import * as assert from 'node:assert/strict';
import { isEmptyDiff, type CharterFormatter } from '@entente/language';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';
import { createTestServices } from '../helpers/workspace.js';
import { workspaceArbitrary } from '../robustness/charter-arbitrary.js';
import { mutate, mutationArbitrary } from '../robustness/mutations.js';
import { createSideServices, diffLines, diffTexts } from './diff-helpers.js';

const services = createSideServices();
const formatter = createTestServices().lsp.Formatter as CharterFormatter;
/** Fixed seed and bounded runs in `npm test`; `npm run fuzz` settings raise them. */
const RUNS = Math.max(10, Math.round(Number(process.env.ENTENTE_FUZZ_RUNS ?? 60) / 3));
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261123);

/** Renames a party identifier everywhere outside strings (so its title stays as it was). */
function renameParty(files: Record<string, string>, party: string, to: string): Record<string, string> {
    const pattern = new RegExp(`("(?:\\\\.|[^"\\\\])*")|\\b${party}\\b`, 'g');
    return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.replace(pattern, (_match, string: string | undefined) => string ?? to)]));
}

describe('governance diff properties over generated charters', function () {
    this.timeout(120_000);

    it('finds no change between a workspace and itself, or its formatted twin', async () => {
        await fc.assert(fc.asyncProperty(workspaceArbitrary, async files => {
            const formatted = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, formatter.format(text) ?? text]));
            assert.deepEqual(diffLines(await diffTexts(services, files, files)), []);
            const reformatted = await diffTexts(services, files, formatted);
            assert.ok(isEmptyDiff(reformatted), diffLines(reformatted).join('\n'));
        }), { numRuns: RUNS, seed: SEED });
    });

    it('reports a consistently renamed party as that one rename and nothing else', async () => {
        await fc.assert(fc.asyncProperty(workspaceArbitrary, async files => {
            const party = /party (\w+)/.exec(files['parties.charter'])![1];
            const diff = await diffTexts(services, files, renameParty(files, party, `${party}Renamed`));
            assert.deepEqual(diffLines(diff), [`renamed party ${party} → ${party}Renamed`]);
        }), { numRuns: RUNS, seed: SEED });
    });

    it('is symmetric: what one direction introduces or adds, the other resolves or removes', async () => {
        await fc.assert(fc.asyncProperty(workspaceArbitrary, workspaceArbitrary, async (a, b) => {
            const forward = (await diffTexts(services, a, b)).summary;
            const backward = (await diffTexts(services, b, a)).summary;
            assert.equal(forward.findingsIntroduced, backward.findingsResolved);
            assert.equal(forward.findingsResolved, backward.findingsIntroduced);
            assert.equal(forward.chartersAdded, backward.chartersRemoved);
            assert.equal(forward.chartersRenamed, backward.chartersRenamed);
            assert.equal(forward.changes, backward.changes);
        }), { numRuns: RUNS, seed: SEED });
    });

    it('describes a broken, half-written side without throwing or printing undefined', async () => {
        const pairs = path.join(REPO_ROOT, 'examples/changes');
        const seeds = fs.readdirSync(pairs).map(pair => path.join(pairs, pair, 'after.charter')).filter(file => fs.existsSync(file)).map(file => fs.readFileSync(file, 'utf8'));
        await fc.assert(fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (index, mutations) => {
            const original = { 'a.charter': seeds[index] };
            const broken = { 'a.charter': mutate(seeds[index], mutations) };
            for (const lines of [diffLines(await diffTexts(services, original, broken)), diffLines(await diffTexts(services, broken, original))]) {
                // Finding lines carry the rules' own element names, so only the diff's own text is held to this.
                assert.deepEqual(lines.filter(line => !/(^| )(introduced|resolved) /.test(line) && /\bundefined\b|\bNaN\b|\[object/.test(line)), []);
            }
        }), { numRuns: RUNS, seed: SEED });
    });
});
