import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

/** Commands the server's hovers and code lenses may link to (trusted Markdown runs only these). */
const TRUSTED_COMMANDS = ['entente.showHealth', 'entente.showRuleDocs', 'entente.openPreviewToSide'];

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
    return new LanguageClient('entente', 'Entente Language Server', serverOptions, languageClientOptions(localCommands));
}

/** The client's options, the same for the desktop client and the web one (browser-main.ts). */
export function languageClientOptions(localCommands: LocalCommands): LanguageClientOptions {
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
            executeCommand: (command, args, next) => {
                const local = localCommands.get(command);
                return local ? local(...args) : next(command, args);
            }
        },
        outputChannelName: 'Entente Language Server'
    };
}
