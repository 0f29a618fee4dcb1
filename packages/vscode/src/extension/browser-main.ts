/// <reference lib="dom" />
import * as vscode from 'vscode';
import { LanguageClient as BrowserLanguageClient } from 'vscode-languageclient/browser.js';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { activateWithClient, type EntenteApi } from './activation.js';
import { languageClientOptions } from './language-client.js';

/**
 * The extension on the web (vscode.dev, github.dev, a web worker extension
 * host): the `browser` entry of package.json. The same features as main.ts,
 * with the language server in a web worker (dist/server-web.js: Langium
 * with no file system, the documents VS Code opens being its workspace)
 * instead of a Node process; no `fs`, no child processes. Built by
 * esbuild.mjs with `vscode-languageclient/node.js` (types and `State` only,
 * here) mapped to its browser twin and `node:crypto` to the Web Crypto API.
 */
let client: BrowserLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<EntenteApi> {
    const localCommands = new Map<string, (...args: unknown[]) => unknown>();
    const worker = await startServerWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-web.js'));
    client = new BrowserLanguageClient('entente', 'Entente Language Server', languageClientOptions(localCommands, context.extensionUri), worker);
    // The shared code uses the API both clients inherit from BaseLanguageClient; it is typed with the desktop one.
    return activateWithClient(context, client as unknown as LanguageClient, localCommands);
}

/**
 * The language server's worker. VS Code's web worker extension host starts
 * workers from the extension's own URL (vscode.dev, github.dev), but not from
 * an extension served by a remote server (code-server, Codespaces in the
 * browser): there the script is read through VS Code's file system and started
 * from a blob: URL.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
    if (script.scheme !== 'vscode-remote') {
        return new Worker(script.toString(true));
    }
    const source = await vscode.workspace.fs.readFile(script);
    return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(source)], { type: 'text/javascript' })));
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
