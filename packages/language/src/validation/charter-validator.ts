import { DefaultDocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { CharterCoreServices } from '../charter-core-module.js';
import { DOCS_BASE_URL } from '../front-ends.js';
import type { Finding } from '../rules/rule.js';
import type { CharterRuleRunner } from '../rules/rule-runner.js';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    info: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint
};

/**
 * Every diagnostic, syntax and linking errors included, comes from the rule
 * runner, so the editor and the CLI report the same findings with the same
 * rule ids. Runs on every change, whatever validation categories are asked for.
 */
export class CharterDocumentValidator extends DefaultDocumentValidator {
    protected readonly ruleRunner: CharterRuleRunner;

    constructor(services: CharterCoreServices) {
        super(services);
        this.ruleRunner = services.charter.RuleRunner;
    }

    override async validateDocument(document: LangiumDocument, _options?: ValidationOptions): Promise<Diagnostic[]> {
        return this.ruleRunner.run(document).map(findingToDiagnostic);
    }
}

/** Each rule's link to its docs, made once: a 10,000-entry journal has a thousand diagnostics of one rule on every edit. */
const codeDescriptions = new Map<string, { href: string }>();

/** The rule's `codeDescription`, one object shared by its diagnostics (nothing changes a diagnostic once it is made). */
function codeDescriptionOf(ruleId: string): { href: string } {
    let description = codeDescriptions.get(ruleId);
    if (description === undefined) {
        description = { href: `${DOCS_BASE_URL}docs/rules/${ruleId}.md` };
        codeDescriptions.set(ruleId, description);
    }
    return description;
}

/** Related locations sent with one diagnostic, at most. */
export const MAX_RELATED_INFORMATION = 10;

/** The LSP diagnostic of a finding: `code` and `data.ruleId` carry the rule id. */
export function findingToDiagnostic(finding: Finding): Diagnostic {
    return {
        range: finding.range,
        severity: SEVERITY[finding.severity],
        message: finding.message,
        source: 'entente',
        code: finding.ruleId,
        codeDescription: codeDescriptionOf(finding.ruleId),
        // Capped whatever the rule reports: a diagnostic message stays small (issue 21).
        relatedInformation: finding.related?.slice(0, MAX_RELATED_INFORMATION).map(related => ({
            location: { uri: related.uri, range: related.range },
            message: related.message
        })),
        // What the code-action request needs to find the finding again (the server keeps the rest): a finding's own data can be
        // large (overloaded-role lists every charter that loads the role: 1,000 of them in a large workspace, on every edit).
        data: { ruleId: finding.ruleId, element: finding.element }
    };
}
