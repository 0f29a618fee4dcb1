import * as vscode from 'vscode';

/** A rule with the findings it reported across the workspace. */
export interface RuleNode {
    kind: 'rule';
    ruleId: string;
    findings: FindingNode[];
    severity: vscode.DiagnosticSeverity;
}

/** One finding: a diagnostic of the server with where it is. */
export interface FindingNode {
    kind: 'finding';
    ruleId: string;
    uri: vscode.Uri;
    diagnostic: vscode.Diagnostic;
}

type Node = RuleNode | FindingNode;

const SEVERITY_ICON: Record<vscode.DiagnosticSeverity, vscode.ThemeIcon> = {
    [vscode.DiagnosticSeverity.Error]: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
    [vscode.DiagnosticSeverity.Warning]: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
    [vscode.DiagnosticSeverity.Information]: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
    [vscode.DiagnosticSeverity.Hint]: new vscode.ThemeIcon('lightbulb')
};

function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
    return code === undefined ? undefined : String(code);
}

/** The server's findings grouped by rule, worst rules first (most severe, then most frequent). */
export function groupFindings(all: ReadonlyArray<[vscode.Uri, readonly vscode.Diagnostic[]]>): RuleNode[] {
    const rules = new Map<string, RuleNode>();
    for (const [uri, diagnostics] of all) {
        for (const diagnostic of diagnostics) {
            const ruleId = ruleIdOf(diagnostic);
            if (diagnostic.source !== 'entente' || !ruleId) {
                continue;
            }
            const rule = rules.get(ruleId) ?? { kind: 'rule', ruleId, findings: [], severity: diagnostic.severity };
            rule.findings.push({ kind: 'finding', ruleId, uri, diagnostic });
            rule.severity = Math.min(rule.severity, diagnostic.severity);
            rules.set(ruleId, rule);
        }
    }
    return [...rules.values()].sort((a, b) => a.severity - b.severity || b.findings.length - a.findings.length || a.ruleId.localeCompare(b.ruleId));
}

/**
 * The "Charter Findings" view: the Problems panel's entente findings grouped
 * by rule, each rule linked to its docs, each finding opening its source.
 */
export class FindingsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
    protected readonly changes = new vscode.EventEmitter<Node | undefined>();
    protected readonly disposables: vscode.Disposable[] = [this.changes];
    protected timer?: ReturnType<typeof setTimeout>;
    protected rules: RuleNode[] = [];
    readonly onDidChangeTreeData = this.changes.event;

    constructor() {
        this.refresh();
        this.disposables.push(
            vscode.window.registerTreeDataProvider('entente.findings', this),
            vscode.languages.onDidChangeDiagnostics(() => {
                clearTimeout(this.timer);
                this.timer = setTimeout(() => this.refresh(), 300);
            })
        );
    }

    /** The rules shown (for tests). */
    get ruleNodes(): readonly RuleNode[] {
        return this.rules;
    }

    protected refresh(): void {
        this.rules = groupFindings(vscode.languages.getDiagnostics());
        this.changes.fire(undefined);
    }

    getChildren(node?: Node): Node[] {
        if (!node) {
            return this.rules;
        }
        return node.kind === 'rule' ? node.findings : [];
    }

    getTreeItem(node: Node): vscode.TreeItem {
        if (node.kind === 'rule') {
            const item = new vscode.TreeItem(node.ruleId, vscode.TreeItemCollapsibleState.Collapsed);
            item.description = `${node.findings.length} ${node.findings.length === 1 ? 'finding' : 'findings'}`;
            item.iconPath = SEVERITY_ICON[node.severity];
            item.contextValue = 'rule';
            item.tooltip = `Rule ${node.ruleId}: right-click or use the book icon for its documentation.`;
            return item;
        }
        const item = new vscode.TreeItem(node.diagnostic.message, vscode.TreeItemCollapsibleState.None);
        item.description = `${vscode.workspace.asRelativePath(node.uri)}:${node.diagnostic.range.start.line + 1}`;
        item.iconPath = SEVERITY_ICON[node.diagnostic.severity];
        item.contextValue = 'finding';
        item.command = { title: 'Open', command: 'vscode.open', arguments: [node.uri, { selection: node.diagnostic.range } satisfies vscode.TextDocumentShowOptions] };
        return item;
    }

    dispose(): void {
        clearTimeout(this.timer);
        vscode.Disposable.from(...this.disposables).dispose();
    }
}
