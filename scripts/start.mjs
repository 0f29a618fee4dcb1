//@ts-check
// `npm start`: the main job on examples/: check every charter, score its health, and render
// the governance diagrams and an HTML report per charter into out/, and show one semantic diff
// (examples/changes holds before/after pairs; examples/.ententeignore keeps them out of the rest).
// Findings are the point of the run, so exit code 1 (findings) is not a failure here;
// exit code 2 (usage or I/O error) is.
import { spawnSync } from 'node:child_process';

const entente = ['packages/cli/bin/entente.js'];
// The examples' journals tell their year as of this day: one healthy in execution, one drifting.
// Read on a later day, every journal has stopped and every example looks abandoned, so the run
// states the day, as the README's figures do.
const examplesDay = ['--today', '2026-11-22'];
const steps = [
    ['check', 'examples/', ...examplesDay],
    ['score', 'examples/', ...examplesDay],
    ['render', 'examples/', '--out', 'out/', ...examplesDay],
    ['playground', '--out', 'out/playground'],
    ['diff', 'examples/changes/01-decision-control/before.charter', 'examples/changes/01-decision-control/after.charter', ...examplesDay]
];

for (const step of steps) {
    console.log(`\n$ entente ${step.join(' ')}\n`);
    const result = spawnSync(process.execPath, [...entente, ...step], { stdio: 'inherit' });
    if (result.status !== 0 && result.status !== 1) {
        process.exit(result.status ?? 2);
    }
}
console.log('\nOpen the reports in out/*.html and the playground in out/playground/index.html, or run `npx entente --help` for more.');
