/// <reference lib="dom" />
/**
 * The preview webview's script (browser only; no Langium, no vscode module).
 * It shows the views the extension sends, keeps the tab, scroll and selectors
 * across updates and reloads, and reports clicks on drawn elements.
 */
import {
    isToWebview, isViewId, PREVIEW_VIEWS, readPersistedState, type FromWebview, type PersistedPreviewState, type PreviewContent, type ToWebview, type ViewId
} from '../webview-protocol.js';
import { sanitiseSvg } from './svg-sanitizer.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): unknown;
    setState(state: PersistedPreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const scriptStartedAt = Date.now();
const vscode = acquireVsCodeApi();
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const persisted = readPersistedState(vscode.getState());
const opening = document.body.dataset.view;
let currentView: ViewId = isViewId(opening) ? opening : persisted.view ?? 'health';
let content: PreviewContent | undefined;
let highlighted: string | undefined;
const scroll: NonNullable<PersistedPreviewState['scroll']> = { ...persisted.scroll };
const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
let zoom = persisted.zoom ?? 1;
/** Fit to width: each drawing shrinks to the pane's width (never grows past its own size); the default on open. */
let fit = persisted.fit ?? true;
/** The drawing (SVG text) each view shows, and the drawings an update left for views not shown (drawn soon after, or when shown). */
const drawn = new Map<ViewId, string>();
const pending = new Map<ViewId, string>();
let pendingTimer: ReturnType<typeof setTimeout> | undefined;
/** What the drawings are of (document, charter, party): a drawing of another one is no edit, so nothing in it is "changed". */
let subject = '';
const drawnSubject = new Map<ViewId, string>();

const tabs = document.getElementById('tabs')!;
const views = document.getElementById('views')!;
const empty = document.getElementById('empty')!;
const status = document.getElementById('status')!;
const charterLabel = document.getElementById('charter-label')!;
const charterSelect = document.getElementById('charter-select') as HTMLSelectElement;
const partySelect = document.getElementById('party-select') as HTMLSelectElement;

const panels = new Map<ViewId, HTMLElement>();
for (const view of PREVIEW_VIEWS) {
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.className = 'tab';
    tab.id = `tab-${view.id}`;
    tab.dataset.view = view.id;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', `view-${view.id}`);
    tab.textContent = view.label;
    tab.addEventListener('click', () => selectView(view.id, true));
    tabs.appendChild(tab);

    const panel = document.createElement('section');
    panel.className = 'view';
    panel.id = `view-${view.id}`;
    panel.dataset.view = view.id;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.addEventListener('scroll', () => {
        scroll[view.id] = { top: panel.scrollTop, left: panel.scrollLeft };
        saveState();
    }, { passive: true });
    views.appendChild(panel);
    panels.set(view.id, panel);
}

function saveState(): void {
    vscode.setState({
        documentUri: content?.documentUri ?? persisted.documentUri,
        charter: content?.charter ?? persisted.charter,
        viewAsParty: content ? content.viewAsParty : persisted.viewAsParty,
        view: currentView,
        scroll,
        zoom,
        fit
    });
}

function selectView(view: ViewId, byUser: boolean): void {
    currentView = view;
    for (const tab of Array.from(tabs.querySelectorAll<HTMLButtonElement>('.tab'))) {
        const selected = tab.dataset.view === view;
        tab.classList.toggle('selected', selected);
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
    }
    const waiting = pending.get(view);
    if (waiting !== undefined) {
        draw(view, waiting);
    }
    for (const [id, panel] of panels) {
        panel.hidden = id !== view;
    }
    restoreScroll(view);
    resizeDrawings();
    saveState();
    if (byUser) {
        vscode.postMessage({ type: 'viewChanged', view });
    }
}

function restoreScroll(view: ViewId): void {
    const panel = panels.get(view);
    const offsets = scroll[view];
    if (panel && offsets) {
        panel.scrollTop = offsets.top;
        panel.scrollLeft = offsets.left;
    }
}

function replaceOptions(select: HTMLSelectElement, options: Array<{ value: string; label: string }>, value: string): void {
    select.replaceChildren(...options.map(option => {
        const element = document.createElement('option');
        element.value = option.value;
        element.textContent = option.label;
        return element;
    }));
    select.value = value;
}

/**
 * Draws a view (sanitised; its scroll kept). When it redraws the same charter as before, the elements
 * and edges that are new or whose text changed get `entente-changed` (a brief highlight, preview.css);
 * returns their ids.
 */
function draw(view: ViewId, svg: string): string[] {
    const panel = panels.get(view)!;
    pending.delete(view);
    if (drawn.get(view) === svg) {
        return [];
    }
    const before = drawnSubject.get(view) === subject ? signatures(panel) : undefined;
    drawn.set(view, svg);
    drawnSubject.set(view, subject);
    const { scrollTop, scrollLeft } = panel;
    const sanitised = sanitiseSvg(svg, document, { nonce });
    if ('error' in sanitised) {
        const message = document.createElement('p');
        message.className = 'error';
        message.textContent = sanitised.error;
        panel.replaceChildren(message);
        return [];
    }
    for (const element of Array.from(sanitised.querySelectorAll('[data-element]'))) {
        element.setAttribute('tabindex', '0');
        element.classList.add('entente-element');
    }
    const changed = before ? markChanged(sanitised, before) : [];
    naturalSize(sanitised);
    sizeDrawing(sanitised);
    panel.replaceChildren(sanitised);
    // The panel element stays: its scroll survives the redraw.
    panel.scrollTop = scrollTop;
    panel.scrollLeft = scrollLeft;
    return changed;
}

/** What each drawn element says (its texts, tooltip included) and which edges there are: what an edit changes. */
function signatures(root: ParentNode): Map<string, string> {
    const result = new Map<string, string>();
    for (const element of Array.from(root.querySelectorAll('[data-element]'))) {
        const id = element.getAttribute('data-element')!;
        result.set(id, `${result.get(id) ?? ''}\u0000${element.textContent ?? ''}`);
    }
    for (const edge of Array.from(root.querySelectorAll('[data-edge]'))) {
        result.set(`edge ${edge.getAttribute('data-edge')}`, '');
    }
    return result;
}

/** Marks what is new or changed in a drawing since `before` (see `signatures`); returns the ids, edges as `edge <id>`. */
function markChanged(svg: SVGSVGElement, before: Map<string, string>): string[] {
    const after = signatures(svg);
    const changed = [...after].filter(([id, signature]) => before.get(id) !== signature).map(([id]) => id);
    const marked = new Set(changed);
    for (const element of Array.from(svg.querySelectorAll('[data-element], [data-edge]'))) {
        const id = element.hasAttribute('data-element') ? element.getAttribute('data-element')! : `edge ${element.getAttribute('data-edge')}`;
        if (marked.has(id)) {
            element.classList.add('entente-changed');
        }
    }
    return changed;
}

/** Draws the views an update left waiting, one a task, so that the view shown and the reader's input come first. */
function drawPendingSoon(): void {
    if (pendingTimer !== undefined || pending.size === 0) {
        return;
    }
    pendingTimer = setTimeout(() => {
        pendingTimer = undefined;
        const next = PREVIEW_VIEWS.find(view => pending.has(view.id));
        if (next) {
            draw(next.id, pending.get(next.id)!);
            drawPendingSoon();
        }
    }, 0);
}

/** Runs after the next frame is on screen (or soon, should no frame come: a hidden webview). */
function afterNextFrame(callback: () => void): void {
    let done = false;
    const once = () => {
        if (!done) {
            done = true;
            callback();
        }
    };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 500);
}

