import * as vscode from 'vscode';
import type { PreviewManager } from '../preview-manager.js';
import { isCharterDocument } from '../preview-panel.js';

/**
 * The charter document a command acts on: the URI it was given (explorer,
 * editor title, code lens), else the active charter editor, else the
 * document the preview shows.
 */
export function resolveCharterUri(argument: unknown, previews: PreviewManager): vscode.Uri | undefined {
    if (argument instanceof vscode.Uri) {
        return argument;
    }
    if (typeof argument === 'string' && argument.length > 0) {
        return vscode.Uri.parse(argument);
    }
    const active = vscode.window.activeTextEditor?.document;
    if (isCharterDocument(active)) {
        return active.uri;
    }
    return previews.panel?.documentUri;
}
