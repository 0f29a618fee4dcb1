import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const PARTIES = 'party Acme "Acme Corporation" { role Lead "Alliance manager" }\nparty Globex "Globex Inc." { role Lead "Partner manager" }\n';
const CHARTER = `charter Deal {
    parties Acme, Globex
    body Board { members Acme.Lead, Globex.Lead votes by unanimity meets quarterly }
    decision Prices { decided by Board }
}
`;

/** A repository of charters: the parties in one folder, the charter in another, and `.git` at its top. */
function repository(options: { config: boolean }): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-context-'));
    fs.mkdirSync(path.join(root, '.git'));
    fs.mkdirSync(path.join(root, 'parties'));
    fs.mkdirSync(path.join(root, 'charters'));
    fs.writeFileSync(path.join(root, 'parties', 'parties.charter'), PARTIES);
    fs.writeFileSync(path.join(root, 'charters', 'deal.charter'), CHARTER);
    if (options.config) fs.writeFileSync(path.join(root, 'entente.json'), '{}\n');
    return root;
}

const unresolved = (stdout: string) => stdout.split('\n').filter(line => line.includes('unresolved-reference'));

describe('a file checked alone, in a repository of charters', () => {
    const roots: string[] = [];
    after(() => roots.forEach(root => fs.rmSync(root, { recursive: true, force: true })));

    it('reads the repository around it (the folder of entente.json) as context, and reports the named file alone', () => {
        const root = repository({ config: true });
        roots.push(root);
        const alone = runCli(['check', 'charters/deal.charter', '--today', '2026-06-01', '--format', 'json'], { cwd: root });
        const report = JSON.parse(alone.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string }> }> };
        assert.deepEqual(report.files.map(file => file.path), ['charters/deal.charter'], 'only the named file is reported');
        assert.deepEqual(report.files[0].diagnostics.filter(diagnostic => diagnostic.rule === 'unresolved-reference'), [], 'the parties in parties/ resolve');
        // The same findings as a check of the whole repository says of that file.
        const whole = JSON.parse(runCli(['check', '.', '--today', '2026-06-01', '--format', 'json'], { cwd: root }).stdout) as typeof report;
        assert.deepEqual(report.files[0].diagnostics, whole.files.find(file => file.path === 'charters/deal.charter')?.diagnostics);
        // From inside the folder too, and for score.
        const score = runCli(['score', 'deal.charter', '--today', '2026-06-01'], { cwd: path.join(root, 'charters') });
        assert.equal(score.code, 0, score.stderr);
        assert.match(score.stdout, /^Deal {2}\(deal\.charter\)$/m);
        assert.doesNotMatch(score.stdout, /parties\.charter/);
    });

    it('reads the named files alone without an entente.json, and never looks above the repository\'s top', () => {
        const root = repository({ config: false });
        roots.push(root);
        const alone = runCli(['check', 'charters/deal.charter', '--today', '2026-06-01'], { cwd: root });
        assert.ok(unresolved(alone.stdout).length > 0, 'no repository of charters: the parties are not read');
        // An entente.json above the repository's top (a home folder's, say) makes no workspace of everything below it.
        const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-outer-'));
        roots.push(outer);
        fs.writeFileSync(path.join(outer, 'entente.json'), '{}\n');
        fs.cpSync(root, path.join(outer, 'repo'), { recursive: true });
        fs.writeFileSync(path.join(outer, 'other.charter'), 'party Acme\n');
        const nested = runCli(['check', 'repo/charters/deal.charter', '--today', '2026-06-01'], { cwd: outer });
        assert.ok(unresolved(nested.stdout).length > 0, nested.stdout);
        assert.doesNotMatch(nested.stdout, /duplicate-name/, 'other.charter above the repository is not read');
    });
});
