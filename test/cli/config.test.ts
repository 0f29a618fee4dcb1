import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

/** A copy of the broken example and its party files, with an optional entente.json at the root. */
function project(config?: string, configName = 'entente.json'): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-config-'));
    fs.mkdirSync(path.join(root, 'charters'));
    for (const file of ['broken/orbit-kestrel.charter', 'parties/orbit.charter', 'parties/kestrel.charter']) {
        fs.copyFileSync(path.join(REPO_ROOT, 'examples', file), path.join(root, 'charters', path.basename(file)));
    }
    if (config !== undefined) {
        fs.writeFileSync(path.join(root, configName), config);
    }
    return root;
}

function findings(root: string, args: string[] = []): Array<{ rule: string; severity: string; message: string }> {
    const result = runCli(['check', 'charters', '--format', 'json', '--today', '2026-11-22', ...args], { cwd: root });
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    return JSON.parse(result.stdout).files.flatMap((file: { diagnostics: unknown[] }) => file.diagnostics);
}

describe('configuration (entente.json) through the CLI', () => {
    it('applies the nearest entente.json: a level change, off, and an option change', () => {
        const defaults = findings(project());
        assert.equal(defaults.find(f => f.rule === 'missing-vision')?.severity, 'warning');
        assert.ok(defaults.some(f => f.rule === 'no-review'));
        assert.ok(defaults.some(f => f.rule === 'unbalanced-commitments'));
        const configured = findings(project(JSON.stringify({
            rules: { 'missing-vision': 'error', 'no-review': 'off', 'unbalanced-commitments': { options: { share: 0.8 } } }
        })));
        assert.equal(configured.find(f => f.rule === 'missing-vision')?.severity, 'error');
        assert.ok(!configured.some(f => f.rule === 'no-review'));
        assert.ok(!configured.some(f => f.rule === 'unbalanced-commitments'), 'Orbit owes 3 of 4 = 75% < 80%');
    });

    it('exits 1 when a rule is raised to error', () => {
        const root = project(JSON.stringify({ rules: { 'missing-vision': 'error' } }));
        assert.equal(runCli(['check', 'charters', '--today', '2026-11-22'], { cwd: root }).code, 1);
    });

    it('uses the file given with --config instead of the nearest one', () => {
        const root = project(JSON.stringify({ rules: { 'no-review': 'off' } }));
        fs.writeFileSync(path.join(root, 'strict.json'), JSON.stringify({ rules: { 'no-review': 'error' } }));
        assert.equal(findings(root, ['--config', 'strict.json']).find(f => f.rule === 'no-review')?.severity, 'error');
    });

    it('reads an entente.json saved with a byte-order mark, as charters are read', () => {
        const root = project('\uFEFF' + JSON.stringify({ rules: { 'no-review': 'off' } }));
        assert.ok(!findings(root).some(f => f.rule === 'no-review'));
    });

    const broken: Array<[string, string, RegExp]> = [
        ['an unknown rule id, with a suggestion', '{ "rules": { "one-sided-decisions": "off" } }', /^entente: entente\.json:1:14: unknown rule 'one-sided-decisions' \(did you mean 'one-sided-decision-rights'\?\)\n$/],
        ['an unknown top-level key', '{ "rulez": {} }', /^entente: entente\.json:1:3: unknown key 'rulez' \(known keys: rules\)\n$/],
        ['a bad level', '{ "rules": { "no-review": "loud" } }', /takes a level of error, warning, info, off, not "loud"/],
        ['an unknown option', '{ "rules": { "no-review": { "options": { "days": 3 } } } }', /'no-review' has no option 'days' \(it takes no options\)/],
        ['an option of the wrong type', '{ "rules": { "unbalanced-commitments": { "options": { "share": "most" } } } }', /option 'share' of 'unbalanced-commitments' must be a number/],
        ['an option out of its range', '{ "rules": { "unbalanced-commitments": { "options": { "share": 75 } } } }', /^entente: entente\.json:1:14: option 'share' of 'unbalanced-commitments' takes a number from 0 to 1, not 75\n$/],
        ['a whole-number option given a fraction', '{ "rules": { "overloaded-role": { "options": { "maxPerCharter": 2.5 } } } }', /option 'maxPerCharter' of 'overloaded-role' takes a whole number of at least 0, not 2\.5/],
        ['a structural rule', '{ "rules": { "syntax": "off" } }', /'syntax' is a structural rule; it is always an error and cannot be configured/],
        ['invalid JSON', '{ "rules": { "no-review": "off", } }', /^entente: entente\.json(:\d+:\d+)?: not valid JSON/],
        ['a comment, which JSON does not have', '// house rules\n{ "rules": {} }\n', /^entente: entente\.json: not valid JSON \(Unexpected token '\/'\)\n$/]
    ];
    for (const [what, text, expected] of broken) {
        it(`stops with one line and exit code 2 on ${what}`, () => {
            const result = runCli(['check', 'charters'], { cwd: project(text) });
            assert.equal(result.code, 2, result.stdout);
            assert.match(result.stderr, expected);
            assert.equal(result.stderr.trim().split('\n').length, 1);
        });
    }

    it('stops with one line and exit code 2 on an entente.json that is a link loop or a link to nothing, found or named', () => {
        const loop = project();
        fs.symlinkSync('entente.json', path.join(loop, 'entente.json'));
        const dangling = project();
        fs.symlinkSync('gone.json', path.join(dangling, 'entente.json'));
        for (const [root, args, expected] of [
            [loop, [], 'entente: entente.json: too many symbolic links (a link loop)\n'],
            [dangling, [], 'entente: entente.json: a symbolic link to nothing\n'],
            [loop, ['--config', 'entente.json'], 'entente: entente.json: too many symbolic links (a link loop)\n']
        ] as Array<[string, string[], string]>) {
            const result = runCli(['check', 'charters', ...args], { cwd: root });
            assert.equal(result.code, 2, result.stdout);
            assert.equal(result.stderr, expected);
        }
    });

    it('stops with exit code 2 when --config names no file', () => {
        const result = runCli(['check', 'charters', '--config', 'missing.json'], { cwd: project() });
        assert.equal(result.code, 2);
        assert.equal(result.stderr, 'entente: missing.json: no such configuration file\n');
    });
});

describe('suppression comments through the CLI', () => {
    it('suppress a finding with a reason until the expiry date, then let it come back', () => {
        const root = project();
        const file = path.join(root, 'charters', 'orbit-kestrel.charter');
        const text = fs.readFileSync(file, 'utf8').replace('    body Finance', '    // entente-disable-next-line empty-body -- members named at the January board, until 2027-01-31\n    body Finance');
        fs.writeFileSync(file, text);
        const before = findings(root);
        assert.ok(!before.some(f => f.rule === 'empty-body'));
        assert.ok(!before.some(f => f.rule === 'unused-suppression' || f.rule === 'unjustified-suppression'));
        const after = JSON.parse(runCli(['check', 'charters', '--format', 'json', '--today', '2027-02-01'], { cwd: root }).stdout)
            .files.flatMap((f: { diagnostics: Array<{ rule: string }> }) => f.diagnostics);
        assert.ok(after.some((f: { rule: string }) => f.rule === 'empty-body'));
        assert.ok(after.some((f: { rule: string }) => f.rule === 'unused-suppression'));
    });
});
