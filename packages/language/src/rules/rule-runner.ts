import { DocumentCache, DocumentState, WorkspaceCache, type IndexManager, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { CharterCoreServices } from '../charter-core-module.js';
import type { CharterSettings } from '../config/charter-settings.js';
import { ResolvedConfig, type ConfigProvider } from '../config/charter-config.js';
import type { Connection } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CharterModelBuilder } from '../model/model-builder.js';
import type { DocumentModel, Range } from '../model/types.js';
import { compareText } from '../util/compare-text.js';
import { roleLoadsOfCharter, type RoleLoad } from '../portfolio/role-load.js';
import { allRules } from './index.js';
import type { Finding, JournalScope, Report, Rule, RuleContext, Severity, WorkspaceNames } from './rule.js';
import type { JournalIndex } from '../journal/journal-index.js';
import type { JournalModel } from '../model/types.js';
import { applySuppressions } from './suppressions.js';

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
    protected readonly connection: Connection | undefined;
    protected readonly journalIndex: JournalIndex;
    protected readonly reportedConfigErrors = new Set<string>();
    protected readonly latestFindings = new WeakMap<LangiumDocument, { model: DocumentModel; findings: Finding[] }>();
    protected readonly topLevelNames: WorkspaceCache<string, Map<string, Array<{ uri: string; range: Range; kind: string }>>>;
    protected readonly langiumDocuments: LangiumDocuments;
    protected readonly roleLoadsOfDocument: DocumentCache<string, RoleLoad[]>;
    protected readonly workspaceRoleLoads: WorkspaceCache<string, Map<string, RoleLoad[]>>;
    /** Role loads given from outside (a check split across threads: every thread's share); none: computed from the documents loaded. */
    protected givenRoleLoads: Map<string, RoleLoad[]> | undefined;
    protected lastUriRanks: { uris: readonly string[]; ranks: ReadonlyMap<string, number> } | undefined;

    constructor(services: CharterCoreServices) {
        this.modelBuilder = services.charter.ModelBuilder;
        this.settings = services.charter.Settings;
        this.configProvider = services.charter.ConfigProvider;
        this.indexManager = services.shared.workspace.IndexManager;
        this.rules = allRules;
        this.journalIndex = services.charter.JournalIndex;
        // Only the language server's shared services have a connection.
        this.connection = (services.shared as Partial<LangiumSharedServices>).lsp?.Connection;
        this.topLevelNames = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
        this.roleLoadsOfDocument = new DocumentCache(services.shared, DocumentState.Linked);
        this.workspaceRoleLoads = new WorkspaceCache(services.shared, DocumentState.Linked);
    }

    /** The role loads of the documents' charters (of those linked), by role, ordered by document and charter. */
    roleLoadsOf(documents: Iterable<LangiumDocument>): Map<string, RoleLoad[]> {
        const all: RoleLoad[] = [];
        for (const document of documents) {
            if (document.state < DocumentState.Linked) {
                continue;
            }
            const loads = this.roleLoadsOfDocument.get(document.uri, 'loads', () =>
                this.modelBuilder.getModel(document).charters.flatMap(charter => roleLoadsOfCharter(charter)));
            for (const load of loads) {
                all.push(load);
            }
        }
        // Each role's loads in the order of a stable sort by `compareText(a.uri, b.uri) || compareText(a.charter, b.charter)`,
        // without comparing URIs inside every role's list (in a workspace of 1,000 charters, a dozen roles each named in every
        // charter: 120,000 comparisons of 40-character URIs, most of an edit's time): the loads go into one bucket per place
        // of their URI in that order (worked out once per set of URIs), each bucket is sorted by charter, and the roles'
        // lists are filled from the buckets in order.
        const ranks = this.uriRanks(all);
        const buckets: RoleLoad[][] = [];
        for (const load of all) {
            const rank = ranks.get(load.uri)!;
            (buckets[rank] ??= []).push(load);
        }
        const byRole = new Map<string, RoleLoad[]>();
        for (const bucket of buckets) {
            if (bucket === undefined) {
                continue;
            }
            if (bucket.some(load => load.charter !== bucket[0].charter)) {
                bucket.sort((a, b) => compareText(a.charter, b.charter));
            }
            for (const load of bucket) {
                const list = byRole.get(load.role);
                if (list) {
                    list.push(load);
                } else {
                    byRole.set(load.role, [load]);
                }
            }
        }
        return byRole;
    }

    /** The place of each load's URI in `compareText` order (URIs that compare equal share one); kept while the URIs are the same. */
    protected uriRanks(loads: readonly RoleLoad[]): ReadonlyMap<string, number> {
        const distinct = [...new Set(loads.map(load => load.uri))];
        const last = this.lastUriRanks;
        if (last && last.uris.length === distinct.length && distinct.every((uri, index) => last.uris[index] === uri)) {
            return last.ranks;
        }
        const sorted = [...distinct].sort(compareText);
        const ranks = new Map<string, number>();
        sorted.forEach((uri, index) => ranks.set(uri, index > 0 && compareText(sorted[index - 1], uri) === 0 ? ranks.get(sorted[index - 1])! : index));
        this.lastUriRanks = { uris: distinct, ranks };
        return ranks;
    }

    /** Stands in the whole workspace's role loads (a thread of a split check loads only part of the workspace). */
    setWorkspaceRoleLoads(loads: Map<string, RoleLoad[]> | undefined): void {
        this.givenRoleLoads = loads;
    }

    /** The findings of the document's latest run (the validator runs on every change), or a fresh run. */
    findingsOf(document: LangiumDocument): Finding[] {
        const latest = this.latestFindings.get(document);
        return latest && latest.model === this.modelBuilder.getModel(document) ? latest.findings : this.run(document);
    }

    /** The findings of the document's latest run, if it has been checked. */
    latestFindingsOf(document: LangiumDocument): readonly Finding[] | undefined {
        return this.latestFindings.get(document)?.findings;
    }

    run(document: LangiumDocument): Finding[] {
        const findings = this.runAll(document);
        this.latestFindings.set(document, { model: this.modelBuilder.getModel(document), findings });
        return findings;
    }

    protected runAll(document: LangiumDocument): Finding[] {
        const model = this.modelBuilder.getModel(document);
        const config = this.configFor(model.uri);
        const today = this.settings.effectiveToday();
        const workspace = this.workspaceNames();
        const journals = this.journalScopes(model);
        const context = { document: model, today, workspace, ...(journals.length ? { journals } : {}) };
        const findings = this.runRules(this.rules.filter(rule => !rule.meta.phase), config, context);
        const { kept, outcomes } = applySuppressions(findings, model.suppressions, this.rules, today);
        const aboutSuppressions = this.runRules(this.rules.filter(rule => rule.meta.phase === 'suppressions'), config, { ...context, suppressionOutcomes: outcomes });
        return [...kept, ...aboutSuppressions];
    }

    protected runRules(rules: readonly Rule[], config: ResolvedConfig, context: Omit<RuleContext, 'options' | 'report'>): Finding[] {
        const findings: Finding[] = [];
        const uri = context.document.uri;
        for (const rule of rules) {
            const level = config.levelOf(rule.meta);
            if (level === 'off') {
                continue;
            }
            const ruleId = rule.meta.id;
            try {
                // Objects written out rather than spread: V8 builds a spread-and-extend literal on its slow path, once per rule and document and once per finding.
                rule.check({
                    document: context.document, today: context.today, workspace: context.workspace, journals: context.journals,
                    suppressionOutcomes: context.suppressionOutcomes, options: config.optionsOf(rule.meta),
                    report: report => findings.push(findingOf(report, ruleId, level, uri))
                });
            } catch (error) {
                console.error(`entente: rule ${rule.meta.id} failed on ${uri}:`, error);
                findings.push({
                    ruleId: 'internal-error',
                    severity: 'error',
                    uri,
                    range: DOCUMENT_START,
                    message: `Rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}. Please report this.`
                });
            }
        }
        return findings;
    }

    /** The document's journals with their charters' histories (see `JournalScope`). */
    protected journalScopes(model: DocumentModel): JournalScope[] {
        return (model.journals ?? []).map(journal => {
            const charter = this.journalIndex.charterOf(journal);
            const history = charter ? this.journalIndex.historyOf(charter) : undefined;
            return { journal, history, reportsCharter: history ? reportsCharter(journal, history.journals) : false };
        });
    }

    /** The configuration in force; a broken file is reported (once per message) and the defaults are used. */
    protected configFor(uri: string): ResolvedConfig {
        try {
            return this.configProvider.getConfig(uri);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            if (!this.reportedConfigErrors.has(message)) {
                this.reportedConfigErrors.add(message);
                console.error(`entente: ${message}; using the default configuration`);
                void this.connection?.window.showErrorMessage(`Entente: ${message}. Using the default configuration.`);
            }
            return new ResolvedConfig();
        }
    }

    protected workspaceNames(): WorkspaceNames {
        const byName = this.topLevelNames.get('names', () => {
            const names = new Map<string, Array<{ uri: string; range: Range; kind: string }>>();
            for (const description of this.indexManager.allElements().filter(d => d.type === 'Party' || d.type === 'Charter' || d.type === 'Journal')) {
                const entry = { uri: description.documentUri.toString(), range: description.nameSegment?.range ?? DOCUMENT_START, kind: description.type.toLowerCase() };
                const same = names.get(description.name);
                if (same) {
                    same.push(entry); // not a copy per entry: a name declared thousands of times stays linear
                } else {
                    names.set(description.name, [entry]);
                }
            }
            return names;
        });
        const roleLoads = () => this.givenRoleLoads ?? this.workspaceRoleLoads.get('loads', () => this.roleLoadsOf(this.langiumDocuments.all));
        return {
            topLevel: name => byName.get(name) ?? [],
            roleLoads: role => roleLoads().get(role) ?? [],
            historyOf: charter => this.journalIndex.historyOf(charter)
        };
    }
}

