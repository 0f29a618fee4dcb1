import { renderPortfolioPage } from '@entente/diagrams';
import { PortfolioRequest, WorkspaceChangedNotification } from '@entente/language/protocol';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { createNonce } from './preview-html.js';

type PortfolioResult = PortfolioRequest.Result;
type Portfolio = PortfolioResult['portfolio'];

/**
 * The workspace's portfolio as the server computes it, asked again (after a
 * short pause) each time the server has validated a change, while anything
 * shows it.
 */
export class PortfolioSource implements vscode.Disposable {
    protected readonly changes = new vscode.EventEmitter<PortfolioResult>();
    protected readonly disposables: vscode.Disposable[] = [this.changes];
    protected timer?: ReturnType<typeof setTimeout>;
    protected latestResult?: PortfolioResult;
    protected watchers = 0;
    readonly onDidChange = this.changes.event;

    constructor(protected readonly client: LanguageClient) {
        this.disposables.push(client.onNotification(WorkspaceChangedNotification.type, () => {
            if (this.watchers > 0) {
                clearTimeout(this.timer);
                this.timer = setTimeout(() => void this.refresh(), 200);
            }
        }));
    }

    get latest(): PortfolioResult | undefined {
        return this.latestResult;
    }

    /** Keeps the portfolio fresh while the returned disposable lives. */
    watch(): vscode.Disposable {
        this.watchers++;
        return new vscode.Disposable(() => { this.watchers--; });
    }

    async refresh(): Promise<PortfolioResult | undefined> {
        if (!this.client.isRunning()) {
            return undefined;
        }
        try {
            this.latestResult = await this.client.sendRequest(PortfolioRequest.type, {});
            this.changes.fire(this.latestResult);
            return this.latestResult;
        } catch (error) {
            console.error('entente: the portfolio request failed:', error);
            return undefined;
        }
    }

    dispose(): void {
        clearTimeout(this.timer);
        vscode.Disposable.from(...this.disposables).dispose();
    }
}

/** Opens a source location the server gave (a charter's or a role's name). */
export async function revealSource(uri: string, line: number, character = 0): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const position = new vscode.Position(line, character);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false, viewColumn: vscode.ViewColumn.One });
}

/** Turns clicks on the dashboard's rows (charters, roles, due items) into messages to the extension. */
const CLICK_SCRIPT = `(function(){var vscode=acquireVsCodeApi();document.addEventListener('click',function(event){var target=event.target;if(target&&target.closest&&target.closest('th'))return;var row=target&&target.closest?target.closest('[data-uri]'):null;if(!row)return;event.preventDefault();vscode.postMessage({type:'open',uri:row.getAttribute('data-uri'),line:Number(row.getAttribute('data-line')||0)});});})();`;

/** What the portfolio webview sends: a click on something with a source. */
export interface PortfolioMessage {
    type: 'open';
    uri: string;
    line: number;
}

function isPortfolioMessage(message: unknown): message is PortfolioMessage {
    const candidate = message as Partial<PortfolioMessage> | undefined;
    return candidate?.type === 'open' && typeof candidate.uri === 'string' && typeof candidate.line === 'number';
}

/** *Entente: Open Portfolio*: the dashboard of `entente portfolio --format html` as a webview, live, a click opening the source. */
export class PortfolioPanel implements vscode.Disposable {
    static readonly viewType = 'entente.portfolio';
    static current: PortfolioPanel | undefined;

    protected readonly disposables: vscode.Disposable[] = [];
    /** The HTML last shown (for tests). */
    html = '';
    /** How many times the page was drawn (for tests). */
    renders = 0;

    static async createOrShow(source: PortfolioSource): Promise<PortfolioPanel> {
        if (PortfolioPanel.current) {
            PortfolioPanel.current.panel.reveal();
            await PortfolioPanel.current.update(await source.refresh() ?? source.latest);
            return PortfolioPanel.current;
        }
        const panel = vscode.window.createWebviewPanel(PortfolioPanel.viewType, 'Partnership portfolio', vscode.ViewColumn.Active, {
            enableScripts: true,
            localResourceRoots: [],
            retainContextWhenHidden: false
        });
        PortfolioPanel.current = new PortfolioPanel(panel, source);
        await PortfolioPanel.current.update(await source.refresh());
        return PortfolioPanel.current;
    }

    protected constructor(readonly panel: vscode.WebviewPanel, source: PortfolioSource) {
        this.disposables.push(
            source.watch(),
            panel.onDidDispose(() => this.dispose()),
            source.onDidChange(result => void this.update(result)),
            panel.webview.onDidReceiveMessage(message => {
                if (isPortfolioMessage(message)) {
                    void this.handleMessage(message);
                }
            })
        );
    }

    /** Opens the source of what was clicked. */
    async handleMessage(message: PortfolioMessage): Promise<void> {
        await revealSource(message.uri, message.line);
    }

