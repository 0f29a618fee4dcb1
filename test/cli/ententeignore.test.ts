import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../helpers/cli.js';

describe('.ententeignore', () => {
    it('keeps matching charters out of a folder search, like .gitignore, but not files named outright', () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-ignore-'));
        try {
            const charter = 'party A { role R }\nparty B { role R }\ncharter Deal { parties A, B }\n';
            fs.mkdirSync(path.join(root, 'pairs'));
            fs.writeFileSync(path.join(root, 'deal.charter'), charter);
            fs.writeFileSync(path.join(root, 'pairs', 'copy.charter'), charter);
            fs.writeFileSync(path.join(root, '.ententeignore'), '# before/after copies\npairs/\n');
            const folder = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: root }).stdout);
            assert.deepEqual(folder.files.map((file: { path: string }) => file.path), ['deal.charter']);
            const named = JSON.parse(runCli(['check', 'pairs/copy.charter', '--format', 'json'], { cwd: root }).stdout);
            assert.deepEqual(named.files.map((file: { path: string }) => file.path), ['pairs/copy.charter']);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
