import { DefaultConfigurationProvider, DocumentState, type LangiumSharedCoreServices } from 'langium';
import type { CharterServices } from '../charter-module.js';
import { isRealDate } from '../front-ends.js';
import { recheckAllDocuments } from '../workspace/recheck-all.js';
import { CharterWorkspaceManager } from '../workspace/charter-workspace-manager.js';

/** The editor settings section of Entente: `entente.today`, `entente.inlayHints.*`, … */
export const SETTINGS_SECTION = 'entente';

/**
 * Reads the editor's settings from the `entente` section (Langium's default
 * is the language id, `charter`), so every setting is `entente.*`.
 */
export class CharterConfigurationProvider extends DefaultConfigurationProvider {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override toSectionName(): string {
        return SETTINGS_SECTION;
    }
}

/** How long the workspace's first check waits for the editor's settings before it runs as of the real date. */
export const SETTINGS_WAIT_MS = 5_000;

/**
 * Keeps the checker's settings in step with the editor's: on start and on
 * every change of the `entente` section, and re-checks every document when
 * the date rules use has changed.
 *
 * On start, the workspace's first check waits until the editor has answered
 * (at most SETTINGS_WAIT_MS): every answer of the server, from the first
 * diagnostics to a hover, a code lens or the preview, is then as of
 * `entente.today`, instead of as of the real date until a re-check.
 */
export function followEditorSettings(services: CharterServices): void {
    const configuration = services.shared.workspace.ConfigurationProvider;
    const settings = services.charter.Settings;
    /** Sets the date rules use; true when it changed. */
    const applyToday = (today: unknown): boolean => {
        // The CLI's --today accepts the same dates (isRealDate): 2026-02-30 is no date, and the real date applies.
        const next = typeof today === 'string' && isRealDate(today) ? today : undefined;
        if (next === settings.today) {
            return false;
        }
        settings.today = next;
        return true;
    };
    /** Re-checks the documents already checked as of another date (none before the first check). */
    const recheckIfChecked = async () => {
        if (services.shared.workspace.LangiumDocuments.all.some(document => document.state >= DocumentState.Validated)) {
            await recheckAllDocuments(services.shared);
        }
    };
    // Never rejects: a request or the first check waiting for the settings must not wait forever, nor fail, because reading them did.
    settings.editorSettingsRead = configuration.ready
        .then(async () => {
            if (applyToday(await configuration.getConfiguration('charter', 'today'))) {
                // Not awaited: the re-check goes through the workspace lock, which the first check may hold while it waits for this promise.
                void recheckIfChecked();
            }
        })
        .catch(() => undefined);
    const workspaceManager = services.shared.workspace.WorkspaceManager;
    if (workspaceManager instanceof CharterWorkspaceManager) {
        workspaceManager.waitBeforeFirstCheck(settings.editorSettingsRead, SETTINGS_WAIT_MS);
    }
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section === SETTINGS_SECTION && applyToday((update.configuration as { today?: unknown } | undefined)?.today)) {
            void recheckIfChecked();
        }
    });
}
