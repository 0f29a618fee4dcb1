/// <reference lib="dom" />
/**
 * The Entente playground: a static page (scripts/build-web.mjs inlines this
 * bundle, the language server's worker bundle and the examples into one
 * index.html) with CodeMirror and its LSP client talking to the language
 * server in a web worker, and the live preview beside it: the same SVG views
 * as `entente render` and the editor's preview. The charter is kept in the
 * URL fragment, so a link shares it. No server: it opens from file:// too
 * (the worker starts from a blob: URL).
 */
import { LSPClient, languageServerExtensions, type Transport } from '@codemirror/lsp-client';
import { StreamLanguage } from '@codemirror/language';
import { basicSetup, EditorView } from 'codemirror';
import { renderViews, VIEW_IDS, type RenderInput, type ViewId } from '@entente/diagrams';
import type { PreviewRequest } from '@entente/language/protocol';
import { count } from '@entente/language/wording';
import { sanitiseSvg } from '../../vscode/src/webview/svg-sanitizer.js';

interface Example {
    id: string;
    title: string;
    text: string;
}

// Put in by the build (esbuild `define`): the worker's source and the examples.
declare const ENTENTE_WORKER_SOURCE: string;
declare const ENTENTE_EXAMPLES: Example[];

const DOCUMENT_URI = 'file:///playground/charter.charter';
/** The smallest a view is drawn at to fit the preview pane, of its own size; beyond, it scrolls. */
const MIN_SCALE = 0.8;
const VIEW_TITLES: Record<ViewId, string> = {
    health: 'Health', governance: 'Governance map', matrix: 'Decision rights', escalation: 'Escalation', balance: 'Balance'
};
const KEYWORDS = /^(?:party|role|charter|parties|vision|term|from|to|review|every|objective|body|members|votes|by|chair|rotates|meets|decision|proposed|decided|consults|informs|escalates|escalation|level|within|finally|commitment|owner|due|status|supports|metric|kind|target|cadence|tracks|benefits|exit|notice|reserved|unanimity|consensus|majority|mediation|arbitration|executive-decision|yearly|quarterly|monthly|weekly|days|months|years)\b/;

/** Highlighting of charters: keywords, strings, comments, dates and numbers (the TextMate grammar's main scopes). */
const charterLanguage = StreamLanguage.define<null>({
    name: 'charter',
    startState: () => null,
    token(stream) {
        if (stream.eatSpace()) {
            return null;
        }
        if (stream.match(/^\/\/.*/)) {
            return 'comment';
        }
        if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
            return 'string';
        }
        if (stream.match(/^\d{4}-\d{2}-\d{2}/) || stream.match(/^\d+(?:\.\d+)?/)) {
            return 'number';
        }
        if (stream.match(KEYWORDS)) {
            return 'keyword';
        }
        if (stream.match(/^[A-Za-z_][A-Za-z0-9_]*/)) {
            return 'variableName';
        }
        stream.next();
        return null;
    },
    languageData: { commentTokens: { line: '//' } }
});

/** The worker's messages as the JSON strings the LSP client sends and receives. */
function workerTransport(worker: Worker): Transport {
    const handlers = new Set<(message: string) => void>();
    worker.addEventListener('message', event => {
        const text = JSON.stringify(event.data);
        for (const handler of handlers) {
            handler(text);
        }
    });
    return {
        send: message => worker.postMessage(JSON.parse(message)),
        subscribe: handler => { handlers.add(handler); },
        unsubscribe: handler => { handlers.delete(handler); }
    };
}

/** The charter in the fragment: `#charter=` and the text as URL-safe base64 of its UTF-8. */
export function encodeCharter(text: string): string {
    let binary = '';
    for (const byte of new TextEncoder().encode(text)) {
        binary += String.fromCharCode(byte);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCharter(encoded: string): string | undefined {
    try {
        const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
        return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, character => character.charCodeAt(0)));
    } catch {
        return undefined;
    }
}

