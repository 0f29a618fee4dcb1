import { WorkspaceCache, type IndexManager, type LangiumDocuments } from 'langium';
import { URI } from 'vscode-uri';
import type { CharterCoreServices } from '../charter-core-module.js';
import type { CharterSettings } from '../charter-settings.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import type { CharterModel, JournalModel } from '../model/types.js';
import { buildHistory, type CharterHistory } from './history.js';

/**
 * Finds a charter's journals anywhere in the workspace and builds its
 * history (all its journals read as one), once per workspace state and date.
 * Works from the documents' models: call it once the workspace is linked.
 */
export class JournalIndex {
    protected readonly indexManager: IndexManager;
    protected readonly documents: LangiumDocuments;
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly settings: CharterSettings;
    protected readonly byCharter: WorkspaceCache<string, Map<string, JournalModel[]>>;
    protected readonly histories: WorkspaceCache<string, CharterHistory>;

    constructor(services: CharterCoreServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.modelBuilder = services.charter.ModelBuilder;
        this.settings = services.charter.Settings;
        this.byCharter = new WorkspaceCache(services.shared);
        this.histories = new WorkspaceCache(services.shared);
    }

    /** The journals written for a charter (by its name and file), in workspace order. */
    journalsOf(charter: Pick<CharterModel, 'name' | 'uri'>): JournalModel[] {
        const all = this.byCharter.get('all', () => {
            const map = new Map<string, JournalModel[]>();
            const seen = new Set<string>();
            for (const description of this.indexManager.allElements('Journal')) {
                const uri = description.documentUri.toString();
                if (seen.has(uri)) continue;
                seen.add(uri);
                const document = this.documents.getDocument(description.documentUri);
                for (const journal of document ? this.modelBuilder.getModel(document).journals ?? [] : []) {
                    if (journal.charter && journal.charterUri) {
                        const key = keyOf(journal.charter, journal.charterUri);
                        map.set(key, [...(map.get(key) ?? []), journal]);
                    }
                }
            }
            return map;
        });
        return all.get(keyOf(charter.name, charter.uri)) ?? [];
    }

    /** The charter a journal is written for, from its model. */
    charterOf(journal: JournalModel): CharterModel | undefined {
        if (!journal.charter || !journal.charterUri) return undefined;
        const document = this.documents.getDocument(URI.parse(journal.charterUri));
        return document ? this.modelBuilder.getModel(document).charters.find(charter => charter.name === journal.charter) : undefined;
    }

    /** The charter's history as of today (undefined when it has no journal: execution is then not measured). */
    historyOf(charter: CharterModel): CharterHistory | undefined {
        const journals = this.journalsOf(charter);
        if (journals.length === 0) return undefined;
        const today = this.settings.effectiveToday();
        const key = `${keyOf(charter.name, charter.uri)}@${today}`;
        const cached = this.histories.get(key, () => buildHistory(charter, journals, today));
        // A charter model rebuilt since (its document was linked again) gets a fresh history.
        return cached.charter === charter && cached.journals.every((journal, index) => journal === journals[index])
            ? cached
            : buildHistory(charter, journals, today);
    }
}

function keyOf(name: string, uri: string): string {
    return `${uri}#${name}`;
}