    protected async update(result: PortfolioResult | undefined): Promise<void> {
        const nonce = createNonce(randomBytes(32));
        this.html = result
            ? renderPortfolioPage(result.portfolio, {
                scriptSource: `'nonce-${nonce}'`,
                scriptNonce: nonce,
                maxInWorkspace: result.maxInWorkspace,
                generator: 'Entente, live from the workspace'
            }).replace(`nonce="${nonce}">`, `nonce="${nonce}">${CLICK_SCRIPT}`)
            : '<!DOCTYPE html><html><body><p>The language server has not answered yet.</p></body></html>';
        this.panel.webview.html = this.html;
        this.renders++;
    }

    dispose(): void {
        PortfolioPanel.current = undefined;
        vscode.Disposable.from(...this.disposables).dispose();
        this.panel.dispose();
    }
}

type TreeNode =
    | { kind: 'group'; group: 'charters' | 'people' }
    | { kind: 'charter'; charter: Portfolio['charters'][number] }
    | { kind: 'person'; person: Portfolio['people'][number] };

/** The "Partnerships" view in the Explorer: charters with their scores, and the people view; a click opens the source. */
export class PartnershipsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
    protected readonly changes = new vscode.EventEmitter<TreeNode | undefined>();
    protected readonly disposables: vscode.Disposable[] = [this.changes];
    protected view: vscode.TreeView<TreeNode>;
    protected watching?: vscode.Disposable;
    readonly onDidChangeTreeData = this.changes.event;

    constructor(protected readonly source: PortfolioSource) {
        this.view = vscode.window.createTreeView('entente.partnerships', { treeDataProvider: this });
        this.disposables.push(this.view, source.onDidChange(() => this.changes.fire(undefined)));
        // Fresh while visible; the first look asks the server.
        const follow = (visible: boolean) => {
            if (visible && !this.watching) {
                this.watching = source.watch();
                void source.refresh();
            } else if (!visible && this.watching) {
                this.watching.dispose();
                this.watching = undefined;
            }
        };
        this.disposables.push(this.view.onDidChangeVisibility(event => follow(event.visible)), new vscode.Disposable(() => this.watching?.dispose()));
        follow(this.view.visible);
    }

    getChildren(node?: TreeNode): TreeNode[] {
        const portfolio = this.source.latest?.portfolio;
        if (!portfolio) {
            return [];
        }
        if (!node) {
            return [{ kind: 'group', group: 'charters' }, { kind: 'group', group: 'people' }];
        }
        if (node.kind === 'group') {
            return node.group === 'charters'
                ? portfolio.charters.map(charter => ({ kind: 'charter', charter }))
                : portfolio.people.map(person => ({ kind: 'person', person }));
        }
        return [];
    }

    getTreeItem(node: TreeNode): vscode.TreeItem {
        if (node.kind === 'group') {
            const portfolio = this.source.latest?.portfolio;
            const count = node.group === 'charters' ? portfolio?.charters.length ?? 0 : portfolio?.people.length ?? 0;
            const item = new vscode.TreeItem(node.group === 'charters' ? 'Charters' : 'People', vscode.TreeItemCollapsibleState.Expanded);
            item.description = String(count);
            item.contextValue = node.group;
            return item;
        }
        if (node.kind === 'charter') {
            const { charter } = node;
            const item = new vscode.TreeItem(charter.name, vscode.TreeItemCollapsibleState.None);
            const layer = (label: string, score: number | null) => `${label} ${score === null ? 'not measured' : score}`;
            item.description = [layer('Design', charter.layers.design.score), layer('Execution', charter.layers.execution.score), layer('Perceived', charter.layers.perceived.score)].join(' · ');
            item.tooltip = `${charter.title ?? charter.name}\n${charter.parties.join(', ')}${charter.nextReview ? `\nNext review ${charter.nextReview}` : ''}`;
            item.iconPath = new vscode.ThemeIcon('organization', new vscode.ThemeColor(
                charter.layers.design.band === 'critical' ? 'charts.red' : charter.layers.design.band === 'at-risk' ? 'charts.yellow' : 'charts.green'));
            item.contextValue = 'charter';
            item.command = { command: 'entente.revealSource', title: 'Open charter', arguments: [charter.uri, charter.range.start.line, charter.range.start.character] };
            return item;
        }
        const { person } = node;
        const item = new vscode.TreeItem(person.role, vscode.TreeItemCollapsibleState.None);
        item.description = `load ${person.total}${person.overloaded ? ' · overloaded' : ''}${person.meetings ? ` · ${person.meetings} meetings` : ''} · ${person.charters.map(load => `${load.charter} ${load.total}`).join(', ')}`;
        item.tooltip = `${person.title ?? person.role}: ${person.seats} seats, ${person.decisions} decisions, ${person.commitments} commitments, ${person.metrics} metrics, ${person.escalationLevels} escalation levels`;
        item.iconPath = new vscode.ThemeIcon(person.overloaded ? 'warning' : 'person', person.overloaded ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
        item.contextValue = 'person';
        if (person.source) {
            item.command = { command: 'entente.revealSource', title: 'Open role', arguments: [person.source.uri, person.source.nameRange.start.line, person.source.nameRange.start.character] };
        }
        return item;
    }

    dispose(): void {
        vscode.Disposable.from(...this.disposables).dispose();
    }
}
