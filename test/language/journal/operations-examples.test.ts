import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, isReference, type AstNode } from 'langium';
import { checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/operations');

/** The fixture files: OPERATIONS.md's journal, unchanged, beside the reference charter it is written for. */
function operationsFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.charter')) files[path.relative(FIXTURES, full)] = fs.readFileSync(full, 'utf8');
        }
    };
    walk(FIXTURES);
    return files;
}

describe('OPERATIONS.md examples (acceptance cases)', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('parse without syntax errors and link every reference', async () => {
        const files = operationsFiles();
        assert.ok(files['acme-globex-2026.charter'], 'the journal fixture is there');
        const checked = await checkWorkspace(services, files, { today: '2026-07-02' });
        for (const [name, { document, findings }] of Object.entries(checked)) {
            assert.deepEqual(document.parseResult.parserErrors.map(error => error.message), [], `${name} parses`);
            assert.deepEqual(document.parseResult.lexerErrors.map(error => error.message), [], `${name} lexes`);
            const unresolved: string[] = [];
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                for (const reference of AstUtils.streamReferences(node)) {
                    const target = reference.reference; if ('ref' in target && !target.ref) unresolved.push(target.$refText);
                }
            }
            assert.deepEqual(unresolved, [], `${name} links`);
            assert.deepEqual(findings.filter(finding => finding.severity === 'error').map(finding => `${finding.ruleId}: ${finding.message}`), [], `${name} has no errors`);
        }
        const journal = checked['acme-globex-2026.charter'].document.parseResult.value as AstNode & { elements: Array<AstNode & { entries: AstNode[] }> };
        assert.equal(journal.elements[0].$type, 'Journal');
        assert.equal(journal.elements[0].entries.length, 16);
        assert.ok(isReference((journal.elements[0] as unknown as { charter: unknown }).charter));
    });
});
