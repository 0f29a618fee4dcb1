import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const BIN = path.join(REPO_ROOT, 'packages/cli/bin/entente.js');
const TODAY = ['--today', '2026-06-01'];
const PARTIES = 'party Acme "Acme Corporation" { role Lead "Alliance manager" }\nparty Globex "Globex Inc." { role Lead "Partner manager" }\n';
const CHARTER = `charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead votes by unanimity meets quarterly }
    decision Prices { decided by Board }
}
`;
/** The charter as an editor holds it before saving: a decision Acme alone decides, and a party no one declared. */
const EDITED = CHARTER.replace('decision Prices { decided by Board }', 'decision Prices { decided by Acme }\n    decision Terms { decided by Initech }');

interface JsonReport {
    files: Array<{ path: string; diagnostics: Array<{ rule: string; line: number; message: string }> }>;
}

/** A repository of charters: the parties in one folder, the charter in another, an entente.json that turns a rule off, and `.git` at its top. */
function repository(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-stdin-'));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'parties'));
    fs.mkdirSync(path.join(root, 'charters'));
    fs.writeFileSync(path.join(root, 'parties', 'parties.charter'), PARTIES);
    fs.writeFileSync(path.join(root, 'charters', 'deal.charter'), CHARTER);
    fs.writeFileSync(path.join(root, 'entente.json'), '{ "rules": { "missing-objectives": "off" } }\n');
    return root;
}

