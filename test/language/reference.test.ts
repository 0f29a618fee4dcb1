import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();

/** The normative reference charter (test/fixtures/reference/README.md): its party file and its charter. */
function languageExamples(): string[] {
    const reference = path.join(REPO_ROOT, 'test/fixtures/reference');
    return [fs.readFileSync(path.join(reference, 'parties/acme.charter'), 'utf8'), fs.readFileSync(path.join(reference, 'acme-globex.charter'), 'utf8')];
}

describe('the reference charter (test/fixtures/reference)', () => {
    afterEach(() => clearDocuments(services));

    it('is what examples/reference holds, unchanged', () => {
        const [parties, charter] = languageExamples();
        assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'examples/reference/parties/acme.charter'), 'utf8'), parties);
        assert.equal(fs.readFileSync(path.join(REPO_ROOT, 'examples/reference/acme-globex.charter'), 'utf8'), charter);
    });

    it('parses, links and gives no finding at all on 2026-11-22', async () => {
        const [parties, charter] = languageExamples();
        const checked = await checkWorkspace(services, { 'parties/acme.charter': parties, 'acme-globex.charter': charter }, { today: '2026-11-22' });
        for (const [name, { document, findings }] of Object.entries(checked)) {
            assert.deepEqual(document.parseResult.lexerErrors, [], name);
            assert.deepEqual(document.parseResult.parserErrors, [], name);
            assert.deepEqual(findings.map(f => `${f.ruleId}: ${f.message}`), [], name);
        }
    });
});
