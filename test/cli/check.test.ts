import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const PARTIES = 'party Acme { role Lead }\nparty Globex { role Lead }\n';

/** A temporary folder with the given files (path → text or bytes). */
function folderWith(files: Record<string, string | Buffer>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-cli-'));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), content);
    }
    return root;
}

describe('entente check', () => {
    it('checks the reference pair with no finding and exit code 0', () => {
        const result = runCli(['check', 'examples/reference', '--today', '2026-11-22']);
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /No findings in 3 files/);
        assert.equal(result.stderr, '');
    });

    it('resolves references across the files given, which form one workspace', () => {
        const root = folderWith({ 'parties.charter': PARTIES, 'deal.charter': 'charter Deal { parties Acme, Globex }' });
        const together = runCli(['check', '.', '--format', 'json'], { cwd: root });
        const findings = JSON.parse(together.stdout).files.flatMap((file: { diagnostics: Array<{ rule: string }> }) => file.diagnostics.map(d => d.rule));
        assert.ok(!findings.includes('unresolved-reference'), together.stdout);
        const alone = runCli(['check', 'deal.charter', '--format', 'json'], { cwd: root });
        assert.equal(alone.code, 1);
        assert.deepEqual(JSON.parse(alone.stdout).files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'unresolved-reference').length, 2);
    });

    it('prints path:line:col, severity, message and rule id, and a summary, exiting 1 on errors', () => {
        const root = folderWith({ 'solo.charter': `${PARTIES}charter Solo {\n    parties Acme\n}\n` });
        const result = runCli(['check', 'solo.charter'], { cwd: root });
        assert.equal(result.code, 1);
        assert.match(result.stdout, /^solo\.charter:4:5 {2}error {4}Charter Solo lists only Acme; a partnership needs at least two parties\. {2}too-few-parties$/m);
        assert.match(result.stdout, /\d+ findings \(1 error, \d+ warnings, \d+ infos\) in 1 of 1 file\./);
        assert.doesNotMatch(result.stdout, /\x1b\[/, 'no colour when not a terminal');
    });

    it('colours the output when asked to with FORCE_COLOR', () => {
        const root = folderWith({ 'solo.charter': `${PARTIES}charter Solo { parties Acme }` });
        const result = runCli(['check', 'solo.charter'], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
        assert.match(result.stdout, /\x1b\[31merror/);
    });

    it('writes JSON with 1-based positions, paths relative to the current directory, and every file read', () => {
        const root = folderWith({ 'a/parties.charter': PARTIES, 'a/solo.charter': 'charter Solo {\n  parties Acme\n}' });
        const result = runCli(['check', 'a', '--format', 'json'], { cwd: root });
        assert.equal(result.code, 1);
        const output = JSON.parse(result.stdout);
        assert.deepEqual(output.files.map((file: { path: string }) => file.path), ['a/parties.charter', 'a/solo.charter']);
        assert.deepEqual(output.files[0].diagnostics, []);
        assert.deepEqual(output.files[1].diagnostics.find((d: { rule: string }) => d.rule === 'too-few-parties'), {
            rule: 'too-few-parties', severity: 'error', message: 'Charter Solo lists only Acme; a partnership needs at least two parties.',
            line: 2, column: 3, endLine: 2, endColumn: 15, element: 'Solo'
        });
        assert.deepEqual(Object.keys(output.summary).sort(), ['errors', 'files', 'filesWithFindings', 'hints', 'infos', 'warnings']);
        assert.equal(output.summary.errors, 1);
        assert.equal(output.summary.files, 2);
    });

    it('reports errors only with --quiet', () => {
        const root = folderWith({ 'x.charter': `${PARTIES}charter X { parties Acme, Globex }\ncharter Y { parties Acme }` });
        const all = JSON.parse(runCli(['check', 'x.charter', '--format', 'json'], { cwd: root }).stdout);
        const quiet = JSON.parse(runCli(['check', 'x.charter', '--format', 'json', '--quiet'], { cwd: root }).stdout);
        assert.ok(quiet.files[0].diagnostics.every((d: { severity: string }) => d.severity === 'error'));
        assert.ok(quiet.files[0].diagnostics.length > 0);
        assert.ok(quiet.files[0].diagnostics.length <= all.files[0].diagnostics.length);
    });

    it('with --quiet, counts the errors shown and says how many other findings it does not show, never "no findings"', () => {
        const clean = folderWith({ 'x.charter': `${PARTIES}charter X { parties Acme, Globex }` });
        const { summary } = JSON.parse(runCli(['check', 'x.charter', '--format', 'json'], { cwd: clean }).stdout);
        const quiet = runCli(['check', 'x.charter', '--quiet'], { cwd: clean });
        assert.equal(quiet.code, 0);
        assert.equal(quiet.stdout, `✔ No errors in 1 file (not shown with --quiet: ${summary.warnings} warnings, ${summary.infos} infos).\n`);
        const broken = folderWith({ 'x.charter': `${PARTIES}charter X { parties Acme }` });
        const failing = runCli(['check', 'x.charter', '--quiet'], { cwd: broken });
        assert.equal(failing.code, 1);
        assert.match(failing.stdout, /^x\.charter:3:\d+ {2}error {4}.*too-few-parties\n\n✖ 1 error in 1 of 1 file \(not shown with --quiet: \d+ warnings, \d+ infos\)\.\n$/);
        const none = folderWith({ 'parties.charter': PARTIES });
        assert.equal(runCli(['check', 'parties.charter', '--quiet'], { cwd: none }).stdout, '✔ No errors in 1 file.\n');
        const hidden = `(not shown with --quiet: ${summary.warnings} warnings, ${summary.infos} infos)`;
        assert.match(runCli(['check', 'x.charter', '--quiet', '--format', 'github'], { cwd: clean }).stdout, new RegExp(`^Entente: 0 errors in 1 file ${hidden.replace(/[()]/g, '\\$&')}\\.\n$`));
        assert.equal(runCli(['check', 'x.charter', '--quiet', '--format', 'markdown'], { cwd: clean }).stdout, `### Entente check\n\n✅ No errors in 1 charter file ${hidden}.\n`);
        assert.match(runCli(['check', 'x.charter', '--quiet', '--format', 'markdown'], { cwd: broken }).stdout, /\n❌ \*\*1 error\*\* in 1 of 1 charter file \(not shown with --quiet: \d+ warnings, \d+ infos\)\.\n/);
    });

    it('says why it fails when there are more warnings than --max-warnings, with --quiet too', () => {
        // No error, two warnings (no vision, no objective, ...): only the warning gate can fail it.
        const root = folderWith({ 'x.charter': `${PARTIES}charter X { parties Acme, Globex }` });
        const all = JSON.parse(runCli(['check', 'x.charter', '--format', 'json'], { cwd: root }).stdout);
        const warnings: number = all.summary.warnings;
        assert.equal(all.summary.errors, 0);
        assert.ok(warnings > 1, JSON.stringify(all.summary));
        const within = runCli(['check', 'x.charter', '--max-warnings', String(warnings)], { cwd: root });
        assert.equal(within.code, 0, within.stderr);
        assert.equal(within.stderr, '');
        for (const extra of [[], ['--quiet']]) {
            const over = runCli(['check', 'x.charter', '--max-warnings', String(warnings - 1), ...extra], { cwd: root });
            assert.equal(over.code, 1, over.stdout);
            assert.equal(over.stderr, `entente: ${warnings} warnings, more than --max-warnings ${warnings - 1}\n`);
        }
    });

    it('fails at --fail-level: errors by default, warnings or worse with warning, never with none', () => {
        const warnings = folderWith({ 'x.charter': `${PARTIES}charter X { parties Acme, Globex }` });
        const errors = folderWith({ 'x.charter': `${PARTIES}charter X { parties Acme }` });
        for (const [root, level, code] of [
            [warnings, undefined, 0], [warnings, 'error', 0], [warnings, 'warning', 1], [warnings, 'none', 0],
            [errors, undefined, 1], [errors, 'warning', 1], [errors, 'none', 0]
        ] as Array<[string, string | undefined, number]>) {
            for (const format of ['pretty', 'sarif']) {
                const result = runCli(['check', 'x.charter', '--format', format, ...(level ? ['--fail-level', level] : [])], { cwd: root });
                assert.equal(result.code, code, `${level} ${format}: ${result.stderr}`);
                assert.equal(result.stderr, '');
            }
        }
        const gated = runCli(['check', 'x.charter', '--fail-level', 'none', '--max-warnings', '0'], { cwd: warnings });
        assert.equal(gated.code, 1, 'a --max-warnings gate still holds');
        const bad = runCli(['check', 'x.charter', '--fail-level', 'info'], { cwd: warnings });
        assert.equal(bad.code, 2);
        assert.equal(bad.stderr, "entente: --fail-level takes one of error, warning, none, not 'info'\n");
    });

    it('searches folders recursively for .charter files, honouring .gitignore and skipping node_modules', () => {
        const root = folderWith({
            '.gitignore': 'drafts/\n*.tmp.charter\n',
            'parties.charter': PARTIES,
            'deep/er/deal.charter': 'charter Deal { parties Acme, Globex }',
            'drafts/broken.charter': 'charter {{{',
            'x.tmp.charter': 'charter {{{',
            'node_modules/pkg/y.charter': 'charter {{{',
            'notes.txt': 'not a charter'
        });
        const result = runCli(['check', '.', '--format', 'json'], { cwd: root });
        assert.deepEqual(JSON.parse(result.stdout).files.map((file: { path: string }) => file.path), ['deep/er/deal.charter', 'parties.charter']);
    });

    it('follows a symlink loop only once', () => {
        const root = folderWith({ 'sub/parties.charter': PARTIES });
        fs.symlinkSync(root, path.join(root, 'sub', 'loop'));
        const result = runCli(['check', '.', '--format', 'json'], { cwd: root });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(JSON.parse(result.stdout).files.length, 1);
    });

    it('honours --today for date-dependent rules and rejects dates that do not exist', () => {
        const bad = runCli(['check', 'examples/reference', '--today', '2026-02-30']);
        assert.equal(bad.code, 2);
        assert.equal(bad.stderr, 'entente: --today: 2026-02-30 is not a date of the calendar\n');
        const unwritten = runCli(['check', 'examples/reference', '--today', '2026-2-3']);
        assert.equal(unwritten.code, 2);
        assert.equal(unwritten.stderr, "entente: --today takes a date as YYYY-MM-DD, not '2026-2-3'\n");
    });

    it('prints its version and help', () => {
        const version = runCli(['--version']);
        assert.equal(version.code, 0);
        assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
        const help = runCli(['check', '--help']);
        assert.equal(help.code, 0);
        assert.match(help.stdout, /Usage: entente check/);
        const general = runCli(['--help']);
        assert.match(general.stdout, /Commands:\n {2}check/);
    });

    describe('bad input: one line on stderr, exit code 2, no stack trace', () => {
        const cases: Array<[string, string[], Record<string, string | Buffer>, RegExp]> = [
            ['a missing path', ['check', 'nope.charter'], {}, /^entente: nope\.charter: no such file or folder\n$/],
            ['a binary file', ['check', 'bin.charter'], { 'bin.charter': Buffer.from([0x70, 0x00, 0x01, 0xff]) }, /^entente: bin\.charter: is a binary file, not a charter\n$/],
            ['an unknown flag', ['check', '--frobnicate'], {}, /^entente: Unknown option '--frobnicate' \(see --help\)\n$/],
            ['a bad format', ['check', '--format', 'xml'], {}, /^entente: --format takes one of pretty, json.*, not 'xml'\n$/],
            ['a flag without its value, another flag after it', ['check', '--format', '--quiet'], {}, /^entente: --format needs a value, but '--quiet' follows it \(a value that starts with a dash is written --format=-…; see --help\)\n$/],
            ['a flag without its value at the end', ['check', '--today'], {}, /^entente: Option '--today <value>' argument missing \(see --help\)\n$/],
            ['a bad --max-warnings', ['check', '--max-warnings', 'many'], {}, /^entente: --max-warnings takes a whole number, not 'many'\n$/],
            ['a negative --max-warnings', ['check', '--max-warnings', '-1'], {}, /^entente: --max-warnings takes a whole number, not '-1'\n$/],
            ['a negative --max-warnings after =', ['check', '--max-warnings=-1'], {}, /^entente: --max-warnings takes a whole number, not '-1'\n$/],
            ['an unknown command', ['chek'], {}, /^entente: unknown command 'chek'/],
            ['an option before the command', ['--format', 'json', 'check'], {}, /^entente: unknown option '--format' before the command: write entente <command> \[paths\.\.\.\] \[options\] \(see --help\)\n$/],
            ['a folder without charters', ['check', 'empty'], { 'empty/readme.txt': 'hi' }, /^entente: no \.charter files found in empty\n$/],
            ['a file that is not a .charter', ['check', 'README.md'], { 'README.md': '# Charters\n' }, /^entente: README\.md: is not a \.charter file\n$/],
            ['a file that is not a .charter, to fmt', ['fmt', '--check', 'README.md'], { 'README.md': '# Charters\n' }, /^entente: README\.md: is not a \.charter file\n$/],
            ['a file that is not a .charter, to diff', ['diff', 'a.json', 'b.json'], { 'a.json': '{}', 'b.json': '{}' }, /^entente: a\.json: is not a \.charter file\n$/]
        ];
        for (const [what, args, files, expected] of cases) {
            it(`on ${what}`, () => {
                const root = folderWith(files);
                const result = runCli(args, { cwd: root });
                assert.equal(result.code, 2, result.stdout + result.stderr);
                assert.match(result.stderr, expected);
                assert.equal(result.stderr.split('\n').length, 2, 'one line');
                assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
            });
        }

        it('on an unreadable file', () => {
            const root = folderWith({ 'locked.charter': PARTIES });
            fs.chmodSync(root, 0o755);
            fs.chmodSync(path.join(root, 'locked.charter'), 0o000);
            // Root reads every file, so when the tests run as root the CLI runs as nobody (setpriv, util-linux).
            const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
            const result = runCli(['check', 'locked.charter'], { cwd: root, wrapper: asNobody });
            assert.equal(result.code, 2, result.stdout + result.stderr);
            assert.equal(result.stderr, 'entente: locked.charter: permission denied\n');
        });
    });

    it('reads a file with a byte-order mark and CRLF line ends like any other', () => {
        const root = folderWith({ 'bom.charter': Buffer.from('\ufeffparty Acme {}\r\nparty Globex {}\r\ncharter D {\r\n  parties Acme, Globex\r\n}\r\n', 'utf8') });
        const result = runCli(['check', 'bom.charter', '--format', 'json'], { cwd: root });
        const rules = JSON.parse(result.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule);
        assert.ok(!rules.includes('syntax'), result.stdout);
    });
});

describe('entente check with unusual paths', () => {
    it('reads paths with spaces and unicode, and prints them as given', () => {
        const root = folderWith({ 'dossier d\'été/Parteien ü.charter': PARTIES, 'dossier d\'été/契約 deal.charter': 'charter Deal { parties Acme, Globex }' });
        const result = runCli(['check', 'dossier d\'été', '--format', 'json'], { cwd: root });
        assert.ok(result.code === 0, result.stderr);
        assert.deepEqual(JSON.parse(result.stdout).files.map((file: { path: string }) => file.path), ['dossier d\'été/Parteien ü.charter', 'dossier d\'été/契約 deal.charter']);
    });
});
