import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

const PARTIES = 'party Acme "Acme Corporation" { role Lead "Alliance manager" }\nparty Globex "Globex Inc." { role Lead "Partner manager" }\n';

/** A decision only Acme is told of (uninformed-party on its line), after a comment meant to suppress that finding. */
const decisionAfter = (comment: string, name: string) => `    ${comment}\n    decision ${name} { decided by Acme }\n`;

interface Diagnostic { rule: string; line: number; column: number; message: string }

describe('suppression comments in forms that are not read (the CLI process)', () => {
    it('reports a block comment, another case and another directive as suppressing nothing, and keeps the finding under each', () => {
        const forms: Array<[string, RegExp]> = [
            ['/* entente-disable-next-line uninformed-party -- prices are public */', /only a \/\/ comment is read as a suppression, not a block comment/],
            ['// ENTENTE-DISABLE-NEXT-LINE uninformed-party -- prices are public', /the directive is written entente-disable-next-line, in lower case, not ENTENTE-DISABLE-NEXT-LINE/],
            ['// entente-disable-line uninformed-party -- prices are public', /there is no entente-disable-line directive/],
            ['// entente-disable uninformed-party -- prices are public', /there is no entente-disable directive/]
        ];
        const text = `${PARTIES}charter Deal {\n    parties Acme, Globex\n${forms.map(([comment], index) => decisionAfter(comment, `Prices${index}`)).join('')}${decisionAfter('// entente-disable-next-line uninformed-party -- prices are public', 'Read')}}\n`;
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-suppression-forms-'));
        try {
            fs.writeFileSync(path.join(folder, 'deal.charter'), text);
            const result = runCli(['check', 'deal.charter', '--format', 'json', '--today', '2026-06-01'], { cwd: folder });
            const diagnostics = (JSON.parse(result.stdout) as { files: Array<{ diagnostics: Diagnostic[] }> }).files[0].diagnostics;
            const lines = text.split('\n');
            forms.forEach(([comment, why]) => {
                const line = lines.indexOf(`    ${comment}`) + 1;
                const about = diagnostics.filter(diagnostic => diagnostic.line === line);
                assert.deepEqual(about.map(diagnostic => diagnostic.rule), ['unused-suppression'], `${comment}: ${JSON.stringify(about)}`);
                assert.equal(about[0].column, 8, 'the finding is on the directive');
                assert.match(about[0].message, /^This comment is not read as a suppression, so it suppresses nothing: /);
                assert.match(about[0].message, why);
                assert.deepEqual(diagnostics.filter(diagnostic => diagnostic.line === line + 1).map(diagnostic => diagnostic.rule), ['uninformed-party'], `${comment}: the finding under it stays`);
            });
            // The one form that is read suppresses, and is reported by nothing.
            const read = lines.indexOf('    decision Read { decided by Acme }') + 1;
            assert.deepEqual(diagnostics.filter(diagnostic => diagnostic.line === read || diagnostic.line === read - 1), []);
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    it('leaves ordinary comments that mention the directive alone', () => {
        const text = `${PARTIES}// Suppress with entente-disable-next-line when the team agreed.\n/* A block comment, not about suppressions. */\n`;
        const result = runCli(['check', '--stdin', '--format', 'json', '--today', '2026-06-01'], { input: text, cwd: os.tmpdir() });
        assert.equal(result.code, 0, result.stderr);
        assert.deepEqual((JSON.parse(result.stdout) as { files: Array<{ diagnostics: Diagnostic[] }> }).files[0].diagnostics, []);
    });
});