/** Gives a drawing a viewBox (so it scales) and remembers its own size. */
function naturalSize(svg: SVGSVGElement): void {
    const width = parseFloat(svg.getAttribute('width') ?? '');
    const height = parseFloat(svg.getAttribute('height') ?? '');
    const box = svg.viewBox.baseVal;
    const naturalWidth = box && box.width > 0 ? box.width : width;
    const naturalHeight = box && box.width > 0 ? box.height : height;
    if (!(naturalWidth > 0 && naturalHeight > 0)) {
        return;
    }
    if (!svg.hasAttribute('viewBox')) {
        svg.setAttribute('viewBox', `0 0 ${naturalWidth} ${naturalHeight}`);
    }
    svg.dataset.naturalWidth = String(Number.isFinite(width) && width > 0 ? width : naturalWidth);
    svg.dataset.naturalHeight = String(Number.isFinite(height) && height > 0 ? height : naturalHeight);
}

/** The width a drawing may take in its pane (the pane's padding left out). */
function paneWidth(): number {
    return Math.max(0, views.clientWidth - VIEW_PADDING);
}
const VIEW_PADDING = 24;

/** The scale a drawing is shown at: the zoom, or when fitting, whatever makes it as wide as the pane at most. */
function scaleOf(svg: SVGSVGElement): number {
    const width = Number(svg.dataset.naturalWidth);
    if (!fit || !(width > 0)) {
        return zoom;
    }
    const available = paneWidth();
    return available > 0 ? Math.min(1, available / width) : 1;
}