describe('entente check --stdin', () => {
    const roots: string[] = [];
    after(() => roots.forEach(root => fs.rmSync(root, { recursive: true, force: true })));

    it('checks the text piped in as if it were the file --stdin-filename names: its entente.json, its sibling charters, not the file on disk', () => {
        const root = repository();
        roots.push(root);
        const piped = runCli(['check', '--stdin', '--stdin-filename', 'charters/deal.charter', '--format', 'json', ...TODAY], { cwd: root, input: EDITED });
        assert.equal(piped.code, 1, piped.stderr);
        const report = JSON.parse(piped.stdout) as JsonReport;
        assert.deepEqual(report.files.map(file => file.path), ['charters/deal.charter'], 'reported under the name given, alone');
        const rules = report.files[0].diagnostics.map(diagnostic => diagnostic.rule);
        // The text piped in, not the file on disk: its unresolved party is found; the parties of parties/ resolve.
        assert.deepEqual(report.files[0].diagnostics.filter(d => d.rule === 'unresolved-reference').map(d => d.message), ["No party, role or body named 'Initech' is declared."]);
        assert.ok(!rules.includes('missing-objectives'), 'the entente.json of the repository applies');
        assert.ok(!rules.includes('duplicate-name'), 'the file on disk is not read beside the text that stands for it');
        // The same report as `check` of that file once the text is saved.
        fs.writeFileSync(path.join(root, 'charters', 'deal.charter'), EDITED);
        const saved = runCli(['check', 'charters/deal.charter', '--format', 'json', ...TODAY], { cwd: root });
        assert.deepEqual(JSON.parse(saved.stdout), report);
        assert.equal(saved.code, piped.code);
    });

    it('a --stdin-filename of a file not on disk (a new file, a folder not made yet) is read with the repository around it', () => {
        const root = repository();
        roots.push(root);
        const result = runCli(['check', '--stdin', '--stdin-filename', 'charters/new/other.charter', ...TODAY], { cwd: root, input: CHARTER.replace('Deal', 'Other') });
        assert.equal(result.code, 0, result.stdout + result.stderr);
        assert.match(result.stdout, /^charters\/new\/other\.charter:/m);
        assert.doesNotMatch(result.stdout, /unresolved-reference|missing-objectives/, 'the parties resolve and the entente.json applies');
        // Without a name: a file of the current folder, reported as <stdin>.
        const unnamed = runCli(['check', '--stdin', ...TODAY], { cwd: path.join(root, 'charters'), input: EDITED.replace('Deal', 'Other') });
        assert.equal(unnamed.code, 1, unnamed.stderr);
        assert.match(unnamed.stdout, /^<stdin>:5:33 {2}error {4}No party, role or body named 'Initech' is declared\. {2}unresolved-reference$/m);
        assert.doesNotMatch(unnamed.stdout, /missing-objectives/);
    });

    it('refuses a terminal, binary input and misused flags in one line, exit 2', () => {
        // `script` gives the CLI a pseudo-terminal for standard input: nothing is piped in, and the CLI must not sit waiting on the keyboard.
        for (const command of ['check', 'fmt']) {
            const terminal = spawnSync('script', ['-q', '-e', '-c', `${process.execPath} ${BIN} ${command} --stdin`, '/dev/null'],
                { encoding: 'utf8', input: '', env: { ...process.env, NO_COLOR: '1', TERM: 'dumb' }, timeout: 30_000 });
            assert.equal(terminal.status, 2, `${command}: ${terminal.stdout}`);
            assert.match(terminal.stdout.trim(), new RegExp(`^entente: --stdin: standard input is a terminal, not a charter piped in \\(cat x\\.charter \\| entente ${command} --stdin\\); name the files to read them instead$`));
        }
        const cases: Array<[string[], string, RegExp]> = [
            [['check', '--stdin'], 'party A\0', /^entente: <stdin>: is a binary file, not a charter$/],
            [['check', '--stdin', '--stdin-filename', 'x.charter'], 'party A\0', /^entente: x\.charter: is a binary file, not a charter$/],
            [['check', '--stdin', 'x.charter'], PARTIES, /^entente: --stdin checks standard input, not paths \(got x\.charter\); name the file it stands for with --stdin-filename/],
            [['check', '--stdin-filename', 'x.charter'], PARTIES, /^entente: --stdin-filename names the file standard input stands for: use it with --stdin/],
            [['check', '--stdin', '--stdin-filename', 'notes.md'], PARTIES, /^entente: --stdin-filename notes\.md: is not a \.charter file$/],
            [['fmt', '--stdin-filename', 'x.charter'], PARTIES, /^entente: --stdin-filename names the file standard input stands for: use it with --stdin/]
        ];
        for (const [args, input, message] of cases) {
            const result = runCli(args, { input, cwd: os.tmpdir() });
            assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
            assert.equal(result.stdout, '');
            assert.match(result.stderr.trim(), message, args.join(' '));
            assert.equal(result.stderr.trim().split('\n').length, 1);
        }
    });
});

describe('entente fmt --stdin --check', () => {
    it('prints the name given when the text piped in is not in the layout (exit 1), and nothing at all when it is (exit 0)', () => {
        const messy = runCli(['fmt', '--stdin', '--check', '--stdin-filename', 'charters/deal.charter'], { input: CHARTER });
        assert.equal(messy.code, 1, messy.stderr);
        assert.equal(messy.stdout, 'charters/deal.charter\n');
        assert.match(messy.stderr, /^charters\/deal\.charter is not in the canonical layout; run entente fmt to rewrite it\.$/m);
        const tidy = runCli(['fmt', '--stdin', '--check'], { input: runCli(['fmt', '--stdin'], { input: CHARTER }).stdout });
        assert.equal(tidy.code, 0, tidy.stderr);
        assert.deepEqual([tidy.stdout, tidy.stderr], ['', ''], 'nothing said of a text in the layout');
        const broken = runCli(['fmt', '--stdin', '--check', '--stdin-filename', 'x.charter'], { input: 'charter {' });
        assert.equal(broken.code, 1);
        assert.match(broken.stderr, /^x\.charter:1:9  error    Expected a name after `charter`, found `\{`\.  syntax\n(x\.charter: \d+ more syntax errors?; entente check lists them all\n)?entente: x\.charter has syntax errors; not formatted\n$/);
    });
});
