import * as assert from 'node:assert/strict';
import { findingToDiagnostic, findRule, type Finding } from '@entente/language';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { checkText, clearDocuments, createTestServices } from './workspace.js';

const services = createTestServices();

/** The text a finding's range covers. */
export function textAt(text: string, finding: Pick<Finding, 'range'>): string {
    const lines = text.split('\n');
    const { start, end } = finding.range;
    if (start.line === end.line) {
        return lines[start.line].slice(start.character, end.character);
    }
    return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

export interface RuleCase {
    /** A charter workspace (one text) where the rule fires. */
    fires: string;
    /** The exact text the finding's range must cover (the smallest span that shows the problem). */
    range: string;
    /** What the message must say (names and numbers). */
    message: RegExp;
    /** A near miss: as close as can be, and the rule must not fire. */
    nearMiss: string;
    today?: string;
}

/**
 * The standard tests of a rule: it fires with its id, default severity, range
 * and message, and not on the near miss; a rule with quick fixes offers them
 * where it fires, and each one, applied, leaves a text that parses and no
 * longer has the finding (the registry test checks every such rule is
 * described here).
 */
export function describeRule(id: string, ruleCase: RuleCase): void {
    describe(`rule ${id}`, () => {
        afterEach(() => clearDocuments(services));

        it('fires with its id, default severity, the smallest range and a message naming the elements', async () => {
            const rule = findRule(id);
            assert.ok(rule, `${id} is registered`);
            const { findings } = await checkText(services, ruleCase.fires, { today: ruleCase.today });
            const mine = findings.filter(finding => finding.ruleId === id);
            assert.ok(mine.length > 0, `${id} fires; got ${findings.map(f => f.ruleId).join(', ')}`);
            const finding = mine[0];
            assert.equal(finding.severity, rule.meta.severity);
            assert.equal(textAt(ruleCase.fires, finding), ruleCase.range);
            assert.match(finding.message, ruleCase.message);
            assert.match(finding.message, /\.$/, 'one sentence ending in a period');
        });

        it('does not fire on a near miss', async () => {
            const { findings } = await checkText(services, ruleCase.nearMiss, { today: ruleCase.today });
            assert.deepEqual(findings.filter(finding => finding.ruleId === id).map(finding => finding.message), []);
        });

        if (findRule(id)?.fix) {
            it('offers quick fixes, each of which leaves a text that parses and no longer has the finding', async () => {
                await expectFixesWork(id, ruleCase.fires, ruleCase.today);
            });
        }
    });
}

/** Offers, through the real code-action provider, every fix of the rule's findings in the text; applies each and checks the text again. */
async function expectFixesWork(id: string, text: string, today: string | undefined): Promise<void> {
    const checked = await checkText(services, text, { today });
    const fixes: Array<{ finding: Finding; action: CodeAction }> = [];
    for (const finding of checked.findings.filter(candidate => candidate.ruleId === id)) {
        const actions = await services.lsp.CodeActionProvider!.getCodeActions(checked.document, {
            textDocument: { uri: checked.document.uri.toString() },
            range: finding.range,
            context: { diagnostics: [findingToDiagnostic(finding)] }
        }) ?? [];
        fixes.push(...(actions as CodeAction[]).map(action => ({ finding, action })));
    }
    await clearDocuments(services);
    assert.ok(fixes.length > 0, `${id} offers a quick fix where it fires`);
    assert.equal(fixes.filter(({ action }) => action.isPreferred).length, new Set(fixes.map(({ finding }) => finding)).size, 'one preferred fix a finding');
    const sameElement = (finding: Finding) => (candidate: Finding) => candidate.ruleId === id && candidate.element === finding.element;
    for (const { finding, action } of fixes) {
        const edits = Object.values(action.edit?.changes ?? {})[0] ?? [];
        const fixed = TextDocument.applyEdits(TextDocument.create('file:///fixed.charter', 'charter', 1, text), edits);
        const after = await checkText(services, fixed, { today });
        await clearDocuments(services);
        assert.deepEqual(after.findings.filter(f => f.ruleId === 'syntax' || f.ruleId === 'unresolved-reference').map(f => f.message), [], `"${action.title}" leaves a text that parses and links:\n${fixed}`);
        assert.ok(after.findings.filter(sameElement(finding)).length < checked.findings.filter(sameElement(finding)).length, `"${action.title}" removes: ${finding.message}\n${fixed}`);
    }
}
