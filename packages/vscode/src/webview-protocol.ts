/**
 * Messages between the preview panel host (extension) and the preview webview.
 * Both sides import this file; every message is tagged by `type`. The extension
 * forwards what it gets from the language server; the webview never talks to
 * the server. Nothing here may import `vscode` or the DOM.
 */

export type ViewId = 'health' | 'governance' | 'matrix' | 'escalation' | 'balance' | 'timeline' | 'trends' | 'radar';

/** The views in the order of the preview's tabs, with their tab labels. */
export const PREVIEW_VIEWS: ReadonlyArray<{ id: ViewId; label: string }> = [
    { id: 'health', label: 'Health' },
    { id: 'governance', label: 'Governance map' },
    { id: 'matrix', label: 'Decision rights' },
    { id: 'escalation', label: 'Escalation ladder' },
    { id: 'balance', label: 'Balance' },
    { id: 'timeline', label: 'Timeline' },
    { id: 'trends', label: 'Metric trends' },
    { id: 'radar', label: 'Perception' }
];

export function isViewId(value: unknown): value is ViewId {
    return typeof value === 'string' && PREVIEW_VIEWS.some(view => view.id === value);
}

/** A charter of the previewed document, for the charter selector. */
export interface CharterSummary {
    name: string;
    title?: string;
    score: number | null;
    band?: 'healthy' | 'at-risk' | 'critical';
    errors: number;
    warnings: number;
}

/** What the preview shows for one charter. */
export interface PreviewContent {
    /** URI of the previewed document. */
    documentUri: string;
    /** File name, for the header. */
    documentLabel: string;
    documentVersion: number;
    charters: CharterSummary[];
    /** The charter shown (one of `charters`). */
    charter: string;
    /** The shown charter's parties, for the "View as party" selector. */
    parties: string[];
    viewAsParty?: string;
    /** SVG text of each view, drawn by @entente/diagrams (charter text inside is escaped). */
    views: Record<ViewId, string>;
}

/** Extension → webview. */
export type ToWebview =
    /** `id` numbers the updates a panel sends; the webview says when it drew each (`drawn`). */
    | { type: 'update'; id: number; content: PreviewContent }
    /** The document has nothing to draw (no charter, or the server does not know it). */
    | { type: 'empty'; documentUri?: string; documentLabel?: string; message: string }
    /** Highlight the element under the editor's cursor (undefined: none). */
    | { type: 'highlight'; element?: string }
    /** Show a view (e.g. after "Show health" from the editor). */
    | { type: 'showView'; view: ViewId };

/** Webview → extension. */
export type FromWebview =
    /**
     * The script has started and listens; the host sends the content. `frameStartedAt`: when the
     * webview's page started loading; `scriptStartedAt`: when this script started (the webview's clock).
     */
    | { type: 'ready'; frameStartedAt?: number; scriptStartedAt?: number }
    /** An element was clicked: reveal and select its source. */
    | { type: 'reveal'; element: string }
    | { type: 'selectCharter'; charter: string }
    /** Show the charter from one party's side; undefined: every party. */
    | { type: 'viewAsParty'; party?: string }
    /** The view shown changed (kept by the host for a reload). */
    | { type: 'viewChanged'; view: ViewId }
    | { type: 'export' }
    /**
     * An update is drawn: the view shown, on screen (after the next frame). `receivedAt` and
     * `drawnAt` are the webview's clock (Date.now(): the same machine's as the extension host's),
     * for the preview's timings (issue #20's bench rows). `changed`: the elements it highlights
     * as new or changed since the drawing before.
     */
    | { type: 'drawn'; id: number; view: ViewId; receivedAt: number; drawnAt: number; changed: string[] };

/** What the webview keeps with `setState`, handed back to the serializer after a window reload. */
export interface PersistedPreviewState {
    documentUri?: string;
    charter?: string;
    viewAsParty?: string;
    view?: ViewId;
    /** Scroll offsets per view. */
    scroll?: Partial<Record<ViewId, { top: number; left: number }>>;
    /** Zoom factor of the drawings (1 = their own size). */
    zoom?: number;
    /** Whether the drawings are shrunk to the pane's width (the default); false once the reader zooms. */
    fit?: boolean;
}

/** Whether a value received by the webview is a message of this protocol. */
export function isToWebview(value: unknown): value is ToWebview {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const message = value as { type?: unknown; content?: unknown; view?: unknown; message?: unknown; element?: unknown };
    switch (message.type) {
        case 'update':
            return typeof message.content === 'object' && message.content !== null && typeof (value as { id?: unknown }).id === 'number';
        case 'empty':
            return typeof message.message === 'string';
        case 'highlight':
            return message.element === undefined || typeof message.element === 'string';
        case 'showView':
            return isViewId(message.view);
        default:
            return false;
    }
}

/** Whether a value received by the host is a message of this protocol (the webview is less trusted than the host). */
export function isFromWebview(value: unknown): value is FromWebview {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const message = value as { type?: unknown; element?: unknown; charter?: unknown; party?: unknown; view?: unknown };
    switch (message.type) {
        case 'ready':
        case 'export':
            return true;
        case 'reveal':
            return typeof message.element === 'string' && message.element.length > 0 && message.element.length < 1000;
        case 'selectCharter':
            return typeof message.charter === 'string';
        case 'viewAsParty':
            return message.party === undefined || typeof message.party === 'string';
        case 'viewChanged':
            return isViewId(message.view);
        case 'drawn': {
            const drawn = value as { id?: unknown; receivedAt?: unknown; drawnAt?: unknown; changed?: unknown };
            return typeof drawn.id === 'number' && isViewId(message.view) && typeof drawn.receivedAt === 'number' && typeof drawn.drawnAt === 'number'
                && Array.isArray(drawn.changed) && drawn.changed.length < 10_000 && drawn.changed.every(element => typeof element === 'string');
        }
        default:
            return false;
    }
}

/** Reads a persisted state defensively (it comes back from disk after a reload). */
export function readPersistedState(value: unknown): PersistedPreviewState {
    if (typeof value !== 'object' || value === null) {
        return {};
    }
    const state = value as Record<string, unknown>;
    const text = (key: string) => typeof state[key] === 'string' ? state[key] as string : undefined;
    const scroll: PersistedPreviewState['scroll'] = {};
    if (typeof state.scroll === 'object' && state.scroll !== null) {
        for (const [view, offsets] of Object.entries(state.scroll as Record<string, unknown>)) {
            const { top, left } = (offsets ?? {}) as { top?: unknown; left?: unknown };
            if (isViewId(view) && typeof top === 'number' && typeof left === 'number') {
                scroll[view] = { top, left };
            }
        }
    }
    return {
        documentUri: text('documentUri'),
        charter: text('charter'),
        viewAsParty: text('viewAsParty'),
        view: isViewId(state.view) ? state.view : undefined,
        scroll,
        zoom: typeof state.zoom === 'number' && state.zoom >= 0.25 && state.zoom <= 4 ? state.zoom : undefined,
        ...(typeof state.fit === 'boolean' ? { fit: state.fit } : {})
    };
}
