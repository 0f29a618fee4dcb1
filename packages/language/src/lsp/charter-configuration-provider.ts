import { DefaultConfigurationProvider, URI, type LangiumSharedCoreServices } from 'langium';
import type { CharterServices } from '../charter-module.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The editor's settings live under `entente.*` (not under the language id
 * Langium asks for by default). `entente.today` is applied to every charter
 * language service, and every document is checked again when it changes, so
 * date-dependent findings follow the setting at once.
 */
export class CharterConfigurationProvider extends DefaultConfigurationProvider {
    protected readonly shared: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.shared = services;
    }

    protected override toSectionName(_languageId: string): string {
        return 'entente';
    }

    protected override updateSectionConfiguration(section: string, configuration: unknown): void {
        super.updateSectionConfiguration(section, configuration);
        if (section !== 'entente') {
            return;
        }
        const configured = (configuration as { today?: unknown } | null | undefined)?.today;
        const today = typeof configured === 'string' && DATE.test(configured) ? configured : undefined;
        let changed = false;
        for (const services of this.serviceRegistry.all) {
            const settings = (services as Partial<CharterServices>).charter?.Settings;
            if (settings && settings.today !== today) {
                settings.today = today;
                changed = true;
            }
        }
        const documents = this.shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        if (changed && documents.length > 0) {
            void this.recheck(documents);
        }
    }

    protected async recheck(uris: URI[]): Promise<void> {
        try {
            await this.shared.workspace.DocumentBuilder.update(uris, []);
        } catch (error) {
            console.error('entente: re-checking after a settings change failed:', error);
        }
    }
}
