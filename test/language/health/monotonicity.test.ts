import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIMENSION_IDS, findingToDiagnostic, type CharterHealth } from '@entente/language';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const services = createTestServices();
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8');
const PARTY_FILES = { 'orbit.charter': read('parties/orbit.charter'), 'kestrel.charter': read('parties/kestrel.charter') };

async function healthAndActions(text: string): Promise<{ health: CharterHealth; actions: CodeAction[] }> {
    const checked = (await checkWorkspace(services, { ...PARTY_FILES, 'charter.charter': text }))['charter.charter'];
    const health = services.charter.HealthScorer.score(checked.document, checked.findings)[0];
    const actions: CodeAction[] = [];
    for (const finding of checked.findings) {
        const offered = await services.lsp.CodeActionProvider!.getCodeActions(checked.document, {
            textDocument: { uri: checked.document.uri.toString() }, range: finding.range, context: { diagnostics: [findingToDiagnostic(finding)] }
        });
        actions.push(...((offered ?? []) as CodeAction[]));
    }
    await clearDocuments(services);
    return { health, actions };
}

/** No dimension and not the overall score may go down from `before` to `after`. */
function assertNotLower(before: CharterHealth, after: CharterHealth, what: string): void {
    assert.ok((after.score ?? 0) >= (before.score ?? 0), `${what}: overall ${before.score} → ${after.score}`);
    for (const id of DIMENSION_IDS) {
        const [was, now] = [before.dimensions[id].score, after.dimensions[id].score];
        if (was !== null) {
            assert.ok(now !== null && now >= was, `${what}: ${id} ${was} → ${now}`);
        }
    }
}

describe('the health score is monotone: fixing a finding never lowers any score', function () {
    this.timeout(120_000);
    afterEach(() => clearDocuments(services));

    it('from the broken example to its fixed twin', async () => {
        const broken = (await healthAndActions(read('broken/orbit-kestrel.charter'))).health;
        const fixed = (await healthAndActions(read('fixed/orbit-kestrel.charter'))).health;
        assertNotLower(broken, fixed, 'broken → fixed');
        assert.ok(fixed.score! - broken.score! >= 40, `a real improvement: ${broken.score} → ${fixed.score}`);
    });

    it('for every quick fix offered on the broken example', async () => {
        const text = read('broken/orbit-kestrel.charter');
        const { health: before, actions } = await healthAndActions(text);
        assert.ok(actions.length >= 13);
        for (const action of actions) {
            const edits = Object.values(action.edit?.changes ?? {})[0] ?? [];
            const fixed = TextDocument.applyEdits(TextDocument.create('file:///x.charter', 'charter', 1, text), edits);
            const { health: after } = await healthAndActions(fixed);
            assertNotLower(before, after, action.title);
        }
    });
});
