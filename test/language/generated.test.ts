import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';
import { finishTextMateFile } from '../../packages/language/scripts/finish-textmate.mjs';

describe('generated code', () => {
    it('is what `langium generate` makes of the grammar now (AST, grammar, module, TextMate)', function () {
        this.timeout(60_000);
        const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'langium-config.json'), 'utf8'));
        const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-generate-'));
        try {
            config.languages[0].grammar = path.join(REPO_ROOT, config.languages[0].grammar);
            config.languages[0].textMate.out = path.join(temp, 'charter.tmLanguage.json');
            config.out = path.join(temp, 'generated');
            fs.writeFileSync(path.join(temp, 'langium-config.json'), JSON.stringify(config));
            const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/langium-cli/bin/langium.js'), 'generate', '--file', path.join(temp, 'langium-config.json')], { encoding: 'utf8' });
            assert.equal(result.status, 0, result.stdout + result.stderr);
            finishTextMateFile(path.join(temp, 'charter.tmLanguage.json'));
            const committed = path.join(REPO_ROOT, 'packages/language/src/generated');
            for (const file of fs.readdirSync(path.join(temp, 'generated'))) {
                assert.equal(fs.readFileSync(path.join(committed, file), 'utf8'), fs.readFileSync(path.join(temp, 'generated', file), 'utf8'),
                    `packages/language/src/generated/${file} is stale: run npm run langium:generate`);
            }
            assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes/charter.tmLanguage.json'), 'utf8'), fs.readFileSync(path.join(temp, 'charter.tmLanguage.json'), 'utf8'),
                'syntaxes/charter.tmLanguage.json is stale: run npm run langium:generate');
        } finally {
            fs.rmSync(temp, { recursive: true, force: true });
        }
    });
});
