import type { LayoutMemory } from '@entente/diagrams';
import { resolveViewAs } from '@entente/language/front-ends';
import type { PreviewRequest } from '@entente/language/protocol';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import {
    isFromWebview, type CharterSummary, type FromWebview, type PersistedPreviewState, type PreviewContent,
    type ToWebview, type ViewId
} from '../webview-protocol.js';
import type { CharterPreviews, FetchTiming } from './charter-previews.js';
import { charterAt, elementAt, locateElement } from './element-locator.js';
import { buildPreviewHtml, createNonce } from './preview-html.js';
import { renderCharterViews, renderJournalViewsOf } from './render.js';

/** What a preview shows; kept across updates and, through the webview's state, across a window reload. */
interface PanelState {
    documentUri?: vscode.Uri;
    charter?: string;
    viewAsParty?: string;
    view: ViewId;
}

const JOURNAL_VIEWS: readonly ViewId[] = ['timeline', 'trends', 'radar'];

/**
 * When each step of one update of the preview happened (Date.now(), in ms; the webview's times are
 * the same machine's clock): the bench rows of issue #20 and where their time goes.
 */
export interface PreviewTiming extends Partial<FetchTiming> {
    /** The update's number (the webview echoes it when it has drawn it). */
    id: number;
    /** The document version drawn. */
    version: number;
    /** The extension host started drawing the views (SVG) from the server's answer, and finished. */
    renderStartedAt: number;
    renderedAt: number;
    /** Posted to the webview; the webview received it, and drew the view shown (after the next frame). */
    postedAt: number;
    receivedAt?: number;
    drawnAt?: number;
    /** The view shown when drawn, and the elements highlighted there as new or changed. */
    view?: ViewId;
    changed?: string[];
}

export function isCharterDocument(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
    return document?.languageId === 'charter';
}

/**
 * One preview webview panel (VS Code's webview sample shape: created or
 * revived by the manager, disposables, `localResourceRoots` limited to the
 * bundle). It follows the active charter editor, redraws when the server's
 * model changes, reveals the source of a clicked element and highlights the
 * element under the editor's cursor.
 */
export class PreviewPanel implements vscode.Disposable {
    static readonly viewType = 'entente.preview';

    protected readonly disposables: vscode.Disposable[] = [];
    protected documentWatch?: vscode.Disposable;
    protected lastMessage?: ToWebview;
    protected highlighted?: string;
    /** The drawing under way, the newest result waiting for it (only the newest waits), and what was drawn last. */
    protected rendering?: Promise<void>;
    protected waiting?: PreviewRequest.Result;
    protected lastRendered?: { result: PreviewRequest.Result; key: string };
    /** Where each charter's map had its nodes, so that an edit does not reshuffle the map (issue #20), by document and charter. */
    protected readonly layoutMemories = new Map<string, LayoutMemory>();
    /** The journal file last opened on its timeline. */
    protected journalOpened?: string;
    protected disposed = false;
    protected readonly disposeEmitter = new vscode.EventEmitter<void>();
    readonly onDidDispose = this.disposeEmitter.event;
    protected updateId = 0;
    /** Updates posted and not yet drawn, by id. */
    protected readonly posted = new Map<number, PreviewTiming>();
    protected readonly drawEmitter = new vscode.EventEmitter<PreviewTiming>();
    /** Fires when the webview has drawn an update, with its timings. */
    readonly onDidDraw = this.drawEmitter.event;
    /** The timings of the last updates drawn (the newest last). */
    readonly timings: PreviewTiming[] = [];
    /**
     * When this panel was made; when its webview's page started loading and its script started
     * (the webview's clock), and when the script's first `ready` arrived.
     */
    readonly createdAt = Date.now();
    frameStartedAt?: number;
    scriptStartedAt?: number;
    readyAt?: number;

