import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

describe('entente writing into a pipe the reader closed early', function () {
    this.timeout(60_000);

    it('stops quietly, without a stack trace', () => {
        const bin = path.join(REPO_ROOT, 'packages/cli/bin/entente.js');
        // SARIF for every example is far larger than what `head` reads, so the CLI writes into a closed pipe.
        const result = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" check examples --format sarif 2>stderr.txt | head -c 20 >/dev/null; echo "\${PIPESTATUS[0]}"; cat stderr.txt; rm stderr.txt`], {
            cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }
        });
        const [status, ...stderr] = result.stdout.split('\n');
        assert.equal(stderr.join('\n').trim(), '');
        assert.ok(['0', '1'].includes(status), `exit status ${status}`);
    });
});
