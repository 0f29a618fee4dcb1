import * as assert from 'node:assert/strict';
import { findingToDiagnostic, type Finding } from '@entente/language';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { journalCase } from '../../helpers/journal-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const services = createTestServices();

async function fixOf(text: string, ruleId: string, today: string): Promise<{ finding: Finding; action: CodeAction }> {
    const checked = await checkText(services, text, { today });
    const finding = checked.findings.find(candidate => candidate.ruleId === ruleId);
    assert.ok(finding, `${ruleId} fires`);
    const actions = (await services.lsp.CodeActionProvider!.getCodeActions(checked.document, {
        textDocument: { uri: checked.document.uri.toString() }, range: finding.range, context: { diagnostics: [findingToDiagnostic(finding)] }
    }) ?? []) as CodeAction[];
    assert.equal(actions.length, 1);
    await clearDocuments(services);
    return { finding, action: actions[0] };
}

function apply(text: string, action: CodeAction): string {
    const edits = Object.values(action.edit?.changes ?? {})[0] ?? [];
    return TextDocument.applyEdits(TextDocument.create('file:///x.charter', 'charter', 1, text), edits);
}

describe('quick fixes of journal findings', () => {
    afterEach(() => clearDocuments(services));

    it('future-entry: changes the date to today, and the finding is gone', async () => {
        const text = journalCase(['2026-01-20 met Steering', '2027-01-05 note "Typed a year ahead"']);
        const { action } = await fixOf(text, 'future-entry', '2026-11-22');
        assert.equal(action.title, 'Change the date to today (2026-11-22)');
        const fixed = apply(text, action);
        assert.match(fixed, /2026-11-22 note "Typed a year ahead"/);
        const after = await checkText(services, fixed, { today: '2026-11-22' });
        assert.deepEqual(after.findings.filter(finding => finding.ruleId === 'future-entry' || finding.ruleId === 'syntax'), []);
    });

    it('decided-without-right: records the decision as taken by the charter\'s deciders', async () => {
        const text = journalCase(['2026-03-02 decided Prices "List prices +4%" by Globex']);
        const { action } = await fixOf(text, 'decided-without-right', '2026-11-22');
        const fixed = apply(text, action);
        assert.match(fixed, /decided Prices "List prices \+4%" by Acme\n/);
        const after = await checkText(services, fixed, { today: '2026-11-22' });
        assert.deepEqual(after.findings.filter(finding => finding.ruleId === 'decided-without-right'), []);
    });
});