    constructor(
        readonly panel: vscode.WebviewPanel,
        protected readonly previews: CharterPreviews,
        protected readonly extensionUri: vscode.Uri,
        protected state: PanelState
    ) {
        panel.webview.options = PreviewPanel.webviewOptions(extensionUri);
        void this.setHtml();
        panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'charter-file.svg');
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(message => {
                if (isFromWebview(message)) {
                    void this.onMessage(message);
                }
            }),
            previews.onDidUpdate(result => {
                if (this.state.documentUri && result.uri === previews.key(this.state.documentUri)) {
                    void this.render(result);
                }
            }),
            vscode.window.onDidChangeTextEditorSelection(event => this.onSelection(event.textEditor)),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('entente.preview.showRoles')) {
                    void this.refresh();
                }
            })
        );
        if (state.documentUri) {
            this.setDocument(state.documentUri, true);
        }
    }

    static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
        return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
    }

    /** The document the preview shows. */
    get documentUri(): vscode.Uri | undefined {
        return this.state.documentUri;
    }

    /** The charter the preview shows. */
    get charter(): string | undefined {
        return this.state.charter;
    }

    /** The element highlighted for the editor's cursor (for tests and status). */
    get highlightedElement(): string | undefined {
        return this.highlighted;
    }

    /** The last content sent to the webview. */
    get content(): PreviewContent | undefined {
        return this.lastMessage?.type === 'update' ? this.lastMessage.content : undefined;
    }

    /** Shows another document (keeps the view, the party and the scroll when it is the same one). */
    setDocument(uri: vscode.Uri, force = false): void {
        if (!force && this.state.documentUri?.toString() === uri.toString()) {
            return;
        }
        if (this.state.documentUri?.toString() !== uri.toString()) {
            this.state = { ...this.state, documentUri: uri, charter: undefined, viewAsParty: undefined };
        }
        this.documentWatch?.dispose();
        this.documentWatch = this.previews.watch(uri);
        this.panel.title = `Preview ${uri.path.split('/').pop() ?? ''}`;
        void this.refresh();
    }

    /** Shows one charter of the document (e.g. from a code lens). */
    showCharter(charter: string | undefined, view?: ViewId): void {
        if (view) {
            this.state.view = view;
            this.post({ type: 'showView', view });
        }
        if (charter && charter !== this.state.charter) {
            this.state.charter = charter;
            void this.refresh();
        }
    }

    /** Fetches the document's model again and redraws. */
    async refresh(): Promise<void> {
        const uri = this.state.documentUri;
        if (!uri) {
            this.post({ type: 'empty', message: 'Open a .charter file to preview it.' });
            return;
        }
        try {
            const result = this.previews.cached(uri) ?? await this.previews.fetch(uri);
            if (!result) {
                this.post({ type: 'empty', documentUri: uri.toString(), documentLabel: label(uri), message: 'The language server does not know this document yet.' });
                return;
            }
            await this.render(result);
        } catch (error) {
            this.failed(uri, error);
        }
    }

    protected failed(uri: vscode.Uri, error: unknown): void {
        this.post({ type: 'empty', documentUri: uri.toString(), documentLabel: label(uri), message: `The preview failed: ${error instanceof Error ? error.message : String(error)}` });
    }

    /**
     * Draws a result: one drawing at a time (laying the map out is the costly part), and a result
     * that arrives meanwhile waits for it, replacing any older one waiting; the same result drawn
     * the same way twice in a row (an update and a refresh racing) is drawn once.
     */
    protected render(result: PreviewRequest.Result): Promise<void> {
        this.waiting = result;
        this.rendering ??= (async () => {
            try {
                while (this.waiting) {
                    const next = this.waiting;
                    this.waiting = undefined;
                    const uri = this.state.documentUri;
                    if (uri && next.uri === this.previews.key(uri)) {
                        await this.renderNow(uri, next).catch(error => this.failed(uri, error));
                    }
                }
            } finally {
                this.rendering = undefined;
            }
        })();
        return this.rendering;
    }

    protected async renderNow(uri: vscode.Uri, result: PreviewRequest.Result): Promise<void> {
        if (result.charters.length === 0) {
            const parties = result.parties.length;
            this.post({
                type: 'empty', documentUri: result.uri, documentLabel: label(uri),
                message: parties > 0
                    ? `This file declares ${parties} ${parties === 1 ? 'party' : 'parties'} and no charter: open a charter that lists them.`
                    : 'This file has no charter to draw yet.'
            });
            return;
        }
        const preview = result.charters.find(charter => charter.model.name === this.state.charter) ?? result.charters[0];
        const parties = preview.model.parties;
        // One definition with the CLI's --view-as: an unknown party is refused, saying which parties there are.
        const viewAs = resolveViewAs(this.state.viewAsParty, parties);
        if (viewAs.error !== undefined) {
            void vscode.window.showWarningMessage(`Entente preview of ${preview.model.name}: ${viewAs.error}; showing every party.`);
        }
        const viewAsParty = viewAs.party;
        const showRoles = vscode.workspace.getConfiguration('entente.preview').get<boolean>('showRoles', false);
        const key = JSON.stringify([preview.model.name, viewAsParty ?? null, showRoles]);
        if (this.lastRendered?.result === result && this.lastRendered.key === key) {
            return;
        }
        const renderStartedAt = Date.now();
        const memoryKey = JSON.stringify([result.uri, preview.model.name]);
        const layoutMemory = this.layoutMemories.get(memoryKey) ?? {};
        this.layoutMemories.set(memoryKey, layoutMemory);
        const views = { ...await renderCharterViews(preview, { viewAsParty, showRoles, layoutMemory }), ...renderJournalViewsOf(preview, { viewAsParty }) };
        this.lastRendered = { result, key };
        // A journal's file opens on its timeline (once per document: the reader's choice of tab stays).
        if (preview.model.source.uri !== result.uri && this.journalOpened !== result.uri) {
            this.journalOpened = result.uri;
            if (!JOURNAL_VIEWS.includes(this.state.view)) {
                this.state.view = 'timeline';
                this.post({ type: 'showView', view: 'timeline' });
            }
        }
        this.state.charter = preview.model.name;
        this.state.viewAsParty = viewAsParty;
        const charters: CharterSummary[] = result.charters.map(charter => ({
            name: charter.model.name,
            title: charter.model.title,
            score: charter.health?.score ?? null,
            band: charter.health?.band,
            errors: charter.findings.filter(finding => finding.severity === 'error').length,
            warnings: charter.findings.filter(finding => finding.severity === 'warning').length
        }));
        const id = ++this.updateId;
        const timing: PreviewTiming = { ...this.previews.timingOf(result), id, version: result.version, renderStartedAt, renderedAt: Date.now(), postedAt: 0 };
        this.posted.set(id, timing);
        this.posted.delete(id - 20); // never drawn (e.g. the webview was reloaded meanwhile)
        timing.postedAt = Date.now();
        this.post({
            type: 'update',
            id,
            content: {
                documentUri: result.uri,
                documentLabel: label(uri),
                documentVersion: result.version,
                charters,
                charter: preview.model.name,
                parties,
                viewAsParty,
                views
            }
        });
        const editor = vscode.window.visibleTextEditors.find(candidate => candidate.document.uri.toString() === uri.toString());
        if (editor) {
            this.onSelection(editor, true);
        }
    }

    protected async onMessage(message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'ready':
                if (this.readyAt === undefined) {
                    this.readyAt = Date.now();
                    this.frameStartedAt = message.frameStartedAt;
                    this.scriptStartedAt = message.scriptStartedAt;
                }
                this.post({ type: 'showView', view: this.state.view });
                if (this.lastMessage) {
                    this.post(this.lastMessage);
                    this.post({ type: 'highlight', element: this.highlighted });
                } else {
                    await this.refresh();
                }
                return;
            case 'reveal':
                await this.reveal(message.element);
                return;
            case 'selectCharter':
                this.state.charter = message.charter;
                await this.refresh();
                return;
            case 'viewAsParty':
                this.state.viewAsParty = message.party;
                await this.refresh();
                return;
            case 'viewChanged':
                this.state.view = message.view;
                return;
            case 'export':
                await vscode.commands.executeCommand('entente.exportReport', undefined, this.state.documentUri);
                return;
            case 'drawn': {
                const timing = this.posted.get(message.id);
                if (timing) {
                    this.posted.delete(message.id);
                    Object.assign(timing, { receivedAt: message.receivedAt, drawnAt: message.drawnAt, view: message.view, changed: message.changed });
                    this.timings.push(timing);
                    this.timings.splice(0, this.timings.length - 20);
                    this.drawEmitter.fire(timing);
                }
                return;
            }
        }
    }

    /**
     * A file the preview opened to reveal an element declared there (a role in its party file): while
     * that file is the active editor, the preview stays on its charter instead of following it.
     */
    revealedElsewhere?: string;

    /** Opens the source of a drawn element and selects its name. */
    async reveal(element: string): Promise<vscode.TextEditor | undefined> {
        const uri = this.state.documentUri;
        const result = uri && (this.previews.cached(uri) ?? await this.previews.fetch(uri));
        const location = result && locateElement(result, element);
        if (!location) {
            return undefined;
        }
        const target = vscode.Uri.parse(location.uri);
        this.revealedElsewhere = target.toString() === uri.toString() ? undefined : target.toString();
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === target.toString());
        const column = visible?.viewColumn ?? this.sourceColumn();
        const editor = await vscode.window.showTextDocument(target, { viewColumn: column, preserveFocus: false, preview: false });
        const selection = new vscode.Selection(
            location.selection.start.line, location.selection.start.character,
            location.selection.end.line, location.selection.end.character
        );
        editor.selection = selection;
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return editor;
    }

    protected sourceColumn(): vscode.ViewColumn {
        const column = this.panel.viewColumn ?? vscode.ViewColumn.Two;
        return column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    }

    protected onSelection(editor: vscode.TextEditor, force = false): void {
        const uri = this.state.documentUri;
        if (!uri || editor.document.uri.toString() !== uri.toString()) {
            return;
        }
        const result = this.previews.cached(uri);
        if (!result) {
            return;
        }
        const position = editor.selection.active;
        const charter = charterAt(result, position);
        if (charter && charter !== this.state.charter && result.charters.length > 1) {
            this.state.charter = charter;
            void this.render(result);
            return;
        }
        if (!vscode.workspace.getConfiguration('entente.preview').get<boolean>('highlightSelection', true)) {
            return;
        }
        const element = elementAt(result, this.previews.key(uri), position);
        if (force || element !== this.highlighted) {
            this.highlighted = element;
            this.post({ type: 'highlight', element });
        }
    }

    protected post(message: ToWebview): void {
        if (message.type === 'update' || message.type === 'empty') {
            this.lastMessage = message;
        }
        if (message.type === 'empty') {
            this.lastRendered = undefined;
        }
        void this.panel.webview.postMessage(message);
    }

    /**
     * The page, with the webview's script and stylesheet in it (read once): the webview runs its
     * script as soon as the page is parsed instead of fetching two files through VS Code's resource
     * loading first (a few hundred ms in a browser workbench). Linked, should they not be readable.
     */
    protected async setHtml(): Promise<void> {
        const webview = this.panel.webview;
        const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
        const assets = await webviewAssets(this.extensionUri);
        if (this.disposed) {
            return;
        }
        webview.html = buildPreviewHtml({
            cspSource: webview.cspSource,
            nonce: createNonce(randomBytes(32)),
            ...assets ?? {
                scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
                styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString()
            },
            // The view to open on, in the page itself: no round trip, and no other tab drawn first.
            view: this.state.view
        });
    }

    dispose(): void {
        if (this.disposed) {
            return;
        }
        this.disposed = true;
        this.documentWatch?.dispose();
        this.disposeEmitter.fire();
        this.disposeEmitter.dispose();
        this.drawEmitter.dispose();
        vscode.Disposable.from(...this.disposables).dispose();
        this.disposables.length = 0;
        this.panel.dispose();
    }
}

let assets: Promise<{ script: string; style: string } | undefined> | undefined;

/** The webview's bundled script and stylesheet (read once per session; undefined when unreadable). */
export function webviewAssets(extensionUri: vscode.Uri): Promise<{ script: string; style: string } | undefined> {
    const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', name)));
    assets ??= Promise.all([read('webview.js'), read('webview.css')]).then(([script, style]) => ({ script, style }), () => undefined);
    return assets;
}

/** The state a revived panel starts from. */
export function panelStateFrom(persisted: PersistedPreviewState, defaultView: ViewId): PanelState {
    return {
        documentUri: persisted.documentUri ? vscode.Uri.parse(persisted.documentUri) : undefined,
        charter: persisted.charter,
        viewAsParty: persisted.viewAsParty,
        view: persisted.view ?? defaultView
    };
}

function label(uri: vscode.Uri): string {
    return uri.path.split('/').pop() ?? uri.toString();
}
