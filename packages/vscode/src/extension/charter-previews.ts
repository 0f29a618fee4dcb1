import { ModelChangedNotification, PreviewRequest } from '@entente/language/protocol';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';

/** When a result was asked for and came (Date.now()), and when the server last said its document changed before that. */
export interface FetchTiming {
    /** The server's `entente/modelChanged` that led to this fetch (absent when nothing did: a first fetch). */
    changedAt?: number;
    requestedAt: number;
    answeredAt: number;
}

/**
 * What the server knows of each watched document (models, health, findings),
 * fetched with `entente/preview` and refreshed whenever the server sends
 * `entente/modelChanged`: at once, or after `entente.preview.debounceMs`. A
 * change that comes while a document's request is on its way is fetched once
 * that answer is in, so a burst of keystrokes costs one request at a time and
 * the last one is always fetched. The preview panel, the status bar and the
 * commands all read from here, so each change costs one request.
 */
export class CharterPreviews implements vscode.Disposable {
    protected readonly results = new Map<string, PreviewRequest.Result>();
    protected readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
    /** Documents whose request is on its way (asking again meanwhile waits for its answer), and those changed meanwhile (fetched again after it). */
    protected readonly inFlight = new Map<string, Promise<PreviewRequest.Result | undefined>>();
    protected readonly changedMeanwhile = new Set<string>();
    /** When the server last said a document changed, until it is fetched. */
    protected readonly changedAt = new Map<string, number>();
    protected readonly timings = new WeakMap<PreviewRequest.Result, FetchTiming>();
    protected readonly watchers = new Map<string, number>();
    protected readonly updates = new vscode.EventEmitter<PreviewRequest.Result>();
    protected readonly disposables: vscode.Disposable[] = [];

    /** Base URL of the rule docs, as the server last said. */
    docsBaseUrl = 'https://github.com/entente-charters/entente/blob/main/';

    /** Fires with each new result of a watched document. */
    readonly onDidUpdate = this.updates.event;

    constructor(protected readonly client: LanguageClient) {
        this.disposables.push(
            this.updates,
            client.onNotification(ModelChangedNotification.type, params => {
                this.changedAt.set(params.uri, Date.now());
                this.schedule(params.uri);
            }),
            // A document closed and opened again (an untitled name is reused) starts its versions again.
            vscode.workspace.onDidCloseTextDocument(document => this.forget(document.uri)),
            vscode.workspace.onDidOpenTextDocument(document => this.forget(document.uri)),
            client.onDidChangeState(event => {
                if (event.newState === State.Running) {
                    // A restarted server has new models: refetch what is watched.
                    this.results.clear();
                    for (const uri of this.watchers.keys()) {
                        this.schedule(uri);
                    }
                }
            })
        );
    }

    /** The protocol URI of a document (the server's key for it). */
    key(uri: vscode.Uri): string {
        return this.client.code2ProtocolConverter.asUri(uri);
    }

    /** The latest result for a document, if any was fetched. */
    cached(uri: vscode.Uri): PreviewRequest.Result | undefined {
        return this.results.get(this.key(uri));
    }

    /** Keeps a document's result fresh until the returned disposable is disposed. */
    watch(uri: vscode.Uri): vscode.Disposable {
        const key = this.key(uri);
        this.watchers.set(key, (this.watchers.get(key) ?? 0) + 1);
        return new vscode.Disposable(() => {
            const count = (this.watchers.get(key) ?? 1) - 1;
            if (count > 0) {
                this.watchers.set(key, count);
            } else {
                this.watchers.delete(key);
                this.results.delete(key);
            }
        });
    }

    protected forget(uri: vscode.Uri): void {
        this.results.delete(this.key(uri));
    }

    /** Asks the server now (waits for it to start); undefined when it does not know the document. */
    async fetch(uri: vscode.Uri): Promise<PreviewRequest.Result | undefined> {
        return this.fetchKey(this.key(uri));
    }

    /** When a result was fetched, and what led to it. */
    timingOf(result: PreviewRequest.Result): FetchTiming | undefined {
        return this.timings.get(result);
    }

    protected fetchKey(key: string): Promise<PreviewRequest.Result | undefined> {
        const running = this.inFlight.get(key);
        if (running) {
            return running;
        }
        const request = this.request(key).finally(() => {
            this.inFlight.delete(key);
            if (this.changedMeanwhile.delete(key)) {
                this.schedule(key);
            }
        });
        this.inFlight.set(key, request);
        return request;
    }

    protected async request(key: string): Promise<PreviewRequest.Result | undefined> {
        if (this.client.state !== State.Running) {
            await this.whenRunning();
        }
        const changedAt = this.changedAt.get(key);
        this.changedAt.delete(key);
        const requestedAt = Date.now();
        const result = await this.client.sendRequest(PreviewRequest.type, { uri: key }) ?? undefined;
        if (!result) {
            return undefined;
        }
        this.timings.set(result, { changedAt, requestedAt, answeredAt: Date.now() });
        this.docsBaseUrl = result.docsBaseUrl;
        const previous = this.results.get(key);
        // A slow answer about an older version must not replace a newer one.
        if (previous && previous.version > result.version) {
            return previous;
        }
        if (this.watchers.has(key)) {
            this.results.set(key, result);
        }
        this.updates.fire(result);
        return result;
    }

    protected schedule(key: string): void {
        if (!this.watchers.has(key)) {
            return;
        }
        if (this.inFlight.has(key)) {
            this.changedMeanwhile.add(key);
            return;
        }
        clearTimeout(this.timers.get(key));
        const fetch = () => {
            this.timers.delete(key);
            this.fetchKey(key).catch(error => this.client.warn(`entente/preview failed for ${key}`, error));
        };
        const delay = vscode.workspace.getConfiguration('entente.preview').get<number>('debounceMs', 0);
        if (delay > 0) {
            this.timers.set(key, setTimeout(fetch, delay));
        } else {
            fetch();
        }
    }

    /** Resolves once the client runs; rejects when it does not start in time (the caller shows an error). */
    protected whenRunning(timeoutMs = 30_000): Promise<void> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                listener.dispose();
                reject(new Error('the Entente language server is not running'));
            }, timeoutMs);
            const listener = this.client.onDidChangeState(event => {
                if (event.newState === State.Running) {
                    clearTimeout(timer);
                    listener.dispose();
                    resolve();
                }
            });
            if (this.client.state === State.Running) {
                clearTimeout(timer);
                listener.dispose();
                resolve();
            }
        });
    }

    dispose(): void {
        for (const timer of this.timers.values()) {
            clearTimeout(timer);
        }
        vscode.Disposable.from(...this.disposables).dispose();
    }
}
