import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';
import { activateWithClient, type EntenteApi } from './activation.js';
import { createLanguageClient } from './language-client.js';

export type { EntenteApi } from './activation.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<EntenteApi> {
    const localCommands = new Map<string, (...args: unknown[]) => unknown>();
    client = createLanguageClient(context, localCommands);
    return activateWithClient(context, client, localCommands);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
