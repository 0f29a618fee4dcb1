import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

/** Issue 21, item 1: a name declared thousands of times is checked in linear time and memory. */
describe('hostile input: duplicate-heavy charters', function () {
    this.timeout(120_000);
    const manyParties = 'party P {}\n'.repeat(5_000);

    it('groups a clash: every declaration is marked, each listing at most three others', async () => {
        const services = createTestServices();
        const { findings } = await checkText(services, 'party P {}\n'.repeat(6));
        assert.equal(findings.length, 6);
        for (const finding of findings) {
            assert.equal(finding.ruleId, 'duplicate-name');
            assert.match(finding.message, /declared 6 times in the workspace \(the first 3 others are listed\)/);
            assert.equal(finding.related?.length, 3);
            assert.ok(finding.related!.every(related => related.range.start.line !== finding.range.start.line), 'a declaration is not its own duplicate');
        }
        await clearDocuments(services);
        const inCharter = await checkText(services, `party A {}\ncharter C {\n    parties A\n${'    objective O\n'.repeat(5)}}\n`);
        const objectives = inCharter.findings.filter(finding => finding.ruleId === 'duplicate-name');
        assert.equal(objectives.length, 5);
        assert.ok(objectives.every(finding => finding.related!.length === 3 && /used 5 times in charter C/.test(finding.message)));
    });

    it('the CLI checks 5,000 `party P {}` lines (55 KB) well within a generous bound', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-dup-'));
        try {
            fs.writeFileSync(path.join(folder, 'many.charter'), manyParties);
            const started = Date.now();
            const result = runCli(['check', folder, '--format', 'json']);
            const elapsed = Date.now() - started;
            assert.equal(result.code, 1, result.stderr.slice(0, 500));
            const report = JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ rule: string }> }> };
            assert.equal(report.files[0].diagnostics.length, 5_000);
            // Before the fix: a V8 out-of-memory abort after about a minute. Generous for a loaded machine.
            assert.ok(elapsed < 20_000, `took ${elapsed} ms`);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('the language server survives 5,000 duplicates, sends a small diagnostics message, and still answers', async () => {
        const client = new LspTestClient();
        try {
            await client.initialize();
            const uri = 'file:///hostile/many.charter';
            const diagnostics = await client.open(uri, manyParties);
            assert.equal(diagnostics.length, 5_000);
            assert.ok(diagnostics.every(diagnostic => (diagnostic.relatedInformation?.length ?? 0) <= 3));
            assert.ok(JSON.stringify(diagnostics).length < 10 * 1024 * 1024);
            const after = await client.change(uri, 'party P {}\nparty Q {}\n');
            assert.deepEqual(after, []);
            assert.equal(client.process.exitCode, null);
        } finally {
            await client.dispose();
        }
    });
});
