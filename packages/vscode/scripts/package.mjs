//@ts-check
// `npm run package`: builds entente-<version>.vsix with @vscode/vsce from the
// production bundles (run after `node esbuild.mjs --production`), offline and
// without node_modules (everything is bundled), then checks the size budgets.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(here, 'package.json'), 'utf8'));
const vsix = path.join(here, `${manifest.name}-${manifest.version}.vsix`);
const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');

const MB = 1024 * 1024;
const budgets = [
    { file: vsix, label: 'vsix', limit: 3 * MB },
    { file: path.join(here, 'dist/server.cjs'), label: 'bundled server', limit: 2 * MB },
    { file: path.join(here, 'dist/extension.cjs'), label: 'extension bundle (diagrams and their elkjs layout included)', limit: 3 * MB }
];

const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], {
    cwd: here,
    stdio: 'inherit',
    // vsce must not need the network: no update checks, no telemetry.
    env: { ...process.env, VSCE_TELEMETRY: 'off' }
});
if (result.status !== 0) {
    process.exit(result.status ?? 1);
}

let failed = false;
for (const { file, label, limit } of budgets) {
    const size = statSync(file).size;
    const within = size <= limit;
    failed ||= !within;
    console.log(`${within ? 'ok  ' : 'OVER'} ${label}: ${(size / 1024).toFixed(0)} KiB (budget ${(limit / MB).toFixed(0)} MiB) ${path.relative(process.cwd(), file)}`);
}
process.exit(failed ? 1 : 0);
