import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/** docs/ci.md is copied into pipelines as it is: every command it gives (but diff, tested with git in test/diff) must run as written. */
describe('the commands docs/ci.md gives', function () {
    this.timeout(60_000);

    it('run as written on a charters folder: no usage error', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-ci-docs-'));
        fs.cpSync(path.join(REPO_ROOT, 'examples/reference'), path.join(root, 'charters'), { recursive: true });
        const page = fs.readFileSync(path.join(REPO_ROOT, 'docs/ci.md'), 'utf8');
        const commands = [...new Set([...page.matchAll(/npx entente ((?:check|score|fmt) [^\n>|`#]*)/g)].map(match => match[1].trim()))];
        assert.ok(commands.length >= 5, commands.join('\n'));
        for (const command of commands) {
            const result = runCli([...command.split(/\s+/), ...(command.startsWith('fmt') ? [] : ['--today', '2026-11-22'])], { cwd: root });
            assert.ok(result.code === 0 || result.code === 1, `${command}: exit ${result.code}: ${result.stderr}`);
            assert.doesNotMatch(result.stderr, /see --help/, command);
        }
        // Run from the repository root, as the page says, SARIF paths are the repository's paths.
        const sarif = runCli(['check', 'charters', '--format', 'sarif'], { cwd: root });
        const artifacts = (JSON.parse(sarif.stdout) as { runs: Array<{ artifacts: Array<{ location: { uri: string; uriBaseId: string } }> }> }).runs[0].artifacts;
        assert.deepEqual(artifacts.map(artifact => [artifact.location.uriBaseId, artifact.location.uri.split('/')[0]]), artifacts.map(() => ['%SRCROOT%', 'charters']));
    });
});
