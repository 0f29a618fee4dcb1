import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'entente-render-'));

describe('entente render', () => {
    it('writes one SVG per view and a self-contained HTML report per charter', () => {
        const out = temp();
        const result = runCli(['render', 'examples/reference', '--out', out, '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stderr);
        // The reference example has a journal: its three views too.
        assert.deepEqual(fs.readdirSync(path.join(out, 'AcmeGlobex')).sort(),
            ['balance.svg', 'escalation.svg', 'governance.svg', 'health.svg', 'matrix.svg', 'radar.svg', 'timeline.svg', 'trends.svg']);
        const html = fs.readFileSync(path.join(out, 'AcmeGlobex.html'), 'utf8');
        assert.match(html, /^<!DOCTYPE html>/);
        assert.equal((html.match(/<svg /g) ?? []).length, 8, 'every view inline');
        assert.doesNotMatch(html, /<script|<link|src="http|url\(http/i, 'no script, no external resource');
        assert.match(result.stdout, /Rendered 9 files for 1 charters? into .*\n {2}.*AcmeGlobex\.html/);
        assert.deepEqual(fs.readdirSync(out).filter(name => name.includes('.tmp')), [], 'no temporary file left');
    });

    it('writes only SVGs or only the report with --format, and links findings to their rules\' docs', () => {
        const out = temp();
        assert.equal(runCli(['render', 'examples/broken', 'examples/parties', '--out', out, '--format', 'html']).code, 0);
        assert.deepEqual(fs.readdirSync(out), ['OrbitKestrelDraft.html']);
        const html = fs.readFileSync(path.join(out, 'OrbitKestrelDraft.html'), 'utf8');
        assert.match(html, /<a href="[^"]*docs\/rules\/deadlock-risk\.md">deadlock-risk<\/a>/);
        const svgOnly = temp();
        assert.equal(runCli(['render', 'examples/broken', 'examples/parties', '--out', svgOnly, '--format', 'svg']).code, 0);
        assert.deepEqual(fs.readdirSync(svgOnly), ['OrbitKestrelDraft']);
    });

    it('refuses --view-as a party that is not there, naming the parties there are (exit 2, nothing written)', () => {
        const out = temp();
        const result = runCli(['render', 'examples/reference', '--out', out, '--view-as', 'Nobody']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, /--view-as: no party 'Nobody' to view as: the parties are Acme, Globex/);
        assert.deepEqual(fs.readdirSync(out), []);
        assert.equal(runCli(['render', 'examples/reference', '--out', out, '--view-as', 'Globex']).code, 0);
    });

    it('renders what can be drawn of a broken charter', () => {
        const root = temp();
        fs.writeFileSync(path.join(root, 'half.charter'), 'party A { role R }\ncharter Half {\n    parties A, Ghost\n    body B { members A.R\n');
        const result = runCli(['render', 'half.charter', '--out', 'out'], { cwd: root });
        assert.equal(result.code, 0, result.stderr);
        assert.match(fs.readFileSync(path.join(root, 'out/Half/governance.svg'), 'utf8'), /data-element="Half.B"/);
    });

    it('stops with one line and exit code 2, leaving nothing behind, when --out cannot be written', () => {
        const root = temp();
        fs.writeFileSync(path.join(root, 'blocker'), 'a file where a folder should be');
        const result = runCli(['render', 'examples/reference', '--out', path.join(root, 'blocker', 'out')]);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^entente: cannot write .*blocker\/out.*: (not a folder|.*)\n$/);
        assert.equal(result.stderr.trim().split('\n').length, 1);
        assert.deepEqual(fs.readdirSync(root), ['blocker']);
    });

    it('says why nothing was drawn when the paths hold no charter: party files and journals are drawn with theirs', () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'entente-render-none-')), 'out');
        for (const input of ['examples/parties', 'examples/reference/journals']) {
            const result = runCli(['render', input, '--out', out]);
            assert.equal(result.code, 0, result.stderr);
            assert.match(result.stdout, /^No charter in the \d+ files? read: nothing drawn\. Party files and journals are drawn with their charter: give render the charter's file or folder too\.\n$/);
            assert.ok(!fs.existsSync(out), 'nothing written');
        }
    });

    it('orders the reports, their links to each other and its list by file path, then charter name, whatever order they are read in', () => {
        const root = temp();
        const parties = 'party A {\n    role R\n}\n\nparty B {\n    role R\n}\n';
        const charter = (name: string) => `charter ${name} {\n    parties A, B\n}\n`;
        // Declared Zeta before Alpha, and the files named z before m.
        fs.writeFileSync(path.join(root, 'z.charter'), `${parties}\n${charter('Zeta')}\n${charter('Alpha')}`);
        fs.writeFileSync(path.join(root, 'm.charter'), charter('Mid'));
        const expected = ['Mid', 'Alpha', 'Zeta'];
        for (const paths of [['z.charter', 'm.charter'], ['m.charter', 'z.charter'], ['.']]) {
            fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
            const result = runCli(['render', ...paths, '--out', 'out', '--format', 'html'], { cwd: root });
            assert.equal(result.code, 0, result.stderr);
            assert.deepEqual(result.stdout.split('\n').filter(line => line.startsWith('  ')), expected.map(name => `  out/${name}.html`), paths.join(' '));
            for (const name of expected) {
                const links = [...fs.readFileSync(path.join(root, 'out', `${name}.html`), 'utf8').matchAll(/<li><a href="([^"]*)"[^>]*>(?:<strong>)?(\w+)/g)]
                    .filter(([, href, text]) => href === `${text}.html` || href === '#top').map(([, , text]) => text);
                assert.deepEqual(links, expected, `${name}.html, from ${paths.join(' ')}`);
            }
        }
    });

    it('needs --out', () => {
        const result = runCli(['render', 'examples/reference']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, 'entente: render needs --out DIR (see --help)\n');
    });
});
