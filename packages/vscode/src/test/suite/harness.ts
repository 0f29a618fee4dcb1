/**
 * The suite's side of the workbench harness (test/e2e/workbench/harness.ts):
 * what only the browser around the workbench can do (screenshots, a real
 * mouse click inside the preview's webview, reading what the webview shows).
 * A request is a log line the harness reads; its answer is a file in the
 * folder ENTENTE_WORKBENCH_REPLIES names. Without a harness (e.g. under
 * @vscode/test-electron) `harnessPresent` is false and callers fall back.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const replies = process.env.ENTENTE_WORKBENCH_REPLIES;

/** Whether a workbench harness drives the browser around this extension host. */
export const harnessPresent = !!replies;

/** 'development' or 'installed' (the .vsix) in the workbench harness; 'desktop' otherwise. */
export const workbenchMode = process.env.ENTENTE_WORKBENCH_MODE || 'desktop';

/** What the preview webview shows, per view (as read by the harness in the webview's frame). */
export interface PreviewInspection {
    /** Per view: its size on screen, its elements, its text, each element's box (x, y in the drawing) and the elements highlighted as changed (edges as `edge <id>`). */
    views: Record<string, { width: number; height: number; elements: string[]; text: string; positions: Record<string, [number, number]>; changed: string[] }>;
    status: string;
    version?: number;
    selected?: string;
}

let sequence = 0;

/** Asks the harness for something and waits for its answer; rejects with its error. */
async function ask<T>(op: string, args: Record<string, unknown>, timeoutMs = 40_000): Promise<T> {
    if (!replies) {
        throw new Error(`no workbench harness to ${op}`);
    }
    // Each suite file is bundled with its own copy of this module: the time keeps their ids apart.
    const id = `${process.pid}-${Date.now().toString(36)}-${++sequence}`;
    const file = path.join(replies, `${id}.json`);
    console.log(`[entente-harness] ${JSON.stringify({ id, op, ...args })}`);
    const start = Date.now();
    while (!fs.existsSync(file)) {
        if (Date.now() - start > timeoutMs) {
            throw new Error(`the workbench harness did not answer ${op} within ${timeoutMs} ms`);
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    const reply = JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; result?: T; error?: string };
    if (!reply.ok) {
        throw new Error(`the workbench harness could not ${op}: ${reply.error}`);
    }
    return reply.result as T;
}

/** Saves a screenshot of the whole workbench under the given name (no-op without a harness). */
export async function screenshot(name: string): Promise<void> {
    if (harnessPresent) {
        await ask('screenshot', { name });
    }
}

/** Clicks, with the mouse, the first drawn element with this id in the preview (in a given view tab, if named). */
export function clickInPreview(element: string, view?: string): Promise<unknown> {
    return ask('click', { element, view });
}

/** Reads what the preview webview shows in every view (clicking through its tabs); `shoot` also saves a screenshot of each, as `<shoot>-<view>`. */
export function inspectPreview(shoot?: string): Promise<PreviewInspection> {
    return ask<PreviewInspection>('inspectPreview', { name: shoot });
}

/** Clicks, with the mouse, a button of the workbench's notification whose message contains `message`. */
export function clickNotification(button: string, message: string): Promise<unknown> {
    return ask('clickNotification', { button, message });
}

/** The text each webview of the workbench shows (its own document's). */
export function webviewTexts(): Promise<string[]> {
    return ask<string[]>('webviewTexts', {});
}

/** Hands a value to the harness, which returns it to the test that started the workbench. */
export async function report(key: string, value: unknown): Promise<void> {
    if (harnessPresent) {
        await ask('report', { key, value });
    }
}
