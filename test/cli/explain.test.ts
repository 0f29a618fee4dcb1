import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '@entente/language';
import { RULE_DOCS } from '../../packages/cli/src/generated/rule-docs.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

describe('entente explain', () => {
    it('prints a rule\'s docs page from the bundle', () => {
        const result = runCli(['explain', 'deadlock-risk'], { cwd: '/' });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, fs.readFileSync(path.join(REPO_ROOT, 'docs/rules/deadlock-risk.md'), 'utf8'));
    });

    it('lists every rule with its level and summary when no id is given', () => {
        const result = runCli(['explain']);
        assert.equal(result.code, 0);
        const lines = result.stdout.trim().split('\n');
        assert.equal(lines.length, allRules.length);
        assert.match(lines.find(line => line.startsWith('no-review'))!, /^no-review\s+warning\s+The charter has no `review` cadence\.$/);
    });

    it('stops with one line and exit code 2 on an unknown rule, suggesting the nearest', () => {
        const result = runCli(['explain', 'deadlock']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, "entente: unknown rule 'deadlock' (did you mean 'deadlock-risk'?); 'entente explain' lists them all\n");
        const empty = runCli(['explain', '']);
        assert.equal(empty.code, 2);
        assert.equal(empty.stderr, "entente: unknown rule ''; 'entente explain' lists them all\n");
        const shouted = runCli(['explain', 'FIXED-CHAIR']);
        assert.equal(shouted.code, 2);
        assert.equal(shouted.stderr, "entente: unknown rule 'FIXED-CHAIR' (did you mean 'fixed-chair'?); 'entente explain' lists them all\n");
    });

    it('embeds exactly the docs pages of the repository', () => {
        for (const rule of allRules) {
            assert.equal(RULE_DOCS[rule.meta.id], fs.readFileSync(path.join(REPO_ROOT, rule.meta.docs), 'utf8'), rule.meta.id);
        }
    });
});
