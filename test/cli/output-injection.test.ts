import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

/** Every control character (ESC, BEL, CSI/OSC introducers, CR) and bidirectional override a terminal could act on. */
// eslint-free check: C0 but newline, DEL, C1, and the bidi controls.
const UNSAFE_ON_A_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Issue 21, item 7: what a charter or a file name holds is shown, never acted on, in terminal output and Markdown. */
describe('no injection into what people read', function () {
    this.timeout(60_000);
    let folder: string;
    beforeEach(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-inject-')); });
    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('pretty check output escapes ESC, OSC, BEL and bidi controls, also inside syntax-error text', () => {
        // An unfinished clause makes the parser quote the string in its syntax error.
        fs.writeFileSync(path.join(folder, 'evil.charter'),
            'party Acme "\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u001b[2J\u202Egnp.exe" {}\nparty "\u001b[31mred\u0007\u202E" {}\n');
        const result = runCli(['check', folder], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } });
        assert.equal(result.code, 1, result.stderr);
        assert.ok(result.stdout.includes('\\x1B'), result.stdout);
        // Our own colours are SGR sequences; nothing else reaches the terminal.
        const withoutOurColours = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
        assert.doesNotMatch(withoutOurColours, UNSAFE_ON_A_TERMINAL, JSON.stringify(withoutOurColours));
        assert.doesNotMatch(result.stdout, /\u001b\[31mred/);
    });

    it('a file name with control characters and a line break stays on one line of an error', () => {
        const name = path.join(folder, 'bad\nname\u001b[2J.charter');
        fs.writeFileSync(name, 'party\u0000');
        const result = runCli(['check', name]);
        assert.equal(result.code, 2);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.doesNotMatch(result.stderr, UNSAFE_ON_A_TERMINAL);
    });

    it('diff escapes U+202E and escape sequences on the terminal', () => {
        fs.mkdirSync(path.join(folder, 'old'));
        fs.mkdirSync(path.join(folder, 'new'));
        const charter = (vision: string) => `party A {}\nparty B {}\ncharter Deal {\n    parties A, B\n    vision "${vision}"\n    decision Price { decided by A }\n}\n`;
        fs.writeFileSync(path.join(folder, 'old', 'deal.charter'), charter('old'));
        fs.writeFileSync(path.join(folder, 'new', 'deal.charter'), charter('new \u202Eevil\u202C \u001b]0;title\u0007').replace('decided by A', 'decided by B'));
        const result = runCli(['diff', path.join(folder, 'old'), path.join(folder, 'new')]);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Price/);
        assert.doesNotMatch(result.stdout, UNSAFE_ON_A_TERMINAL, result.stdout);
    });

    it('check --format markdown keeps a file name with line breaks inside its table row, and neutralises @mentions and HTML', () => {
        const name = 'x\n### Heading\n<details>@octocat\n.charter';
        // The second title is a syntax error whose message quotes it.
        fs.writeFileSync(path.join(folder, name), 'party Acme {}\nparty Acme "x" "ping @octocat <details><summary>x</summary>"\n');
        const result = runCli(['check', '--format', 'markdown', '.'], { cwd: folder });
        assert.equal(result.code, 1, result.stderr);
        const rows = result.stdout.split('\n').filter(line => line.startsWith('| 🔴'));
        assert.equal(rows.length, 3, result.stdout);
        assert.doesNotMatch(result.stdout, /^#+ Heading/m);
        // Inside a code span (the file name) HTML and @ are inert; outside, they are escaped.
        const outsideCode = result.stdout.replace(/\| `[^`\n]*` \|/g, '| |');
        assert.doesNotMatch(outsideCode, /(^|[^\\])<details>/);
        assert.doesNotMatch(outsideCode, /@octocat/, 'no mention GitHub would turn into a ping');
        assert.match(outsideCode, /@\u200boctocat/);
        // Every line of the output is the heading, the summary, the table or blank.
        assert.ok(result.stdout.split('\n').every(line => line === '' || line.startsWith('|') || line.startsWith('### Entente check') || /finding/.test(line)), result.stdout);
    });

    it('diff --format markdown neutralises @mentions, HTML and line breaks from charter text and file names', () => {
        fs.mkdirSync(path.join(folder, 'old'));
        fs.mkdirSync(path.join(folder, 'new\n## owned'));
        const old = 'party A {}\nparty B {}\ncharter Deal {\n    parties A, B\n    decision Price { decided by A }\n}\n';
        fs.writeFileSync(path.join(folder, 'old', 'deal.charter'), old);
        fs.writeFileSync(path.join(folder, 'new\n## owned', 'deal.charter'), old.replace('decision Price { decided by A }', 'decision Price "cc @octocat\n<img src=x>" { decided by B }\n    decision Price2 { decided by @octocat }'));
        const result = runCli(['diff', '--format', 'markdown', 'old', 'new\n## owned'], { cwd: folder });
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stdout, /@octocat/);
        assert.doesNotMatch(result.stdout, /(^|[^\\])<img/);
        assert.doesNotMatch(result.stdout, /^## owned/m);
    });
});
