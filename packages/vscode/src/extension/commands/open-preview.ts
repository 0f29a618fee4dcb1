import * as vscode from 'vscode';
import type { PreviewManager } from '../preview-manager.js';
import { resolveCharterUri } from './resolve-document.js';

/** `entente.openPreviewToSide` and `entente.openPreview`: the preview of a charter, beside it or in its place. */
export function openPreviewCommand(manager: PreviewManager, toSide: boolean): (uri?: unknown) => Promise<boolean> {
    return async (uri?: unknown) => {
        const target = resolveCharterUri(uri, manager);
        if (!target) {
            void vscode.window.showInformationMessage('Entente: open a .charter file to preview it.');
            return false;
        }
        manager.open(target, { toSide });
        return true;
    };
}
