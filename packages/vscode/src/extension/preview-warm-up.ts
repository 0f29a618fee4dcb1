import * as vscode from 'vscode';
import type { CharterPreviews } from './charter-previews.js';
import type { PreviewManager } from './preview-manager.js';
import { renderCharterViews } from './render.js';

/** How long after the first charter's model arrives the warm-up waits (the editor's own first requests go first). */
const WARM_UP_DELAY_MS = 300;

/**
 * Draws the first charter the server describes once, in the background, unless a preview is
 * already open: the layout engine (ELK) starts and its code gets compiled then, not when the
 * reader opens the preview (a cold first map costs several times a warm one), and the first
 * preview of that charter finds its map laid out (the diagrams keep the last layout).
 */
export function warmUpPreviews(previews: CharterPreviews, manager: PreviewManager): vscode.Disposable {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = previews.onDidUpdate(result => {
        const charter = result.charters[0];
        if (!charter) {
            return;
        }
        listener.dispose();
        timer = setTimeout(() => {
            if (!manager.panel) {
                renderCharterViews(charter, {}).catch(() => undefined);
            }
        }, WARM_UP_DELAY_MS);
    });
    return new vscode.Disposable(() => {
        listener.dispose();
        clearTimeout(timer);
    });
}
