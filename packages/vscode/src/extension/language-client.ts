import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

/** Commands the server's hovers and code lenses may link to (trusted Markdown runs only these). */
const TRUSTED_COMMANDS = ['entente.showHealth', 'entente.showRuleDocs', 'entente.openPreviewToSide'];

/** Points a diagnostic's rule id at the rule's page bundled with the extension (docs/rules/<id>.md). */
export function withBundledRuleDocs(diagnostic: vscode.Diagnostic, extensionUri: vscode.Uri): vscode.Diagnostic {
    const code = diagnostic.code;
    const id = typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
    if (diagnostic.source !== 'entente' || !id || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
        return diagnostic;
    }
    diagnostic.code = { value: id, target: vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`) };
    return diagnostic;
}

/** The server's health hover opens with `**<Charter>** — health`. */
const HEALTH_HOVER = /^\*\*([^*]+)\*\* — health /;

/**
 * The server's health hover is for every editor, so it ends with a command-line hint; in
 * VS Code the hint becomes a link that opens the explanation (*Show Health Explanation*).
 */
export function withHealthLink(hover: vscode.Hover | null | undefined, uri: vscode.Uri): vscode.Hover | null | undefined {
    if (!hover) {
        return hover;
    }
    const contents = hover.contents.map(content => {
        const value = typeof content === 'string' ? content : content.value;
        const charter = HEALTH_HOVER.exec(value)?.[1];
        if (!charter) {
            return content;
        }
        const link = `command:entente.showHealth?${encodeURIComponent(JSON.stringify([uri.toString(), charter]))}`;
        const linked = new vscode.MarkdownString(
            `${value.replace(/ \(`entente score --explain`\)/, '')}\n\n[$(book) Show Health Explanation](${link})`, true);
        linked.isTrusted = { enabledCommands: ['entente.showHealth'] };
        return linked;
    });
    return new vscode.Hover(contents, hover.range);
}

/** Commands the extension runs itself even when the server offers them too (the client registers the server's). */
export type LocalCommands = ReadonlyMap<string, (...args: unknown[]) => unknown>;

/**
 * The language client: starts the bundled server (dist/server.cjs) as a Node
 * process over IPC. Its id `entente` makes the client read `entente.trace.server`.
 * The server offers `entente.showHealth` to every editor (it answers with
 * Markdown); in VS Code the extension shows the explanation itself, so the
 * client routes such commands to `localCommands`.
 */
export function createLanguageClient(context: vscode.ExtensionContext, localCommands: LocalCommands): LanguageClient {
    const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    return new LanguageClient('entente', 'Entente Language Server', serverOptions, languageClientOptions(localCommands, context.extensionUri));
}

/** The client's options, the same for the desktop client and the web one (browser-main.ts). */
export function languageClientOptions(localCommands: LocalCommands, extensionUri: vscode.Uri): LanguageClientOptions {
    return {
        documentSelector: [{ language: 'charter' }],
        synchronize: {
            // Pushes `entente.*` to the server on every change (entente.today, inlay hints).
            configurationSection: 'entente',
            fileEvents: [
                vscode.workspace.createFileSystemWatcher('**/*.charter'),
                vscode.workspace.createFileSystemWatcher('**/entente.json')
            ]
        },
        markdown: { isTrusted: { enabledCommands: TRUSTED_COMMANDS } },
        middleware: {
            // A rule id in the Problems view and in hovers opens the bundled rule page inside VS Code; the published
            // URL stays one click away (the page's "Open online" code action, entente.showRuleDocs).
            handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(diagnostic => withBundledRuleDocs(diagnostic, extensionUri))),
            provideHover: async (document, position, token, next) => withHealthLink(await next(document, position, token), document.uri),
            executeCommand: (command, args, next) => {
                const local = localCommands.get(command);
                return local ? local(...args) : next(command, args);
            }
        },
        outputChannelName: 'Entente Language Server'
    };
}