function charterInFragment(): string | undefined {
    const match = /^#charter=([A-Za-z0-9_-]*)$/.exec(location.hash);
    return match ? decodeCharter(match[1]!) : undefined;
}

function element<T extends HTMLElement>(id: string): T {
    return document.getElementById(id) as T;
}

function start(): void {
    const picker = element<HTMLSelectElement>('example');
    for (const example of ENTENTE_EXAMPLES) {
        picker.append(new Option(example.title, example.id));
    }
    const fromLink = charterInFragment();
    if (fromLink !== undefined) {
        picker.append(new Option('(from the link)', ''));
        picker.value = '';
    }
    const initial = fromLink ?? ENTENTE_EXAMPLES[0]!.text;

    const worker = new Worker(URL.createObjectURL(new Blob([ENTENTE_WORKER_SOURCE], { type: 'text/javascript' })), { name: 'entente-language-server' });
    let previewTimer: ReturnType<typeof setTimeout> | undefined;
    const client = new LSPClient({
        rootUri: 'file:///playground/',
        extensions: languageServerExtensions(),
        notificationHandlers: {
            'entente/modelChanged': (_client, params: { uri: string }) => {
                if (params.uri === DOCUMENT_URI) {
                    clearTimeout(previewTimer);
                    previewTimer = setTimeout(() => void preview(), 50);
                }
                return true;
            }
        }
    }).connect(workerTransport(worker));

    let fragmentTimer: ReturnType<typeof setTimeout> | undefined;
    const view = new EditorView({
        doc: initial,
        parent: element('editor'),
        extensions: [
            basicSetup,
            charterLanguage,
            client.plugin(DOCUMENT_URI, 'charter'),
            EditorView.updateListener.of(update => {
                if (update.docChanged) {
                    clearTimeout(fragmentTimer);
                    fragmentTimer = setTimeout(() => {
                        history.replaceState(null, '', `#charter=${encodeCharter(update.state.doc.toString())}`);
                    }, 250);
                }
            })
        ]
    });

    const replaceText = (text: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    picker.addEventListener('change', () => {
        const example = ENTENTE_EXAMPLES.find(candidate => candidate.id === picker.value);
        if (example) {
            replaceText(example.text);
        }
    });
    window.addEventListener('hashchange', () => {
        const text = charterInFragment();
        if (text !== undefined && text !== view.state.doc.toString()) {
            replaceText(text);
        }
    });
    element<HTMLButtonElement>('share').addEventListener('click', () => {
        history.replaceState(null, '', `#charter=${encodeCharter(view.state.doc.toString())}`);
        void navigator.clipboard?.writeText(location.href).then(() => setStatus('Link copied'), () => setStatus('The link is in the address bar'));
    });

    let activeView: ViewId = 'governance';
    let views: Record<ViewId, string> | undefined;
    const tabs = element('tabs');
    for (const id of VIEW_IDS) {
        const button = document.createElement('button');
        button.textContent = VIEW_TITLES[id];
        button.dataset.view = id;
        button.addEventListener('click', () => {
            activeView = id;
            showView();
        });
        tabs.append(button);
    }

    function setStatus(text: string): void {
        element('status').textContent = text;
    }

    function showView(): void {
        for (const button of tabs.querySelectorAll('button')) {
            button.setAttribute('aria-selected', String(button.dataset.view === activeView));
        }
        const target = element('view');
        target.replaceChildren();
        if (!views) {
            return;
        }
        const svg = sanitiseSvg(views[activeView], document);
        if ('error' in svg) {
            target.textContent = `This view could not be shown: ${svg.error}`;
        } else {
            // Shrunk to fit the pane, but no further than MIN_SCALE (a 12 px name at 9.6 px): a wider view
            // scrolls sideways in its own box (#view), as the report's views do.
            const width = Number(svg.getAttribute('width'));
            if (width > 0) {
                svg.style.minWidth = `${Math.ceil(width * MIN_SCALE)}px`;
            }
            target.append(svg);
        }
    }

    let drawing = 0;
    /** The last preview the server sent, and the charter of it shown (by name; the first when it is gone). */
    let shown: PreviewRequest.Result | undefined;
    let activeCharter: string | undefined;
    const charterPicker = element('charters');

    async function preview(): Promise<void> {
        const run = ++drawing;
        const result = await client.request<PreviewRequest.Params, PreviewRequest.Result | null>('entente/preview', { uri: DOCUMENT_URI });
        if (run !== drawing || !result) {
            return;
        }
        shown = result;
        await showCharter(run, result);
    }

    /**
     * A text of several charters: one button each above the views, the one shown pressed; a click draws
     * that charter's views and lists its findings. One charter alone: no buttons.
     */
    function showCharterPicker(result: PreviewRequest.Result, current: string): void {
        charterPicker.replaceChildren();
        charterPicker.hidden = result.charters.length < 2;
        if (charterPicker.hidden) {
            return;
        }
        for (const candidate of result.charters) {
            const button = document.createElement('button');
            button.type = 'button';
            const name = candidate.model.name || 'unnamed charter';
            button.textContent = name;
            button.title = candidate.model.title ?? name;
            button.dataset.charter = candidate.model.name;
            button.setAttribute('aria-pressed', String(candidate.model.name === current));
            button.addEventListener('click', () => {
                activeCharter = candidate.model.name;
                if (shown) {
                    void showCharter(++drawing, shown);
                }
            });
            charterPicker.append(button);
        }
    }

    async function showCharter(run: number, result: PreviewRequest.Result): Promise<void> {
        const charter = result.charters.find(candidate => candidate.model.name === activeCharter) ?? result.charters[0];
        showCharterPicker(result, charter?.model.name ?? '');
        const findings = element('findings');
        findings.replaceChildren();
        if (!charter) {
            views = undefined;
            showView();
            element('view').textContent = result.parties.length ? 'Parties only: write a charter that names them to see its governance.' : 'No charter in the text yet.';
            document.body.dataset.version = String(result.version);
            return;
        }
        const input: RenderInput = {
            charter: charter.model,
            health: charter.health,
            findings: charter.findings.map(finding => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, element: finding.element, line: finding.line })),
            options: {}
        };
        const drawn = await renderViews(input);
        if (run !== drawing) {
            return;
        }
        views = drawn;
        showView();
        for (const finding of charter.findings) {
            const item = document.createElement('li');
            item.className = `finding ${finding.severity}`;
            item.dataset.rule = finding.ruleId;
            item.textContent = `${finding.line ?? ''}: ${finding.message} `;
            const rule = document.createElement('a');
            rule.href = `${result.docsBaseUrl}docs/rules/${finding.ruleId}.md`;
            rule.target = '_blank';
            rule.rel = 'noopener';
            rule.textContent = finding.ruleId;
            item.append(rule);
            item.addEventListener('click', event => {
                if (event.target === rule) {
                    return;
                }
                const line = view.state.doc.line(Math.min(finding.range.start.line + 1, view.state.doc.lines));
                view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
                view.focus();
            });
            findings.append(item);
        }
        if (charter.findings.length === 0) {
            // An empty list under its heading reads as a list that failed to load.
            const none = document.createElement('li');
            none.className = 'no-findings';
            none.textContent = 'No findings.';
            findings.append(none);
        }
        const health = charter.health && charter.health.score !== null ? `health ${charter.health.score} ${charter.health.band ?? ''}`.trimEnd() : '';
        const place = result.charters.length > 1 ? ` (charter ${result.charters.indexOf(charter) + 1} of ${result.charters.length})` : '';
        setStatus(`${charter.model.name}: ${count(charter.findings.length, 'finding')}${health ? `, ${health}` : ''}${place}`);
        document.body.dataset.version = String(result.version);
    }
}

start();
