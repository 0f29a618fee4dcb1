import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'entente-render-journal-'));

describe('entente render with a journal', () => {
    it('writes the timeline, metric trends and perception radar beside the charter\'s views, and puts them in the report', () => {
        const out = temp();
        const result = runCli(['render', 'test/fixtures/operations', '--out', out, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual(fs.readdirSync(path.join(out, 'AcmeGlobex')).sort(),
            ['balance.svg', 'escalation.svg', 'governance.svg', 'health.svg', 'matrix.svg', 'radar.svg', 'timeline.svg', 'trends.svg']);
        assert.deepEqual(fs.readdirSync(out).sort(), ['AcmeGlobex', 'AcmeGlobex.html'], 'the journal itself is no charter: no folder of its own');
        const timeline = fs.readFileSync(path.join(out, 'AcmeGlobex/timeline.svg'), 'utf8');
        assert.match(timeline, /data-today="2026-11-22"/, '--today is the timeline\'s today');
        assert.match(timeline, /data-element="AcmeGlobex2026:7" data-kind="miss"/);
        assert.match(fs.readFileSync(path.join(out, 'AcmeGlobex/radar.svg'), 'utf8'), /Largest gap: 2 on trust \(Acme 4, Globex 2\)/);
        const html = fs.readFileSync(path.join(out, 'AcmeGlobex.html'), 'utf8');
        assert.deepEqual([...html.matchAll(/<section id="([^"]+)"><h2>/g)].map(match => match[1]),
            ['health', 'governance', 'matrix', 'escalation', 'balance', 'timeline', 'trends', 'radar', 'reasons', 'findings']);
        assert.match(html, /<h2>Perception radar<\/h2>/);
        assert.equal((html.match(/<svg /g) ?? []).length, 8, 'every view inline');
        assert.doesNotMatch(html, /<script|<link|src="http|url\(http/i, 'no script, no external resource');
        assert.match(result.stdout, /Rendered 9 files for 1 charter/);
        // The journal's findings are the report's too, with their file.
        assert.match(html, /<td>test\/<wbr>fixtures\/<wbr>operations\/<wbr>acme-globex-2026\.charter:7<\/td><td>Commitment ShareRoadmap was missed[^<]*<\/td><td><a href="[^"]*docs\/rules\/missed-commitment\.md">/);
        assert.match(timeline, /findings: missed-commitment<\/title><path class="mark-miss"/, 'and mark their entries');
    });

    it('draws the views from one party\'s side with --view-as', () => {
        const out = temp();
        assert.equal(runCli(['render', 'test/fixtures/operations', '--out', out, '--today', '2026-11-22', '--view-as', 'Globex', '--format', 'svg']).code, 0);
        const timeline = fs.readFileSync(path.join(out, 'AcmeGlobex/timeline.svg'), 'utf8');
        assert.match(timeline, /data-lane="party:Acme" class="dim"/);
        assert.doesNotMatch(timeline, /data-lane="party:Globex" class="dim"/);
    });

    it('writes no journal views for a charter without a journal', () => {
        const out = temp();
        assert.equal(runCli(['render', 'test/fixtures/operations/acme-globex.charter', 'test/fixtures/operations/parties', '--out', out, '--format', 'svg']).code, 0);
        assert.deepEqual(fs.readdirSync(path.join(out, 'AcmeGlobex')).sort(), ['balance.svg', 'escalation.svg', 'governance.svg', 'health.svg', 'matrix.svg']);
    });
});
