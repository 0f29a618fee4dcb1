import * as assert from 'node:assert/strict';
import type { CharterFormatter } from '@entente/language';
import fc from 'fast-check';
import { workspaceArbitrary } from '../robustness/charter-arbitrary.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();
const formatter = services.lsp.Formatter as CharterFormatter;
/** Fixed seed and bounded runs in `npm test`; `npm run fuzz` runs many more with a fresh seed. */
const PROPERTY_RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261123);

/** The model and findings of a workspace without positions: what the charters mean. */
function meaning(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(meaning);
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value)
            .filter(([key]) => !/range|Range|source|Offset|^line$|^uri$|related|suppressions/.test(key))
            .map(([key, inner]) => [key, meaning(inner)]));
    }
    return value;
}

async function meaningOf(files: Record<string, string>): Promise<unknown> {
    const checked = await checkWorkspace(services, files);
    await clearDocuments(services);
    return meaning(Object.fromEntries(Object.entries(checked).map(([name, { model, findings }]) => [name, {
        model,
        findings: findings.map(finding => [finding.ruleId, finding.severity, finding.element, finding.message]).sort()
    }])));
}

/** Charter text with the whitespace between its tokens replaced at random, and comments thrown in. */
const messArbitrary = (text: string) => fc.array(fc.constantFrom(' ', '  ', '\n', '\n\n\n', '\t', ' // note\n', ' /* c */ ', '\n    // own line\n'), { minLength: 1, maxLength: 20 })
    .map(separators => {
        let index = 0;
        // Between tokens only: after a word, a string, or punctuation (never inside a string or a comment).
        return text.replace(/("(?:\\.|[^"\\])*")|\s+/g, (_match, string: string | undefined) => string ?? separators[index++ % separators.length]);
    });

describe('properties of the formatter over generated charters', () => {
    it('is idempotent and never changes what a charter means, however it was spaced', async function () {
        this.timeout(120_000);
        const arbitrary = workspaceArbitrary.chain(files => fc.tuple(
            fc.constant(files),
            fc.record(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, messArbitrary(text)])))
        ));
        await fc.assert(fc.asyncProperty(arbitrary, async ([files, messy]) => {
            const formatted: Record<string, string> = {};
            for (const [name, text] of Object.entries(messy)) {
                const once = formatter.format(text);
                assert.notEqual(once, undefined, `the spaced-out text parses:\n${text}`);
                assert.equal(formatter.format(once!), once, `idempotent on:\n${text}`);
                formatted[name] = once!;
                // The generated text and the messy one format the same way, comments and kept blank lines aside.
                const layout = (source: string) => formatter.format(source.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' '))!.replace(/\n\n+/g, '\n');
                assert.equal(layout(text), layout(files[name]), `same layout as the tidy text:\n${text}`);
            }
            assert.deepEqual(await meaningOf(formatted), await meaningOf(files));
        }), { numRuns: Math.ceil(PROPERTY_RUNS / 2), seed: SEED });
    });
});
