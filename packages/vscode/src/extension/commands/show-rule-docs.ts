import * as vscode from 'vscode';

const RULE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The rules documented in the extension's own copy of docs/rules (bundled at build time). */
async function bundledRuleDocs(extensionUri: vscode.Uri): Promise<Map<string, vscode.Uri>> {
    const folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
    const docs = new Map<string, vscode.Uri>();
    try {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
            const id = name.replace(/\.md$/, '');
            if (type === vscode.FileType.File && name.endsWith('.md') && RULE_ID.test(id)) {
                docs.set(id, vscode.Uri.joinPath(folder, name));
            }
        }
    } catch {
        // No bundled docs: the published ones are used.
    }
    return docs;
}

/** Rule ids of the entente diagnostics currently reported, most frequent first. */
function reportedRuleIds(): string[] {
    const counts = new Map<string, number>();
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
        for (const diagnostic of diagnostics) {
            const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
            if (diagnostic.source === 'entente' && typeof code === 'string') {
                counts.set(code, (counts.get(code) ?? 0) + 1);
            }
        }
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/**
 * `entente.showRuleDocs` (optional arg: a rule id, or a rule of the findings view): the docs page of a rule,
 * picked from the documented and the reported rules when no id is given.
 * Opens the bundled page as a Markdown preview, else the published page.
 * Resolves to the URI opened.
 */
export function showRuleDocsCommand(extensionUri: vscode.Uri, docsBaseUrl: () => string): (ruleId?: unknown) => Promise<vscode.Uri | undefined> {
    return async (ruleId?: unknown) => {
        const docs = await bundledRuleDocs(extensionUri);
        // From the palette, a hover link (the id), or the findings view (its rule node).
        const given = typeof ruleId === 'object' && ruleId !== null && 'ruleId' in ruleId ? (ruleId as { ruleId: unknown }).ruleId : ruleId;
        let id = typeof given === 'string' && RULE_ID.test(given) ? given : undefined;
        if (!id) {
            const reported = reportedRuleIds();
            const ids = [...new Set([...reported, ...[...docs.keys()].sort()])];
            const picked = await vscode.window.showQuickPick(ids.map(candidate => ({
                label: candidate,
                description: reported.includes(candidate) ? 'reported in this workspace' : undefined
            })), { title: 'Entente rule documentation', placeHolder: 'Rule id' });
            id = picked?.label;
        }
        if (!id) {
            return undefined;
        }
        const local = docs.get(id);
        if (local) {
            try {
                await vscode.commands.executeCommand('markdown.showPreview', local);
            } catch {
                await vscode.window.showTextDocument(local, { preview: true });
            }
            return local;
        }
        const published = vscode.Uri.parse(`${docsBaseUrl()}docs/rules/${id}.md`);
        await vscode.env.openExternal(published);
        return published;
    };
}
