import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

describe('entente check --format markdown', function () {
    this.timeout(60_000);

    it('summarises the findings as a table linking each rule to its docs', () => {
        const result = runCli(['check', 'examples/broken', 'examples/parties', '--today', '2026-06-01', '--format', 'markdown']);
        assert.equal(result.code, 0, 'warnings only');
        const lines = result.stdout.trimEnd().split('\n');
        assert.equal(lines[0], '### Entente check');
        const json = JSON.parse(runCli(['check', 'examples/broken', 'examples/parties', '--today', '2026-06-01', '--format', 'json']).stdout) as
            { files: Array<{ path: string; diagnostics: Array<{ rule: string; line: number; column: number }> }>; summary: { errors: number; warnings: number; infos: number } };
        const { errors, warnings, infos } = json.summary;
        assert.equal(errors, 0);
        assert.equal(lines[2], `⚠️ **${errors + warnings + infos} findings** (${errors} errors, ${warnings} warnings, ${infos} infos) in 2 of 4 charter files.`);
        const rows = lines.filter(line => line.startsWith('| ') && !line.startsWith('| |'));
        const diagnostics = json.files.flatMap(file => file.diagnostics.map(d => ({ ...d, path: file.path })));
        assert.equal(rows.length, diagnostics.length);
        rows.forEach((row, index) => {
            const d = diagnostics[index];
            assert.ok(row.includes(`| \`${d.path}:${d.line}:${d.column}\` |`), row);
            assert.ok(row.endsWith(`| [${d.rule}](https://github.com/entente-charters/entente/blob/main/docs/rules/${d.rule}.md) |`), row);
            assert.equal(row.split(/(?<!\\)\|/).length, 6, `a row has exactly four cells: ${row}`);
        });
    });

    it('says so when there is nothing to report, and keeps charter text inert', () => {
        const clean = runCli(['check', 'examples/fixed', 'examples/parties', '--today', '2026-11-22', '--format', 'markdown']);
        assert.equal(clean.code, 0);
        assert.equal(clean.stdout, '### Entente check\n\n✅ No findings in 4 charter files.\n');
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-markdown-'));
        fs.writeFileSync(path.join(folder, 'x.charter'), 'party A_B "<b>|x</b>"\ncharter C_D { parties A_B }\n');
        const result = runCli(['check', '.', '--format', 'markdown'], { cwd: folder });
        const rows = result.stdout.split('\n').filter(line => line.startsWith('| ') && !line.startsWith('| |'));
        assert.ok(rows.length > 0);
        for (const row of rows) {
            assert.ok(!/(?<!\\)[<_]/.test(row.replace(/`[^`]*`/g, '').replace(/\]\([^)]*\)/g, '](…)')), row);
        }
    });
});
