import { AstUtils, CstUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import * as ast from '../generated/ast.js';
import { daysBetween } from '../journal/periods.js';
import { dateRangeOf, type JournalEntry, type JournalModel } from '../model/journal-types.js';
import type { CharterModel } from '../model/types.js';
import { contains, disputeHover, elementHoverAt, ENTRY_KIND_MEANINGS, namedElementHover, principalHover } from './element-hover.js';
import { healthMarkdown } from './health-text.js';

/**
 * Hover on a charter's name: its health breakdown and top reasons. On the name of a decision, body,
 * commitment, metric, escalation or objective, or a reference to a party or role: what a reviewer needs
 * to know about it (element-hover.ts); a reference to a body, decision, escalation or objective
 * (`consults Steering`, `escalates to Disputes`, `tracks Growth`) gets the hover of what it names. In a journal, a name an entry mentions gets
 * the hover of what it names, from its charter (a party or role: what it does in the journal's charter),
 * and `for Charter` the charter's health; an entry's date says how long before today it is, its kind what
 * it records, and a dispute's issue (where `raised`, and in `escalated` / `resolved`) the dispute as of
 * today, from the charter's history. Elsewhere, Langium's default (doc comments).
 */
export class CharterHoverProvider extends MultilineCommentHoverProvider {
    protected readonly charterServices: CharterServices;

    constructor(services: CharterServices) {
        super(services);
        this.charterServices = services;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const model = this.charterServices.charter.ModelBuilder.getModel(document);
        const index = model.charters.findIndex(charter => contains(charter.source.nameRange, params.position));
        if (index >= 0) {
            const health = this.charterServices.charter.HealthScorer.score(document)[index];
            return { contents: { kind: 'markdown', value: healthMarkdown(health) }, range: model.charters[index].source.nameRange };
        }
        for (const charter of model.charters) {
            if (contains(charter.source.range, params.position)) {
                const hover = elementHoverAt(charter, params.position);
                if (hover) {
                    return { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range };
                }
                const byReference = this.referenceHover(document, params);
                if (byReference) {
                    return byReference;
                }
            }
        }
        const journal = model.journals?.find(candidate => contains(candidate.source.range, params.position));
        const inJournal = journal && (this.entryHover(document, journal, params) ?? this.referenceHover(document, params, journal));
        return inJournal || super.getHoverContent(document, params);
    }

    /**
     * The hover of the element a name refers to: in a journal's entry (or its `for`), with the journal
     * (a party or role is described in the journal's charter); in a charter, a body, decision or
     * escalation it names (its parties and roles have their hover from the charter's model).
     */
    protected referenceHover(document: LangiumDocument, params: HoverParams, journal?: JournalModel): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const name = root && CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!name || name.offset + name.length <= offset) {
            return undefined;
        }
        const [target] = this.references.findDeclarations(name);
        const markdown = target && this.targetMarkdown(target, journal);
        return markdown ? { contents: { kind: 'markdown', value: markdown }, range: name.range } : undefined;
    }

    /** On an entry's date, its kind, or its dispute's issue: see the class comment. */
    protected entryHover(document: LangiumDocument, journal: JournalModel, params: HoverParams): Hover | undefined {
        const entry = journal.entries.find(candidate => contains(candidate.range, params.position));
        if (!entry) {
            return undefined;
        }
        const markdown = (value: string, range: Hover['range']): Hover => ({ contents: { kind: 'markdown', value }, range });
        if ((entry.kind === 'raised' || entry.kind === 'escalated' || entry.kind === 'resolved') && entry.issue && contains(entry.issue.range, params.position)) {
            const index = this.charterServices.charter.JournalIndex;
            const charter = index.charterOf(journal);
            const history = charter && index.historyOf(charter);
            const dispute = history?.disputes.find(candidate => candidate.issue === entry.issue!.text);
            if (!history || !dispute) {
                return markdown(`**issue ${entry.issue.text}**\n\nRaised in no journal of ${journal.charter ?? 'its charter'}.`, entry.issue.range);
            }
            const escalation = history.charter.escalations.find(candidate => candidate.name === dispute.escalation);
            return markdown(disputeHover(dispute, escalation, history.today), entry.issue.range);
        }
        const date = dateRangeOf(entry);
        if (contains(date, params.position)) {
            const today = this.charterServices.charter.Settings.effectiveToday();
            return markdown(`**${entry.date}**${dayText(entry.date, today)}`, date);
        }
        const kind = kindRange(document, entry);
        return kind && contains(kind, params.position) ? markdown(`**${entry.kind}** — ${ENTRY_KIND_MEANINGS[entry.kind]}`, kind) : undefined;
    }

    private targetMarkdown(target: AstNode, journal: JournalModel | undefined): string | undefined {
        if (ast.isCharter(target)) {
            const document = AstUtils.getDocument(target);
            const index = this.charterServices.charter.ModelBuilder.getModel(document).charters.findIndex(charter => charter.name === target.name);
            return index >= 0 ? healthMarkdown(this.charterServices.charter.HealthScorer.score(document)[index]) : undefined;
        }
        if (ast.isParty(target) || ast.isRole(target)) {
            if (!journal) {
                return undefined;
            }
            const charter = journal.charter && journal.charterUri ? this.charterModel(journal.charterUri, journal.charter) : undefined;
            const party = ast.isRole(target) ? (target.$container as ast.Party).name : target.name;
            const qualified = ast.isRole(target) ? `${party}.${target.name}` : party;
            return charter && principalHover(charter, { text: qualified, kind: ast.isRole(target) ? 'role' : 'party', name: qualified, parties: [party], range: journal.charterRange });
        }
        const container = AstUtils.getContainerOfType(target, ast.isCharter);
        const name = (target as { name?: unknown }).name;
        if (!container || typeof name !== 'string') {
            return undefined;
        }
        const charter = this.charterModel(AstUtils.getDocument(target).uri.toString(), container.name);
        return charter && namedElementHover(charter, name);
    }

    private charterModel(uri: string, name: string): CharterModel | undefined {
        const document = this.charterServices.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        return document && this.charterServices.charter.ModelBuilder.getModel(document).charters.find(charter => charter.name === name);
    }
}

/** `: 12 days before today (2026-11-22)`, `: today`, `: 3 days after today (…)`; nothing for a date not of the calendar. */
function dayText(date: string, today: string): string {
    const days = daysBetween(date, today);
    if (!Number.isFinite(days)) {
        return '';
    }
    if (days === 0) {
        return ' — today';
    }
    const n = Math.abs(days);
    return ` — ${n} ${n === 1 ? 'day' : 'days'} ${days > 0 ? 'before' : 'after'} today (${today})`;
}

/** Where an entry's kind is written: the first word after its date (comments between them skipped). */
function kindRange(document: LangiumDocument, entry: JournalEntry): Hover['range'] {
    const text = document.textDocument.getText();
    const after = document.textDocument.offsetAt(dateRangeOf(entry).end);
    const gap = /^(?:\s|\/\*[\s\S]*?\*\/)*/.exec(text.slice(after, after + 200))?.[0].length ?? 0;
    if (!text.startsWith(entry.kind, after + gap)) {
        return undefined;
    }
    const start = document.textDocument.positionAt(after + gap);
    return { start, end: document.textDocument.positionAt(after + gap + entry.kind.length) };
}