function sizeDrawing(svg: SVGSVGElement): void {
    const width = Number(svg.dataset.naturalWidth);
    const height = Number(svg.dataset.naturalHeight);
    if (width > 0 && height > 0) {
        const scale = scaleOf(svg);
        // CSSOM, not attributes: allowed under the CSP.
        svg.style.width = `${width * scale}px`;
        svg.style.height = `${height * scale}px`;
    }
}

function resizeDrawings(): void {
    for (const svg of Array.from(views.querySelectorAll<SVGSVGElement>('.view > svg'))) {
        sizeDrawing(svg);
    }
    const shown = panels.get(currentView)?.querySelector<SVGSVGElement>('svg');
    const scale = fit ? (shown ? scaleOf(shown) : 1) : zoom;
    document.getElementById('zoom-reset')!.textContent = `${Math.round(scale * 100)}%`;
    const fitButton = document.getElementById('zoom-fit')!;
    fitButton.setAttribute('aria-pressed', String(fit));
    fitButton.classList.toggle('pressed', fit);
}

function setZoom(next: number): void {
    zoom = Math.min(4, Math.max(0.25, next));
    fit = false;
    resizeDrawings();
    saveState();
}

function setFit(next: boolean): void {
    fit = next;
    resizeDrawings();
    saveState();
}

function stepZoom(direction: 1 | -1): void {
    // From fit to width, zooming starts at the scale the reader sees.
    const shown = panels.get(currentView)?.querySelector<SVGSVGElement>('svg');
    const current = fit && shown ? scaleOf(shown) : zoom;
    const next = direction > 0 ? ZOOM_STEPS.find(step => step > current + 1e-6) : [...ZOOM_STEPS].reverse().find(step => step < current - 1e-6);
    setZoom(next ?? current);
}

function update(id: number, next: PreviewContent): void {
    const receivedAt = Date.now();
    const firstContent = content === undefined;
    content = next;
    subject = JSON.stringify([next.documentUri, next.charter, next.viewAsParty ?? '']);
    empty.hidden = true;
    views.hidden = false;
    // The view shown is drawn now; the others once it is on screen.
    for (const view of PREVIEW_VIEWS) {
        const svg = next.views[view.id] ?? '';
        if (drawn.get(view.id) === svg) {
            pending.delete(view.id);
        } else {
            pending.set(view.id, svg);
        }
    }
    const shownView = currentView;
    const changed = pending.has(shownView) ? draw(shownView, pending.get(shownView)!) : [];
    charterLabel.hidden = next.charters.length < 2;
    replaceOptions(charterSelect, next.charters.map(charter => ({
        value: charter.name,
        label: charter.score === null ? charter.name : `${charter.name} (${charter.score})`
    })), next.charter);
    replaceOptions(partySelect, [{ value: '', label: 'every party' }, ...next.parties.map(party => ({ value: party, label: party }))], next.viewAsParty ?? '');
    const shown = next.charters.find(charter => charter.name === next.charter);
    const counts = shown ? `${countOf(shown.errors, 'error')}, ${countOf(shown.warnings, 'warning')}` : '';
    status.textContent = `${next.documentLabel} · ${next.charter}${shown?.score !== null && shown?.score !== undefined ? ` · health ${shown.score}` : ''} · ${counts}`;
    document.body.dataset.version = String(next.documentVersion);
    applyHighlight(false);
    resizeDrawings();
    if (firstContent) {
        restoreScroll(currentView);
    }
    saveState();
    afterNextFrame(() => {
        vscode.postMessage({ type: 'drawn', id, view: shownView, receivedAt, drawnAt: Date.now(), changed });
        drawPendingSoon();
    });
}

