import type { PreviewRequest } from '@entente/language/protocol';
import * as vscode from 'vscode';
import type { CharterPreviews } from './charter-previews.js';
import { charterAt } from './element-locator.js';
import { escapeMarkdown } from './health-markdown.js';
import { isCharterDocument } from './preview-panel.js';

const BAND = {
    healthy: { icon: '$(pass-filled)', label: 'healthy', background: undefined },
    'at-risk': { icon: '$(warning)', label: 'at risk', background: 'statusBarItem.warningBackground' },
    critical: { icon: '$(error)', label: 'critical', background: 'statusBarItem.errorBackground' }
} as const;

/**
 * The active charter's health in the status bar ("Entente 82 healthy");
 * a click opens the preview beside the editor.
 */
export class HealthStatusBar implements vscode.Disposable {
    protected readonly item = vscode.window.createStatusBarItem('entente.health', vscode.StatusBarAlignment.Right, 100);
    protected readonly disposables: vscode.Disposable[] = [this.item];
    protected watched?: { uri: string; watch: vscode.Disposable };

    constructor(protected readonly previews: CharterPreviews) {
        this.item.name = 'Entente health';
        this.item.command = 'entente.openPreviewToSide';
        this.disposables.push(
            vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (event.textEditor === vscode.window.activeTextEditor) {
                    this.show();
                }
            }),
            previews.onDidUpdate(() => this.show()),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('entente.statusBar.enabled')) {
                    this.follow();
                }
            })
        );
        this.follow();
    }

    protected shown = false;

    /** The text of the item (for tests). */
    get text(): string {
        return this.item.text;
    }

    /** Whether the item is shown (for tests). */
    get visible(): boolean {
        return this.shown;
    }

    protected setVisible(visible: boolean): void {
        this.shown = visible;
        if (visible) {
            this.item.show();
        } else {
            this.item.hide();
        }
    }

    protected follow(): void {
        const document = vscode.window.activeTextEditor?.document;
        const enabled = vscode.workspace.getConfiguration('entente.statusBar').get<boolean>('enabled', true);
        if (!enabled || !isCharterDocument(document)) {
            this.watched?.watch.dispose();
            this.watched = undefined;
            this.setVisible(false);
            return;
        }
        if (this.watched?.uri !== document.uri.toString()) {
            this.watched?.watch.dispose();
            this.watched = { uri: document.uri.toString(), watch: this.previews.watch(document.uri) };
            if (!this.previews.cached(document.uri)) {
                this.previews.fetch(document.uri).catch(() => undefined);
            }
        }
        this.show();
    }

    protected show(): void {
        const editor = vscode.window.activeTextEditor;
        if (!this.watched || !editor || editor.document.uri.toString() !== this.watched.uri) {
            return;
        }
        const result = this.previews.cached(editor.document.uri);
        if (!result) {
            this.item.text = '$(loading~spin) Entente';
            this.item.tooltip = 'Checking the charter…';
            this.item.backgroundColor = undefined;
            this.setVisible(true);
            return;
        }
        this.render(result, editor.selection.active);
        this.setVisible(true);
    }

    protected render(result: PreviewRequest.Result, position: vscode.Position): void {
        const name = charterAt(result, position);
        const preview = result.charters.find(charter => charter.model.name === name);
        if (!preview) {
            this.item.text = '$(organization) Entente';
            this.item.tooltip = 'No charter in this file.';
            this.item.backgroundColor = undefined;
            return;
        }
        const health = preview.health;
        const errors = preview.findings.filter(finding => finding.severity === 'error').length;
        if (!health || health.score === null || !health.band) {
            this.item.text = `$(organization) ${preview.model.name}: not scored`;
            this.item.backgroundColor = undefined;
        } else {
            const band = BAND[health.band];
            const layers = health.layers;
            const more = layers && (layers.execution.score !== null || layers.perceived.score !== null)
                ? ` · exec ${layers.execution.score ?? '—'} · perc ${layers.perceived.score ?? '—'}`
                : '';
            this.item.text = `${band.icon} ${preview.model.name} ${health.score} ${band.label}${more}`;
            this.item.backgroundColor = band.background ? new vscode.ThemeColor(band.background) : undefined;
        }
        const tooltip = new vscode.MarkdownString(undefined, true);
        tooltip.appendMarkdown(`**${escapeMarkdown(preview.model.name)}**`);
        if (health) {
            tooltip.appendMarkdown(`: health ${health.score ?? 'not measured'}\n\n`);
            if (health.layers) {
                const layers = health.layers;
                const gap = layers.gap && layers.perceived.score !== null ? ` (gap ${layers.gap.points} on ${layers.gap.pillar})` : '';
                tooltip.appendMarkdown(`Design ${layers.design ?? 'not measured'} · Execution ${layers.execution.score ?? 'not measured'} · Perceived ${layers.perceived.score ?? 'not measured'}${gap}\n\n`);
            }
            for (const dimension of Object.values(health.dimensions)) {
                tooltip.appendMarkdown(`- ${escapeMarkdown(dimension.label)}: ${dimension.score ?? 'not measured'}\n`);
            }
        }
        tooltip.appendMarkdown(`\n${preview.findings.length} findings (${errors} errors). Click to open the preview.`);
        this.item.tooltip = tooltip;
    }

    dispose(): void {
        this.watched?.watch.dispose();
        vscode.Disposable.from(...this.disposables).dispose();
    }
}

