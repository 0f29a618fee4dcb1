import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { escapeData, escapeProperty } from '../../packages/cli/src/reporters/github.js';
import { runCli } from '../helpers/cli.js';

/** Reads workflow commands back as GitHub's runner does: split off the properties, then unescape. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
    const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
    assert.ok(match, `not a workflow command: ${line}`);
    const unescape = (text: string) => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const properties = Object.fromEntries(match[2].split(',').map(pair => {
        const [key, value] = pair.split('=');
        return [key, unescape(value)];
    }));
    return { command: match[1], properties, message: unescape(match[3]) };
}

describe('entente check --format github', function () {
    this.timeout(60_000);

    it('escapes percent signs, newlines, colons and commas as the runner expects', () => {
        const message = 'Acme owes 80% of commitments:\nBudget, Training\r\nand 100%0A more';
        assert.equal(escapeData(message), 'Acme owes 80%25 of commitments:%0ABudget, Training%0D%0Aand 100%250A more');
        assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
        const line = `::warning file=${escapeProperty('dir,1/x:y.charter')},line=1::${escapeData(message)}`;
        assert.deepEqual(parseCommand(line), { command: 'warning', properties: { file: 'dir,1/x:y.charter', line: '1' }, message });
        assert.ok(!escapeData(message).includes('\n'));
    });

    it('annotates every finding with its file, range, level and rule', () => {
        const result = runCli(['check', 'examples/broken', 'examples/parties', '--today', '2026-06-01', '--format', 'github']);
        assert.equal(result.code, 0, 'warnings only');
        const lines = result.stdout.trimEnd().split('\n');
        const commands = lines.filter(line => line.startsWith('::')).map(parseCommand);
        const json = JSON.parse(runCli(['check', 'examples/broken', 'examples/parties', '--today', '2026-06-01', '--format', 'json']).stdout) as
            { files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }> }> };
        const expected = json.files.flatMap(file => file.diagnostics.map(d => ({
            command: { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[d.severity],
            properties: { file: file.path, line: String(d.line), col: String(d.column), endLine: String(d.endLine), endColumn: String(d.endColumn), title: d.rule },
            message: d.message
        })));
        assert.deepEqual(commands, expected);
        assert.ok(commands.some(command => command.command === 'warning') && commands.some(command => command.command === 'notice'));
        assert.match(lines.at(-1)!, /^Entente: \d+ errors, \d+ warnings, \d+ infos in 4 files\.$/);
    });

    it('escapes file names with commas, colons and percent signs', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-github-'));
        fs.writeFileSync(path.join(folder, 'a,b:c%d.charter'), 'charter Solo { parties Acme }\nparty Acme "Acme"\n');
        const result = runCli(['check', '.', '--format', 'github'], { cwd: folder });
        const commands = result.stdout.split('\n').filter(line => line.startsWith('::'));
        assert.ok(commands.length > 0);
        for (const line of commands) {
            assert.ok(line.includes('file=a%2Cb%3Ac%25d.charter,line='), line);
            assert.equal(parseCommand(line).properties.file, 'a,b:c%d.charter');
        }
    });
});
