import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Finding } from '@entente/language';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { LspTestClient } from '../helpers/lsp-client.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';
import { mutate, mutationArbitrary } from './mutations.js';

const services = createTestServices();
const RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261122);
const PER_INPUT_BUDGET_MS = 5_000;
const CORPUS = path.join(REPO_ROOT, 'test/fixtures/fuzz-corpus');

/** Every example charter, as seeds for mutation; shared party files stay intact beside them. */
function seeds(): Array<{ name: string; text: string; companions: Record<string, string> }> {
    const files: string[] = [];
    const walk = (folder: string) => fs.readdirSync(folder, { withFileTypes: true }).forEach(entry => {
        const full = path.join(folder, entry.name);
        // examples/changes holds before/after pairs that declare the same charters twice (see examples/.ententeignore).
        if (entry.isDirectory()) { if (full !== path.join(REPO_ROOT, 'examples', 'changes')) walk(full); } else if (entry.name.endsWith('.charter')) files.push(full);
    });
    walk(path.join(REPO_ROOT, 'examples'));
    const texts = Object.fromEntries(files.map(file => [path.relative(REPO_ROOT, file), fs.readFileSync(file, 'utf8')]));
    return files.map(file => {
        const name = path.relative(REPO_ROOT, file);
        const companions = Object.fromEntries(Object.entries(texts).filter(([other]) => other !== name && other.startsWith(path.dirname(name).split('/').slice(0, 2).join('/'))));
        return { name, text: texts[name], companions };
    });
}

function assertSane(findings: Finding[], text: string): void {
    const lines = text.split(/\r\n|\r|\n/);
    for (const finding of findings) {
        assert.notEqual(finding.ruleId, 'internal-error', finding.message);
        const { start, end } = finding.range;
        for (const p of [start, end]) {
            assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length,
                `${finding.ruleId}: position ${JSON.stringify(p)} outside the text`);
        }
    }
}

async function checkInProcess(name: string, text: string, companions: Record<string, string>): Promise<void> {
    const started = performance.now();
    try {
        const checked = await checkWorkspace(services, { ...companions, [name]: text });
        assertSane(checked[name].findings, text);
    } finally {
        await clearDocuments(services);
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed < PER_INPUT_BUDGET_MS, `${name} took ${Math.round(elapsed)} ms`);
}

describe('mutation fuzzing from the examples', () => {
    const examples = seeds();

    it('the checker answers every mutant in bounded time with findings in range, never an internal error', async function () {
        this.timeout(180_000);
        await fc.assert(fc.asyncProperty(fc.nat({ max: examples.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), async (index, mutations) => {
            const seed = examples[index];
            await checkInProcess(seed.name, mutate(seed.text, mutations), seed.companions);
        }), { numRuns: RUNS, seed: SEED });
    });

    it('the CLI answers a folder of mutants (invalid UTF-8 included) with findings and exit code 0 or 1', function () {
        this.timeout(60_000);
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-fuzz-'));
        const samples = fc.sample(fc.tuple(fc.nat({ max: examples.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 })), { numRuns: Math.max(40, Math.round(RUNS / 10)), seed: SEED });
        samples.forEach(([index, mutations], n) => {
            const text = mutate(examples[index].text, mutations).replace(/\u0000/g, '');
            const bytes = Buffer.from(text, 'utf8');
            // Every fifth file gets a byte sequence that is not UTF-8 at all.
            const broken = n % 5 === 0 ? Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), bytes.subarray(bytes.length >> 1)]) : bytes;
            fs.writeFileSync(path.join(folder, `mutant-${n}.charter`), broken);
        });
        const result = runCli(['check', folder, '--format', 'json', '--today', '2026-11-22']);
        assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
        assert.equal(result.stderr, '');
        const output = JSON.parse(result.stdout);
        assert.equal(output.files.length, samples.length);
        assert.ok(output.files.every((file: { diagnostics: Array<{ rule: string }> }) => file.diagnostics.every(d => d.rule !== 'internal-error')));
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it('the language server answers every mutant typed into one document, and still answers afterwards', async function () {
        this.timeout(120_000);
        const client = new LspTestClient();
        try {
            await client.initialize();
            const seed = examples[0];
            const uri = 'file:///fuzz/mutant.charter';
            await client.open(uri, seed.text);
            const samples = fc.sample(fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), { numRuns: Math.max(30, Math.round(RUNS / 20)), seed: SEED });
            for (const mutations of samples) {
                const text = mutate(seed.text, mutations);
                const diagnostics = await client.change(uri, text);
                assert.ok(diagnostics.every(d => d.code !== 'internal-error'), JSON.stringify(diagnostics));
            }
            const final = await client.change(uri, seed.text);
            assert.ok(Array.isArray(final));
            assert.equal(client.process.exitCode, null, 'the server is still running');
        } finally {
            await client.dispose();
        }
    });
});

describe('the fuzz corpus (inputs that once failed, kept as regression tests)', () => {
    const corpus = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter(name => name.endsWith('.charter')).sort() : [];

    it('holds regression inputs', () => assert.ok(corpus.length > 0));

    for (const name of corpus) {
        it(`checks ${name} without an internal error, in process and through the CLI`, async function () {
            this.timeout(30_000);
            const bytes = fs.readFileSync(path.join(CORPUS, name));
            await checkInProcess(name, bytes.toString('utf8'), {});
            const result = runCli(['check', path.join(CORPUS, name), '--format', 'json']);
            if (bytes.includes(0)) {
                assert.equal(result.code, 2);
                assert.match(result.stderr, /is a binary file, not a charter\n$/);
            } else {
                assert.ok(result.code === 0 || result.code === 1, result.stderr);
            }
        });
    }
});
