import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import {
    createProtocolConnection, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
    ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node.js';
import { REPO_ROOT } from './cli.js';

export const SERVER_BUNDLE = path.join(REPO_ROOT, 'packages/language/dist/server.cjs');

/**
 * A real LSP client for tests: starts the bundled language server as a
 * process and talks JSON-RPC to it over stdio, as any editor would.
 */
export class LspTestClient {
    readonly connection: ProtocolConnection;
    readonly process: ChildProcess;
    initializeResult?: InitializeResult;
    /** What the client answers to `workspace/configuration`, by section (e.g. `{ entente: { today: '2026-11-22' } }`). */
    settings: Record<string, unknown> = {};
    /** How long the client takes to answer `workspace/configuration` (a slow editor), in milliseconds. */
    settingsDelayMs = 0;
    /** Workspace capabilities the client declares besides configuration and folders (e.g. `{ codeLens: { refreshSupport: true } }`). */
    workspaceCapabilities: Record<string, unknown> = {};
    stderr = '';
    private readonly versions = new Map<string, number>();
    private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
    private readonly waiters: Array<{ uri: string; minVersion?: number; resolve: (params: PublishDiagnosticsParams) => void }> = [];

    /** `node` and `env`: another Node binary and environment (the installed packages' test runs the server under Node 22 and 24). */
    constructor(serverPath = SERVER_BUNDLE, args: string[] = ['--stdio'], node = process.execPath, env?: NodeJS.ProcessEnv) {
        this.process = spawn(node, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: env ?? process.env });
        this.process.stderr!.on('data', chunk => { this.stderr += String(chunk); });
        this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params);
            for (const waiter of [...this.waiters]) {
                if (waiter.uri === params.uri && (waiter.minVersion === undefined || (params.version ?? Infinity) >= waiter.minVersion)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(params);
                }
            }
        });
        this.connection.onRequest('workspace/configuration', async (params: { items: Array<{ section?: string }> }) => {
            if (this.settingsDelayMs > 0) {
                await new Promise(resolve => setTimeout(resolve, this.settingsDelayMs));
            }
            return params.items.map(item => (item.section ? this.settings[item.section] ?? null : null));
        });
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.listen();
    }

    /** Sends initialize and initialized with a workspace folder (when given). */
    async initialize(workspaceFolder?: string, initializationOptions?: unknown): Promise<InitializeResult> {
        const rootUri = workspaceFolder ? pathToUri(workspaceFolder) : null;
        this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: workspaceFolder ? [{ uri: rootUri!, name: path.basename(workspaceFolder) }] : null,
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true, ...this.workspaceCapabilities },
                textDocument: {
                    publishDiagnostics: { relatedInformation: true, versionSupport: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true } }
                }
            },
            initializationOptions
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        return this.initializeResult;
    }

    /** Opens a document and resolves with its first diagnostics. */
    async open(uri: string, text: string): Promise<Diagnostic[]> {
        this.versions.set(uri, 1);
        const published = this.nextDiagnostics(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'charter', version: 1, text }
        });
        return (await published).diagnostics;
    }

    /** Replaces a document's whole text and resolves with the diagnostics of that version. */
    async change(uri: string, text: string): Promise<Diagnostic[]> {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        const published = this.nextDiagnostics(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ text }]
        });
        return (await published).diagnostics;
    }

    /** Changes the client's settings and tells the server, as an editor does when the user edits settings. */
    async changeSettings(settings: Record<string, unknown>): Promise<void> {
        this.settings = { ...this.settings, ...settings };
        await this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    }

    async close(uri: string): Promise<void> {
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /** Tells the server about files created, changed or deleted on disk (`workspace/didChangeWatchedFiles`), as an editor's file watcher does. */
    async filesChanged(changes: Array<{ uri: string; type: 'created' | 'changed' | 'deleted' }>): Promise<void> {
        const types = { created: 1, changed: 2, deleted: 3 } as const;
        await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(change => ({ uri: change.uri, type: types[change.type] })) });
    }

    /** How many documents have had diagnostics published (the server publishes them for every file of the workspace it checks). */
    get documentsWithDiagnostics(): number {
        return this.diagnostics.size;
    }

    /** The latest diagnostics published for a document. */
    latestDiagnostics(uri: string): Diagnostic[] | undefined {
        return this.diagnostics.get(uri)?.diagnostics;
    }

    /** Resolves with the next diagnostics published for the document at or after a version. */
    nextDiagnostics(uri: string, minVersion?: number, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderr}`)), timeoutMs);
            this.waiters.push({ uri, minVersion, resolve: params => { clearTimeout(timer); resolve(params); } });
        });
    }

    /** Resolves with the first diagnostics published for the document (or already there) that satisfy the predicate. */
    async waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        const latest = this.latestDiagnostics(uri);
        if (latest && predicate(latest)) {
            return latest;
        }
        for (;;) {
            const remaining = deadline - Date.now();
            if (remaining <= 0) {
                throw new Error(`diagnostics for ${uri} never matched; last: ${JSON.stringify(this.latestDiagnostics(uri)?.map(d => d.code))}`);
            }
            const published = await this.nextDiagnostics(uri, undefined, remaining);
            if (predicate(published.diagnostics)) {
                return published.diagnostics;
            }
        }
    }

    /** Shuts the server down politely, then makes sure the process is gone. */
    async dispose(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise(resolve => setTimeout(resolve, 2000))]);
            await this.connection.sendNotification(ExitNotification.type);
        } catch {
            // The server may already be gone; the kill below is what matters.
        }
        this.connection.dispose();
        if (this.process.exitCode === null) {
            this.process.kill();
        }
    }
}

export function pathToUri(filePath: string): string {
    return `file://${path.resolve(filePath).split(path.sep).map(encodeURIComponent).join('/')}`;
}