function showEmpty(message: string, label?: string): void {
    content = undefined;
    drawn.clear();
    pending.clear();
    drawnSubject.clear();
    for (const panel of panels.values()) {
        panel.replaceChildren();
    }
    views.hidden = true;
    empty.hidden = false;
    empty.textContent = message;
    status.textContent = label ?? '';
}

function applyHighlight(scrollIntoView: boolean): void {
    for (const element of Array.from(views.querySelectorAll('.entente-highlight'))) {
        element.classList.remove('entente-highlight');
    }
    if (!highlighted) {
        return;
    }
    let first: Element | undefined;
    for (const element of Array.from(views.querySelectorAll('[data-element]'))) {
        if (element.getAttribute('data-element') === highlighted) {
            element.classList.add('entente-highlight');
            if (!first && panels.get(currentView)?.contains(element)) {
                first = element;
            }
        }
    }
    if (scrollIntoView && first) {
        first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
}

function elementOf(target: EventTarget | null): string | undefined {
    const element = target instanceof Element ? target.closest('[data-element]') : null;
    return element?.getAttribute('data-element') ?? undefined;
}

views.addEventListener('click', event => {
    const element = elementOf(event.target);
    if (element) {
        vscode.postMessage({ type: 'reveal', element });
    }
});
views.addEventListener('keydown', event => {
    const element = elementOf(event.target);
    if (element && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        vscode.postMessage({ type: 'reveal', element });
    }
});
tabs.addEventListener('keydown', event => {
    const index = PREVIEW_VIEWS.findIndex(view => view.id === currentView);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step) {
        const next = PREVIEW_VIEWS[(index + step + PREVIEW_VIEWS.length) % PREVIEW_VIEWS.length];
        selectView(next.id, true);
        document.getElementById(`tab-${next.id}`)?.focus();
    }
});
charterSelect.addEventListener('change', () => vscode.postMessage({ type: 'selectCharter', charter: charterSelect.value }));
document.getElementById('zoom-in')!.addEventListener('click', () => stepZoom(1));
document.getElementById('zoom-out')!.addEventListener('click', () => stepZoom(-1));
document.getElementById('zoom-reset')!.addEventListener('click', () => setZoom(1));
document.getElementById('zoom-fit')!.addEventListener('click', () => setFit(!fit));
window.addEventListener('resize', () => {
    if (fit) {
        resizeDrawings();
    }
});
views.addEventListener('wheel', event => {
    if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        stepZoom(event.deltaY < 0 ? 1 : -1);
    }
}, { passive: false });
document.getElementById('export')!.addEventListener('click', () => vscode.postMessage({ type: 'export' }));
partySelect.addEventListener('change', () => vscode.postMessage({ type: 'viewAsParty', party: partySelect.value || undefined }));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!isToWebview(event.data)) {
        return;
    }
    const message: ToWebview = event.data;
    switch (message.type) {
        case 'update':
            update(message.id, message.content);
            break;
        case 'empty':
            showEmpty(message.message, message.documentLabel);
            break;
        case 'highlight':
            highlighted = message.element;
            applyHighlight(true);
            break;
        case 'showView':
            selectView(message.view, false);
            break;
    }
});

/** "1 error", "2 errors", "0 warnings". */
function countOf(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

selectView(currentView, false);
resizeDrawings();
vscode.postMessage({ type: 'ready', frameStartedAt: Math.round(performance.timeOrigin), scriptStartedAt });
