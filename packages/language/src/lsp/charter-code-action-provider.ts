import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import type { DocumentModel } from '../model/types.js';
import { findRule } from '../rules/index.js';
import type { Finding, Fix } from '../rules/rule.js';
import type { CharterRuleRunner } from '../rules/rule-runner.js';

/**
 * Quick fixes: each rule writes its own (its `fix`, in its rule file); this
 * provider finds the finding a diagnostic shows and offers what its rule
 * proposes. A diagnostic that no longer matches a finding of the document
 * (the text changed since) gets no fix, so a fix never edits a stale range.
 */
export class CharterCodeActionProvider implements CodeActionProvider {
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly ruleRunner: CharterRuleRunner;

    constructor(services: CharterServices) {
        this.modelBuilder = services.charter.ModelBuilder;
        this.ruleRunner = services.charter.RuleRunner;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const model = this.modelBuilder.getModel(document);
        const findings = this.ruleRunner.findingsOf(document);
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const finding = findings.find(candidate => shows(diagnostic, candidate));
            if (finding) {
                actions.push(...this.fixesOf(document, model, finding).map(fix => ({
                    title: fix.title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: fix.preferred,
                    edit: { changes: { [document.uri.toString()]: fix.edits } }
                })));
            }
        }
        return actions;
    }

    /** What the finding's rule proposes; a rule whose fix throws offers nothing and is logged, as a rule whose check throws is. */
    protected fixesOf(document: LangiumDocument, model: DocumentModel, finding: Finding): Fix[] {
        const rule = findRule(finding.ruleId);
        if (!rule?.fix) {
            return [];
        }
        const charterName = finding.element?.split('.')[0];
        try {
            return rule.fix({
                finding: { ...finding, data: finding.data },
                document: model,
                charter: model.charters.find(charter => charter.name === charterName),
                text: document.textDocument
            });
        } catch (error) {
            console.error(`entente: the quick fix of rule ${rule.meta.id} failed on ${document.uri.toString()}:`, error);
            return [];
        }
    }
}

/** Whether a diagnostic (as the client sends it back) shows this finding. */
function shows(diagnostic: Diagnostic, finding: Finding): boolean {
    const ruleId = (diagnostic.data as { ruleId?: unknown } | undefined)?.ruleId ?? diagnostic.code;
    const { start, end } = diagnostic.range;
    return ruleId === finding.ruleId && diagnostic.message === finding.message
        && start.line === finding.range.start.line && start.character === finding.range.start.character
        && end.line === finding.range.end.line && end.character === finding.range.end.character;
}
