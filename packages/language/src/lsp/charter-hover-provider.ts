import { AstUtils, CstUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import * as ast from '../generated/ast.js';
import type { JournalModel } from '../model/journal-types.js';
import type { CharterModel } from '../model/types.js';
import { contains, elementHoverAt, namedElementHover, principalHover } from './element-hover.js';
import { healthMarkdown } from './health-text.js';

/**
 * Hover on a charter's name: its health breakdown and top reasons. On the name of a decision, body,
 * commitment, metric, escalation or objective, or a reference to a party or role: what a reviewer needs
 * to know about it (element-hover.ts); a reference to a body, decision, escalation or objective
 * (`consults Steering`, `escalates to Disputes`, `tracks Growth`) gets the hover of what it names. In a journal, a name an entry mentions gets
 * the hover of what it names, from its charter (a party or role: what it does in the journal's charter),
 * and `for Charter` the charter's health. Elsewhere, Langium's default (doc comments).
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
        const inJournal = journal && this.referenceHover(document, params, journal);
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
