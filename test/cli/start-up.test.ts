import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/**
 * What a small `entente check` loads: the speed budget of a small check is
 * twice `node -e 0`, and these are the parts that once took a tenth of it.
 */
describe('the start-up of a small check', () => {
    it('bundles none of the language server\'s libraries into the CLI', () => {
        const map = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'packages/cli/dist/entente.cjs.map'), 'utf8')) as { sources: string[] };
        const serverParts = map.sources.filter(source => /vscode-languageserver\/|vscode-languageserver-protocol\/|langium\/lib\/lsp\/|vscode-jsonrpc\/lib\/node\//.test(source));
        assert.deepEqual(serverParts, []);
        assert.ok(map.sources.some(source => source.includes('charter-fast-parser')), 'the map lists the bundle\'s sources');
    });

    it('loads neither node:worker_threads nor node:child_process', () => {
        const hook = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-start-up-')), 'record-requires.cjs');
        fs.writeFileSync(hook, `const Module = require('node:module');
const loaded = new Set();
const load = Module._load;
Module._load = function (request) { loaded.add(request.replace(/^node:/, '')); return load.apply(this, arguments); };
process.on('exit', () => process.stderr.write('\\nloaded: ' + JSON.stringify([...loaded]) + '\\n'));
`);
        const result = runCli(['check', 'examples/reference', '--today', '2026-11-22'], { env: { NODE_OPTIONS: `--require ${hook}` } });
        assert.equal(result.code, 0, result.stderr);
        const loaded = JSON.parse(/loaded: (.*)/.exec(result.stderr)![1]) as string[];
        assert.ok(loaded.includes('fs'), 'the hook saw the CLI\'s requires');
        assert.deepEqual(loaded.filter(name => name === 'worker_threads' || name === 'child_process'), []);
    });
});
