import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EntenteApi } from '../../extension/main.js';
import type { PreviewTiming } from '../../extension/preview-panel.js';
import { clickInPreview, clickNotification, harnessPresent, inspectPreview, report, screenshot, webviewTexts, workbenchMode, type PreviewInspection } from './harness.js';
import { sixPartyCharter } from '../../../../../test/helpers/six-parties.js';
import { closeAllEditors, ruleIdOf, waitFor } from './helpers.js';

// End to end, in the workspace the runners create (scripts/workbench/workspace.mjs): the broken
// example and its parties. Runs first (file order): the extension must not be active yet.
// Tests tagged #vsix also run against the installed .vsix in the workbench harness.

const CHARTER = 'OrbitKestrelDraft';
const VIEWS = ['health', 'governance', 'matrix', 'escalation', 'balance'] as const;

/** The broken example in the test workspace. */
async function brokenExample(): Promise<vscode.Uri> {
    const [uri] = await vscode.workspace.findFiles('broken/orbit-kestrel.charter');
    assert.ok(uri, `the test workspace has no broken/orbit-kestrel.charter (folders: ${vscode.workspace.workspaceFolders?.map(folder => folder.uri.toString()).join(', ') ?? 'none'})`);
    return uri;
}

async function openBroken(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(await brokenExample());
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

function enteDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(diagnostic => diagnostic.source === 'entente');
}

function api(): EntenteApi {
    const extension = vscode.extensions.getExtension<EntenteApi>('entente.entente');
    assert.ok(extension?.isActive, 'the extension is not active');
    return extension.exports;
}

/** The position just after the first occurrence of `text` (plus `offset`) in a document. */
function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
    const at = document.getText().indexOf(text);
    assert.ok(at >= 0, `${text} is not in ${document.uri.path}`);
    return document.positionAt(at + offset);
}