/** A rule's report as a finding: its fields, the element only when its name is complete, with the rule, severity and document. */
function findingOf(report: Report, ruleId: string, severity: Severity, uri: string): Finding {
    // The fields a report can have, copied by name (a copy of every key, by `for...in`, was most of making a finding: a
    // 10,000-entry journal has a thousand findings on every edit); a key the report has is kept even when undefined.
    const finding: Finding = { message: report.message, range: report.range, ruleId, severity, uri };
    if ('related' in report) {
        finding.related = report.related;
    }
    if ('data' in report) {
        finding.data = report.data;
    }
    const name = completeName(report.element);
    if (name !== undefined) {
        finding.element = name;
    }
    return finding;
}

/** An element's qualified name, or none while a part of it is still unwritten (`Deal.` for a nameless decision). */
function completeName(element: string | undefined): string | undefined {
    // No empty part, without splitting the name of every finding into an array.
    return element !== undefined && element !== '' && !element.startsWith('.') && !element.endsWith('.') && !element.includes('..') ? element : undefined;
}

/** Whether this journal is the charter's current one: its latest entry is the latest of all (a tie: the last journal in workspace order). */
export function reportsCharter(journal: JournalModel, journals: readonly JournalModel[]): boolean {
    const latest = (candidate: JournalModel) => candidate.entries.reduce((max, entry) => (entry.date > max ? entry.date : max), '');
    let current: JournalModel | undefined;
    for (const candidate of journals) {
        if (!current || latest(candidate) >= latest(current)) current = candidate;
    }
    return current === journal;
}
