import { DefaultConfigurationProvider, type LangiumSharedCoreServices } from 'langium';
import type { CharterServices } from '../charter-module.js';
import { isRealDate } from '../front-ends.js';
import { recheckAllDocuments } from '../workspace/recheck-all.js';

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

/**
 * Keeps the checker's settings in step with the editor's: on start and on
 * every change of the `entente` section, and re-checks every document when
 * the date rules use has changed.
 */
export function followEditorSettings(services: CharterServices): void {
    const configuration = services.shared.workspace.ConfigurationProvider;
    const apply = async (today: unknown) => {
        // The CLI's --today accepts the same dates (isRealDate): 2026-02-30 is no date, and the real date applies.
        const next = typeof today === 'string' && isRealDate(today) ? today : undefined;
        if (next === services.charter.Settings.today) {
            return;
        }
        services.charter.Settings.today = next;
        await recheckAllDocuments(services.shared);
    };
    // Never rejects: a request waiting for the settings must not wait forever, nor fail, because a re-check did.
    services.charter.Settings.editorSettingsRead = configuration.ready
        .then(async () => apply(await configuration.getConfiguration('charter', 'today')))
        .catch(() => undefined);
    configuration.onConfigurationSectionUpdate(update => {
        if (update.section === SETTINGS_SECTION) {
            void apply((update.configuration as { today?: unknown } | undefined)?.today);
        }
    });
}