/** Asks the harness what the preview shows until `accept` likes it (the webview redraws asynchronously). */
async function previewShows(accept: (inspection: PreviewInspection) => boolean, what: string, shoot?: string): Promise<PreviewInspection> {
    const start = Date.now();
    let last: PreviewInspection | undefined;
    let error: unknown;
    while (Date.now() - start < 30_000) {
        try {
            last = await inspectPreview(shoot);
            if (accept(last)) {
                return last;
            }
        } catch (caught) {
            error = caught;
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`the preview webview never showed ${what}; last: ${JSON.stringify(last)?.slice(0, 800)} ${error instanceof Error ? error.message : ''}`);
}

/** The first update of the open preview the webview has drawn (on screen, in the view shown) that `accept` likes. */
async function drawnUpdate(accept: (timing: PreviewTiming) => boolean, what: string): Promise<PreviewTiming> {
    return (await waitFor(() => api().previewManager.panel?.timings.find(accept), found => found !== undefined, what, 30_000))!;
}

/** The steps of a timing, each as milliseconds from `start` (what bench/README.md's breakdown shows). */
function stepsOf(timing: PreviewTiming, start: number, extra: Record<string, number | undefined> = {}): Record<string, number> {
    const steps: Record<string, number | undefined> = {
        ...extra,
        modelChanged: timing.changedAt, requested: timing.requestedAt, answered: timing.answeredAt,
        renderStarted: timing.renderStartedAt, rendered: timing.renderedAt, posted: timing.postedAt,
        received: timing.receivedAt, drawn: timing.drawnAt
    };
    return Object.fromEntries(Object.entries(steps).filter((entry): entry is [string, number] => entry[1] !== undefined).map(([step, at]) => [step, at - start]));
}

describe('Entente in a VS Code workbench (end to end)', () => {
    before(async () => {
        // The previews open on the governance map: the view the bench rows time (issue #20).
        await vscode.workspace.getConfiguration('entente.preview').update('defaultView', 'governance', vscode.ConfigurationTarget.Workspace);
        // Room for the editor and the preview side by side in screenshots.
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    });
    after(() => vscode.workspace.getConfiguration('entente.preview').update('defaultView', undefined, vscode.ConfigurationTarget.Workspace));
    afterEach(closeAllEditors);

    it('#vsix activates when a .charter file opens, and the language server starts', async () => {
        const extension = vscode.extensions.getExtension<EntenteApi>('entente.entente');
        assert.ok(extension, 'entente.entente is not installed');
        assert.equal(extension.isActive, false, 'active before any charter was opened');
        await report('extension', { path: extension.extensionPath, mode: workbenchMode, version: extension.packageJSON.version, vscode: vscode.version });
        const editor = await openBroken();
        assert.equal(editor.document.languageId, 'charter');
        await waitFor(() => extension.isActive, active => active, 'activation on the charter language');
        await waitFor(() => extension.exports?.client.isRunning(), running => running === true, 'the language server');
    });

    it('#vsix shows the server\'s diagnostics for the broken example, and applying quick fixes makes them go away', async () => {
        const editor = await openBroken();
        const uri = editor.document.uri;
        const diagnostics = await waitFor(() => enteDiagnostics(uri), found => found.length > 5, 'diagnostics of the broken example');
        const rules = new Set(diagnostics.map(ruleIdOf));
        for (const rule of ['unresolved-escalation', 'unowned-commitment', 'empty-body', 'undecided-decision']) {
            assert.ok(rules.has(rule), `no ${rule} among ${[...rules].join(', ')}`);
        }
        // A rule id links to the rule's page bundled with the extension (opened inside VS Code), not to a web page.
        for (const diagnostic of diagnostics) {
            const code = diagnostic.code as { value: string; target: vscode.Uri };
            assert.equal(code.target.path.endsWith(`/docs/rules/${code.value}.md`), true, code.target.toString());
            assert.notEqual(code.target.scheme, 'https');
            assert.equal((await vscode.workspace.fs.stat(code.target)).type, vscode.FileType.File);
        }
        // Each rule's fix as a user picks it, by its title: findings on the same name (SiteReady is unowned and overdue,
        // though its journal records it delivered) each offer their own, and VS Code's command returns no diagnostics with them.
        const fixTitles: Record<string, RegExp> = { 'unresolved-escalation': /./, 'unowned-commitment': /^Add owner /, 'overdue-commitment': /^Mark SiteReady done$/ };
        for (const [rule, title] of Object.entries(fixTitles)) {
            const diagnostic = enteDiagnostics(uri).find(candidate => ruleIdOf(candidate) === rule && (rule !== 'overdue-commitment' || candidate.message.includes('SiteReady')))!;
            assert.ok(diagnostic, `a ${rule} finding`);
            const before = enteDiagnostics(uri).filter(candidate => ruleIdOf(candidate) === rule).length;
            const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value))
                .filter(action => title.test(action.title));
            const fix = actions.find(action => action.isPreferred) ?? actions[0];
            assert.ok(fix?.edit, `no quick fix with an edit for ${rule}: ${actions.map(action => action.title).join(', ')}`);
            assert.ok(await vscode.workspace.applyEdit(fix.edit), `${fix.title} was not applied`);
            await waitFor(() => enteDiagnostics(uri).filter(candidate => ruleIdOf(candidate) === rule).length, count => count === before - 1,
                `one ${rule} fewer after "${fix.title}"`);
        }
        assert.ok(editor.document.isDirty);
    });

    it('answers completion and hover', async () => {
        const editor = await openBroken();
        const document = editor.document;
        await waitFor(() => enteDiagnostics(document.uri).length, count => count > 0, 'the server\'s first answer');
        // After `decided by ` the parties and their roles are offered.
        const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider',
            document.uri, positionOf(document, 'decided by Orbit\n', 'decided by '.length));
        const labels = completions.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
        for (const expected of ['Orbit', 'Kestrel', 'PilotBoard']) {
            assert.ok(labels.includes(expected), `no ${expected} among the completions: ${labels.slice(0, 40).join(', ')}`);
        }
        // Hover on the charter's name: its health.
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, `charter ${CHARTER}`, 'charter '.length + 3));
        const text = hovers.flatMap(hover => hover.contents).map(content => typeof content === 'string' ? content : content.value).join('\n');
        assert.match(text, /\b\d{1,3}\b/);
        assert.match(text, new RegExp(`${CHARTER}|health`, 'i'));
        // In VS Code the hover ends with a link to the explanation, not a command-line hint (issue #20).
        assert.match(text, /\[\$\(book\) Show Health Explanation\]\(command:entente\.showHealth\?/);
        assert.doesNotMatch(text, /entente score --explain/);
    });

    it('#vsix shows the health score (the design layer first) in a code lens above the charter', async () => {
        const editor = await openBroken();
        const uri = editor.document.uri;
        const lenses = await waitFor(async () => await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10),
            found => found.some(lens => /^Design \d+/.test(lens.command?.title ?? '')), 'the health code lens');
        const lens = lenses.find(candidate => /^Design \d+/.test(candidate.command?.title ?? ''))!;
        assert.equal(lens.range.start.line, positionOf(editor.document, `charter ${CHARTER}`).line);
        const score = Number(/^Design (\d+)/.exec(lens.command!.title)![1]);
        assert.ok(score >= 0 && score <= 100);
        // The same score in the status bar.
        const status = await waitFor(() => api().statusBar.text, text => text.includes(CHARTER), 'the status bar');
        assert.ok(status.includes(` ${score} `), `status bar "${status}" vs code lens "${lens.command!.title}"`);
        // The broken example has errors: counted after the band, with the error icon only there.
        const errors = enteDiagnostics(uri).filter(diagnostic => diagnostic.severity === vscode.DiagnosticSeverity.Error).length;
        if (errors > 0) {
            assert.match(status, new RegExp(` · \\$\\(error\\) ${errors}$`), status);
        } else {
            assert.doesNotMatch(status, /\$\(error\)/, status);
        }
    });

    it('#vsix opens the preview beside the editor, draws every view, and a click in it selects the element\'s source', async () => {
        const editor = await openBroken();
        await waitFor(() => enteDiagnostics(editor.document.uri).length, count => count > 0, 'diagnostics');
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        const commandAt = Date.now();
        assert.equal(await vscode.commands.executeCommand('entente.openPreviewToSide'), true);
        const content = await waitFor(() => api().previewManager.panel?.content, found => found?.charter === CHARTER, 'the preview content');
        await waitFor(() => api().previewManager.panel?.panel.viewColumn, column => column === vscode.ViewColumn.Two, 'the preview in the second column');
        for (const view of VIEWS) {
            assert.match(content!.views[view], /<svg[\s>]/, `view ${view}`);
        }
        const target = `${CHARTER}.Software`;
        if (!harnessPresent) {
            // No browser to click in (e.g. @vscode/test-electron): what the webview's click message does.
            const revealed = await api().previewManager.panel!.reveal(target);
            assert.equal(revealed?.document.getText(revealed.selection), 'Software');
            return;
        }
        // A bench row (the workbench test prints it): the command to the map on screen, as the webview says it drew it.
        const first = await drawnUpdate(timing => timing.view === 'governance', 'the map drawn in the webview');
        const panel = api().previewManager.panel!;
        await report('bench:first-preview', { ms: first.drawnAt! - commandAt, steps: stepsOf(first, commandAt, {
            panelCreated: panel.createdAt, frameStarted: panel.frameStartedAt, scriptStarted: panel.scriptStartedAt, webviewReady: panel.readyAt
        }) });
        // What the webview really shows: each tab's drawing has a size on screen and the charter's elements.
        const shown = await previewShows(inspection => VIEWS.every(view => (inspection.views[view]?.elements.length ?? 0) > 0), 'every view', 'preview-orbit-kestrel');
        for (const view of VIEWS) {
            const drawn = shown.views[view];
            assert.ok(drawn.width > 50 && drawn.height > 50, `view ${view} is ${drawn.width}x${drawn.height} on screen`);
        }
        assert.ok(shown.views.governance.elements.includes(target), `governance map: ${shown.views.governance.elements.join(', ')}`);
        assert.ok(shown.views.matrix.elements.includes(target));
        assert.ok(shown.views.escalation.elements.includes(`${CHARTER}.Issues`));
        assert.match(shown.status, new RegExp(`orbit-kestrel\\.charter · ${CHARTER}`));
        // A real click on the decision in the governance map selects its name in the editor.
        await clickInPreview(target, 'governance');
        const selected = await waitFor(() => {
            const active = vscode.window.activeTextEditor;
            return active?.document.uri.toString() === editor.document.uri.toString() ? active.document.getText(active.selection) : undefined;
        }, text => text === 'Software', 'the editor selection of Software');
        assert.equal(selected, 'Software');
        await waitFor(() => api().previewManager.panel?.highlightedElement, element => element === target, 'the highlight of the clicked element');
        // The picture for the README: the charter with its diagnostics, the preview beside it.
        await new Promise(resolve => setTimeout(resolve, 500));
        await screenshot('editor-preview');
    });

    it('keeps the preview on the charter when a click on a role reveals it in its party file', async () => {
        const editor = await openBroken();
        await vscode.commands.executeCommand('entente.openPreviewToSide');
        await waitFor(() => api().previewManager.panel?.content, found => found?.charter === CHARTER && found.documentUri === editor.document.uri.toString(), 'the preview');
        const role = 'Orbit.CTO';
        if (harnessPresent) {
            await previewShows(inspection => inspection.views.governance?.elements.includes(role), 'the role in the map');
            await clickInPreview(role, 'governance');
        } else {
            await api().previewManager.panel!.reveal(role);
        }
        const active = await waitFor(() => vscode.window.activeTextEditor, shown => shown?.document.uri.path.endsWith('/parties/orbit.charter') === true, 'the party file');
        assert.equal(active!.document.getText(active!.selection), 'CTO');
        await new Promise(resolve => setTimeout(resolve, 1000));
        assert.equal(api().previewManager.panel?.documentUri?.toString(), editor.document.uri.toString(), 'the preview left the charter');
        assert.equal(api().previewManager.panel?.content?.charter, CHARTER);
        // Back in the charter and on to another charter file: the preview follows the editor again.
        await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
        assert.equal(api().previewManager.panel?.revealedElsewhere, undefined);
    });

    it('redraws the preview after an edit, keeps the map\'s nodes where they were and highlights what changed', async () => {
        const editor = await openBroken();
        await vscode.commands.executeCommand('entente.openPreviewToSide');
        await waitFor(() => api().previewManager.panel?.content, found => found?.charter === CHARTER && found.documentUri === editor.document.uri.toString(), 'the preview');
        await drawnUpdate(timing => timing.view === 'governance', 'the map drawn in the webview');
        const map = async (what: string, accept: (inspection: PreviewInspection) => boolean = () => true) =>
            (await previewShows(inspection => inspection.version === editor.document.version && accept(inspection), what)).views.governance;
        const before = harnessPresent ? await map('the map') : undefined;
        /** Every node the map had before is where it was (in the drawing's coordinates). */
        const assertKept = (after: { positions: Record<string, [number, number]> }) => {
            const moved = Object.entries(before!.positions).filter(([id, at]) => JSON.stringify(after.positions[id]) !== JSON.stringify(at))
                .map(([id, at]) => `${id} ${JSON.stringify(at)} → ${JSON.stringify(after.positions[id])}`);
            assert.deepEqual(moved, []);
        };

        // A decider added (issue #20, point 4): the map keeps its shape, and the decision and its new edge glow.
        const software = `${CHARTER}.Software`;
        const decider = positionOf(editor.document, 'decided by Orbit.CTO\n', 'decided by Orbit.CTO'.length);
        assert.ok(await editor.edit(edit => edit.insert(decider, ', Kestrel')));
        const changed = await drawnUpdate(timing => timing.version === editor.document.version && timing.view === 'governance', 'the decider drawn in the webview');
        assert.ok(changed.changed?.includes(software), `highlighted: ${changed.changed?.join(', ')}`);
        assert.ok(changed.changed?.includes(`edge decides:Kestrel→${software}`), `highlighted: ${changed.changed?.join(', ')}`);
        assert.ok(!changed.changed?.includes(`${CHARTER}.RobotConfig`), `highlighted: ${changed.changed?.join(', ')}`);
        if (harnessPresent) {
            const after = await map('the decider in the map', inspection => inspection.views.governance?.changed.includes(software));
            assertKept(after);
        }

        // A decision added: drawn at the foot of its column, highlighted, nothing else moved.
        const end = editor.document.positionAt(editor.document.getText().lastIndexOf('}'));
        const typedAt = Date.now();
        assert.ok(await editor.edit(edit => edit.insert(end, '    decision Pricing "Price list" { decided by Kestrel }\n')));
        const added = `${CHARTER}.Pricing`;
        const content = await waitFor(() => api().previewManager.panel?.content, found => found?.views.matrix.includes(added) === true, 'the new decision in the preview');
        assert.equal(content?.documentVersion, editor.document.version);
        // A bench row: the edit to the redrawn map on screen, as the webview says it drew it.
        const redrawn = await drawnUpdate(timing => timing.version === editor.document.version && timing.view === 'governance', 'the edit drawn in the webview');
        await report('bench:edit-to-redraw', { ms: redrawn.drawnAt! - typedAt, steps: stepsOf(redrawn, typedAt) });
        assert.ok(redrawn.changed?.includes(added), `highlighted: ${redrawn.changed?.join(', ')}`);
        if (harnessPresent) {
            const after = await map('the new decision in the map', inspection => inspection.views.matrix?.elements.includes(added) && inspection.views.governance?.elements.includes(added));
            assertKept(after);
            assert.ok(after.changed.includes(added), `highlighted in the map: ${after.changed.join(', ')}`);
            assert.ok(!after.changed.includes(software), 'the decider added before is no longer highlighted');
        }
    });

    it('screenshots every tab of the preview of two more examples and of a six-party charter with long names', async () => {
        // The reference charter with its journal (in the workspace), the coalition example with its journal and the
        // generated six-party charter (each in a folder of its own outside the workspace, every file of it open).
        const examples = path.resolve(vscode.extensions.getExtension('entente.entente')!.extensionPath, '../../examples');
        const outside = (files: Record<string, string>): string => {
            const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-shots-'));
            for (const [name, text] of Object.entries(files)) {
                fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
                fs.writeFileSync(path.join(folder, name), text);
            }
            return folder;
        };
        const coalition = outside(Object.fromEntries(['riverton-retrofit.charter', 'journals/riverton-retrofit-2026.charter']
            .map(file => [file, fs.readFileSync(path.join(examples, 'coalition', file), 'utf8')])));
        const six = outside({ 'six-parties.charter': sixPartyCharter() });
        const [operations] = await vscode.workspace.findFiles('operations/acme-globex.charter');
        const cases: Array<[string, vscode.Uri, vscode.Uri[], string]> = [
            ['preview-acme-globex', operations, [], 'AcmeGlobex'],
            ['preview-riverton-retrofit', vscode.Uri.file(path.join(coalition, 'riverton-retrofit.charter')), [vscode.Uri.file(path.join(coalition, 'journals/riverton-retrofit-2026.charter'))], 'RivertonRetrofit'],
            ['preview-six-parties', vscode.Uri.file(path.join(six, 'six-parties.charter')), [], 'SixPartyRetrofitProgramme']
        ];
        try {
            for (const [name, charterFile, others, charter] of cases) {
                for (const other of others) {
                    await vscode.workspace.openTextDocument(other);
                }
                const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(charterFile), { viewColumn: vscode.ViewColumn.One, preview: false });
                await vscode.commands.executeCommand('entente.openPreviewToSide');
                const content = await waitFor(() => api().previewManager.panel?.content, found => found?.charter === charter && found.documentUri === editor.document.uri.toString(), `the preview of ${charter}`);
                for (const view of VIEWS) {
                    assert.match(content!.views[view], /<svg[\s>]/, `${charter}: view ${view}`);
                }
                if (harnessPresent) {
                    const shown = await previewShows(inspection => inspection.status.includes(charter) && VIEWS.every(view => (inspection.views[view]?.elements.length ?? 0) > 0), `every view of ${charter}`, name);
                    assert.ok(shown.views.governance.width > 300, `${charter}'s map is ${shown.views.governance.width} px wide`);
                }
                await closeAllEditors();
            }
        } finally {
            fs.rmSync(coalition, { recursive: true, force: true });
            fs.rmSync(six, { recursive: true, force: true });
        }
    });

    it('#vsix exports the report and every view to a folder', async () => {
        await openBroken();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-e2e-export-'));
        const written = await vscode.commands.executeCommand<vscode.Uri[]>('entente.exportReport', vscode.Uri.file(folder));
        assert.deepEqual(written.map(uri => path.basename(uri.fsPath)).sort(), [`${CHARTER}-balance.svg`, `${CHARTER}-escalation.svg`,
            `${CHARTER}-governance.svg`, `${CHARTER}-health.svg`, `${CHARTER}-matrix.svg`, `${CHARTER}.html`]);
        assert.deepEqual(fs.readdirSync(folder).sort(), written.map(uri => path.basename(uri.fsPath)).sort());
        const html = fs.readFileSync(path.join(folder, `${CHARTER}.html`), 'utf8');
        assert.match(html, /<html/i);
        assert.match(html, /PilotBudget/);
        for (const view of VIEWS) {
            assert.match(fs.readFileSync(path.join(folder, `${CHARTER}-${view}.svg`), 'utf8'), /^<svg[\s>]/);
        }
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it('"Open report" after an export opens the report in a tab of its own where no browser can take it (VS Code in a browser)', async () => {
        await openBroken();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-e2e-report-'));
        try {
            // Earlier exports' notifications say the same but for their folder (gone by now).
            await vscode.commands.executeCommand('notifications.clearAll');
            const written = await vscode.commands.executeCommand<vscode.Uri[]>('entente.exportReport', vscode.Uri.file(folder));
            assert.ok(written.some(uri => uri.path.endsWith(`/${CHARTER}.html`)));
            if (!harnessPresent) {
                return; // no notification to click without a browser around the workbench
            }
            assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
            const reportTab = () => vscode.window.tabGroups.all.flatMap(group => group.tabs)
                .find(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('entente.report'));
            assert.equal(reportTab(), undefined);
            // The user's click on the notification's button: the report opens in a tab, inside VS Code (the export folder is outside the workspace, where the Explorer cannot show it).
            // The notification centre shows it whether or not the workbench shows it as a toast.
            await vscode.commands.executeCommand('notifications.showList');
            await clickNotification('Open report', `wrote ${written.length} files to ${folder}`);
            const tab = await waitFor(reportTab, found => found !== undefined, 'the report\'s tab');
            assert.equal(tab!.label, `Report ${CHARTER}.html`);
            await waitFor(() => webviewTexts(), texts => texts.some(text => text.includes('PilotBudget') && text.includes(CHARTER)), 'the report in its tab');
        } finally {
            await vscode.commands.executeCommand('notifications.clearAll');
            await vscode.commands.executeCommand('notifications.hideList');
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });
});
