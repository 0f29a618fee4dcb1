/**
 * Runs the extension's test suite once in the code-server workbench, by hand:
 *
 *   npx tsx test/e2e/workbench/run.ts [--vsix packages/vscode/entente-0.1.0.vsix] [--grep '#vsix']
 *
 * (after `npm run build` and `node scripts/workbench/prepare.mjs`). Prints the
 * extension host's log; logs and screenshots go to test-results/workbench/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createTestWorkspace } from '../../../scripts/workbench/workspace.mjs';
import { runWorkbench } from './harness.js';

const { values } = parseArgs({ options: { vsix: { type: 'string' }, grep: { type: 'string' }, name: { type: 'string' } } });
const workspace = createTestWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-workspace-')));
try {
    const result = await runWorkbench({
        name: values.name ?? (values.vsix ? 'installed' : 'development'),
        workspace,
        vsix: values.vsix && path.resolve(values.vsix),
        grep: values.grep,
        onLog: line => console.log(line)
    });
    for (const attempt of result.network) {
        console.log(`network: ${attempt}`);
    }
    console.log(`exit code ${result.exitCode} after ${(result.durationMs / 1000).toFixed(1)} s; files in ${path.relative(process.cwd(), result.outputDir)}`);
    process.exitCode = result.exitCode === 0 ? 0 : 1;
} finally {
    fs.rmSync(workspace, { recursive: true, force: true });
}
