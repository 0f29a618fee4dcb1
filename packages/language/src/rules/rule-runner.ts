import { DocumentState, WorkspaceCache, type IndexManager, type LangiumDocument } from 'langium';
import type { CharterServices } from '../charter-module.js';
import type { CharterSettings } from '../charter-settings.js';
import type { ConfigProvider } from '../config/charter-config.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import type { Range } from '../model/types.js';
import { allRules } from './index.js';
import type { Finding, Rule, WorkspaceNames } from './rule.js';

const DOCUMENT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Runs every rule over a document's model with the configuration in force.
 * The one code path for findings: the language server's validator and the
 * CLI both call it.
 */
export class CharterRuleRunner {
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly settings: CharterSettings;
    protected readonly configProvider: ConfigProvider;
    protected readonly indexManager: IndexManager;
    protected readonly rules: readonly Rule[];
    protected readonly topLevelNames: WorkspaceCache<string, Map<string, Array<{ uri: string; range: Range; kind: string }>>>;

    constructor(services: CharterServices) {
        this.modelBuilder = services.charter.ModelBuilder;
        this.settings = services.charter.Settings;
        this.configProvider = services.charter.ConfigProvider;
        this.indexManager = services.shared.workspace.IndexManager;
        this.rules = allRules;
        this.topLevelNames = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    run(document: LangiumDocument): Finding[] {
        const model = this.modelBuilder.getModel(document);
        const config = this.configProvider.getConfig(model.uri);
        const today = this.settings.effectiveToday();
        const workspace = this.workspaceNames();
        const findings: Finding[] = [];
        for (const rule of this.rules) {
            const level = config.levelOf(rule.meta);
            if (level === 'off') {
                continue;
            }
            try {
                rule.check({
                    document: model,
                    today,
                    options: config.optionsOf(rule.meta),
                    workspace,
                    report: report => findings.push({ ...report, ruleId: rule.meta.id, severity: level, uri: model.uri })
                });
            } catch (error) {
                console.error(`entente: rule ${rule.meta.id} failed on ${model.uri}:`, error);
                findings.push({
                    ruleId: 'internal-error',
                    severity: 'error',
                    uri: model.uri,
                    range: DOCUMENT_START,
                    message: `Rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}. Please report this.`
                });
            }
        }
        return findings;
    }

    protected workspaceNames(): WorkspaceNames {
        const byName = this.topLevelNames.get('names', () => {
            const names = new Map<string, Array<{ uri: string; range: Range; kind: string }>>();
            for (const description of this.indexManager.allElements().filter(d => d.type === 'Party' || d.type === 'Charter')) {
                const entry = { uri: description.documentUri.toString(), range: description.nameSegment?.range ?? DOCUMENT_START, kind: description.type.toLowerCase() };
                names.set(description.name, [...(names.get(description.name) ?? []), entry]);
            }
            return names;
        });
        return { topLevel: name => byName.get(name) ?? [] };
    }
}
