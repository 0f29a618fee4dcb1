import { ModelChangedNotification, PreviewRequest } from '@entente/language/protocol';
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node.js';

/**
 * What the server knows of each watched document (models, health, findings),
 * fetched with `entente/preview` and refreshed, debounced, whenever the server
 * sends `entente/modelChanged`. The preview panel, the status bar and the
 * commands all read from here, so each change costs one request.
 */
export class CharterPreviews implements vscode.Disposable {
    protected readonly results = new Map<string, PreviewRequest.Result>();
    protected readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
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
            client.onNotification(ModelChangedNotification.type, params => this.schedule(params.uri)),
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

    protected async fetchKey(key: string): Promise<PreviewRequest.Result | undefined> {
        if (this.client.state !== State.Running) {
            await this.whenRunning();
        }
        const result = await this.client.sendRequest(PreviewRequest.type, { uri: key }) ?? undefined;
        if (!result) {
            return undefined;
        }
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
        clearTimeout(this.timers.get(key));
        const delay = vscode.workspace.getConfiguration('entente.preview').get<number>('debounceMs', 150);
        this.timers.set(key, setTimeout(() => {
            this.timers.delete(key);
            this.fetchKey(key).catch(error => this.client.warn(`entente/preview failed for ${key}`, error));
        }, delay));
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
