import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';

/** `entente.restartServer`: stops and starts the language server (after an update, or when it misbehaves). */
export function restartServerCommand(client: LanguageClient): () => Promise<void> {
    return async () => {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the Entente language server' }, async () => {
            if (client.isRunning()) {
                await client.restart();
            } else {
                await client.start();
            }
        });
    };
}
