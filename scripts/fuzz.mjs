//@ts-check
// `npm run fuzz [-- --runs N --seed S]`: the property and mutation suites with many
// more inputs than `npm test` runs, and a fresh seed unless one is given. A failure
// prints its seed and counterexample: add the input to test/fixtures/fuzz-corpus/.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' } } });
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzzing with ${values.runs} runs per property, seed ${seed}`);
const result = spawnSync('npx', ['mocha', '--no-config', '--node-option', 'import=tsx', '--timeout', '0', '--reporter', 'spec',
    'test/robustness/properties.test.ts', 'test/robustness/monotone-properties.test.ts', 'test/robustness/mutation-fuzz.test.ts', 'test/formatter/properties.test.ts',
    // Issue 21's shapes: duplicate-heavy charters, escape-heavy strings and comments, folders of odd file kinds.
    'test/robustness/hostile/fuzz.test.ts', 'test/robustness/hostile/lexing.test.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ENTENTE_FUZZ_RUNS: values.runs, ENTENTE_FUZZ_SEED: seed }
});
process.exit(result.status ?? 1);
