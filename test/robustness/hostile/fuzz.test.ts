import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { runCli } from '../../helpers/cli.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { duplicateHeavyCharter, escapeHeavyCharter, oddEntry, type OddEntry } from '../hostile-arbitrary.js';

const RUNS = Number(process.env.ENTENTE_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261202);

/** Issue 21: the fuzz suite's generators for duplicate-heavy charters, escape-heavy strings and odd file kinds. */
describe('fuzzing the hostile shapes of issue 21', function () {
    this.timeout(300_000);
    const services = createTestServices();

    const assertSane = async (text: string) => {
        const started = performance.now();
        try {
            const { findings } = await checkText(services, text);
            const lines = text.split(/\r\n|\r|\n/);
            for (const finding of findings) {
                assert.notEqual(finding.ruleId, 'internal-error', finding.message);
                assert.ok((finding.related?.length ?? 0) <= 3, `${finding.ruleId} lists ${finding.related?.length} related locations`);
                const { start, end } = finding.range;
                for (const p of [start, end]) {
                    assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `${finding.ruleId} at ${JSON.stringify(p)}`);
                }
            }
        } finally {
            await clearDocuments(services);
        }
        // Generous: a linear check of these (at most a few hundred KB) takes well under a second; a quadratic one, minutes.
        const elapsed = performance.now() - started;
        assert.ok(elapsed < 3_000 + text.length / 50, `${Math.round(elapsed)} ms for ${text.length} characters`);
    };

    before(async () => {
        // The first check pays for compiling the lexer and the rules, not for its input.
        await checkText(services, 'party "\\" /* x');
        await clearDocuments(services);
    });

    it('duplicate-heavy charters: linear, at most three related locations a finding', async () => {
        await fc.assert(fc.asyncProperty(duplicateHeavyCharter, assertSane), { numRuns: RUNS, seed: SEED });
    });

    it('escape-heavy strings and comments, closed or not: linear, findings in range', async () => {
        await fc.assert(fc.asyncProperty(escapeHeavyCharter, assertSane), { numRuns: RUNS, seed: SEED });
    });

    it('folders of odd file kinds: the CLI never hangs, answers in one line or with findings, never an internal error', () => {
        const samples = fc.sample(fc.array(oddEntry, { minLength: 1, maxLength: 8 }), { numRuns: Math.max(12, Math.round(RUNS / 5)), seed: SEED });
        for (const entries of samples) {
            const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-odd-'));
            try {
                entries.forEach((entry, n) => make(folder, entry, n));
                for (const args of [['check', folder, '--format', 'json'], ['fmt', '--check', folder]]) {
                    const result = runCli(args);
                    const what = `${args[0]} of ${JSON.stringify(entries.map(entry => entry.kind))}`;
                    assert.ok([0, 1, 2].includes(result.code), `${what}: exit ${result.code} (a hang ends at the 60 s timeout as -1)`);
                    assert.doesNotMatch(result.stderr, /internal error|\n\s+at /, what);
                    if (result.code === 2) {
                        assert.equal(result.stderr.trim().split('\n').length, 1, `${what}: ${result.stderr}`);
                    }
                }
            } finally {
                fs.rmSync(folder, { recursive: true, force: true });
            }
        }
    });
});

function make(folder: string, entry: OddEntry, n: number): void {
    const at = (name: string) => path.join(folder, name);
    switch (entry.kind) {
        case 'charter': return fs.writeFileSync(at(`c${n}.charter`), entry.text);
        case 'latin1': return fs.writeFileSync(at(`latin${n}.charter`), Buffer.from([0x70, 0x61, 0x72, 0x74, 0x79, 0x20, 0x45, 0xe9, 0x20, 0x7b, 0x7d, 0x0a]));
        case 'empty': return fs.writeFileSync(at(`empty${n}.charter`), '');
        case 'fifo': return void execFileSync('mkfifo', [at(`pipe${n}.charter`)]);
        case 'link-to-sibling': {
            fs.writeFileSync(at(`target${n}.charter`), `party T${n} {}\n`);
            return fs.symlinkSync(`target${n}.charter`, at(`alias${n}.charter`));
        }
        case 'link-to-device': return fs.symlinkSync('/dev/zero', at(`zero${n}.charter`));
        case 'dangling-link': return fs.symlinkSync(`missing${n}.charter`, at(`dangling${n}.charter`));
        case 'link-loop': return fs.symlinkSync('.', at(`loop${n}`));
        case 'folder-named-charter': return fs.mkdirSync(at(`folder${n}.charter`));
        case 'folder-named-gitignore': return void (fs.existsSync(at('.gitignore')) || fs.mkdirSync(at('.gitignore')));
        case 'fifo-ignore-file': return void (fs.existsSync(at('.ententeignore')) || execFileSync('mkfifo', [at('.ententeignore')]));
    }
}
