import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise, type AstNodeDescription, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, type CancellationToken, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import { rangeWithin } from '../front-ends.js';
import { count } from '../wording.js';
import type { CharterSettings } from '../config/charter-settings.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import type { JournalIndex } from '../journal/journal-index.js';
import { Entry, isAssessed, isCharter, isDecided, isEscalated, isJournal, isMeasured, isMet, isPartyList, isResolved, Unfinished, type Charter, type Journal } from '../generated/ast.js';

const PRINCIPAL_TYPES = new Set(['Party', 'Role', 'Body']);
/** The last character of a name, keyword, number, date or text: a completion inserted right after it would be glued to it. */
const GLUED_AFTER = /[\p{L}\p{N}_"]/u;

/**
 * Completion of names. Langium offers every name in scope, and parties and
 * roles are global: after `decided by` that is every party of the workspace,
 * most of which the charter may not name (an `outsider-reference` error).
 * Here a principal is completed from what the charter may reference — its
 * bodies, the parties its `parties` clause lists and their roles — ranked by
 * how often the charter already names each. The `parties` clause itself
 * still offers every party (that is how one is added). A journal's entries
 * are completed as if written in its `for` charter: the same names, ranked
 * the same way. In a journal, a line where an entry starts (empty, or a
 * date being typed) is completed with today's date (`entente.today` when
 * set), never with the kinds of entry; `met Body with` offers the body's
 * members first, `decided Decision by` those who may decide it.
 */
export class CharterCompletionProvider extends DefaultCompletionProvider {
    protected readonly settings: CharterSettings;
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly journalIndex: JournalIndex;

    constructor(services: CharterServices) {
        super(services);
        this.settings = services.charter.Settings;
        this.modelBuilder = services.charter.ModelBuilder;
        this.journalIndex = services.charter.JournalIndex;
    }

    /** The terminal of the `word` of an entry cut short, and what may follow a date in the other kinds of entry: see `findFeaturesAt`. */
    private afterDate?: { word: GrammarAST.AbstractElement | undefined; kinds: NextFeature[] };

    /**
     * On a journal's line where an entry starts — nothing written yet, or a date being typed (`2026-`, `2026-08-0`) —
     * today's date and a space, to go on with the kind of entry: the DATE terminal reads `2026-` as a date, after
     * which Langium offered the kinds (`2026-met`). Nothing else there: a date being typed takes no kind yet.
     */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        const lineStart = offset - params.position.character;
        const before = text.slice(lineStart, offset);
        const typed = PARTIAL_DATE.exec(before);
        if (typed && inJournalBlock(document, offset) && !this.insideAnEntry(document, params.position)) {
            let lineEnd = offset;
            while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) lineEnd++;
            const today = this.settings.effectiveToday();
            const date = typed[1];
            if (text.slice(offset, lineEnd).trim() !== '' || !today.startsWith(date)) {
                return { isIncomplete: false, items: [] };
            }
            const start = document.textDocument.positionAt(offset - date.length);
            return {
                isIncomplete: false,
                items: [{
                    label: today,
                    kind: CompletionItemKind.Constant,
                    detail: 'today: an entry starts with its date',
                    filterText: today,
                    sortText: '0',
                    preselect: true,
                    // No command to open the kinds' suggestions after it: `editor.action.triggerSuggest` is VS Code's own, and
                    // another client would send it to the server to run. The kinds come as the next word is typed.
                    textEdit: { range: { start, end: params.position }, newText: `${today} ` }
                }]
            };
        }
        return super.getCompletion(document, params, cancelToken);
    }

    /** Whether the position is on a later line of an entry that goes on over several (`assessed by P {` … `}`): no entry starts there. */
    private insideAnEntry(document: LangiumDocument, position: CompletionParams['position']): boolean {
        const here = { start: position, end: position };
        return (this.modelBuilder.getModel(document).journals ?? []).some(journal => journal.entries.some(entry =>
            entry.range.start.line < position.line && rangeWithin(here, entry.range)));
    }

    /**
     * Langium's next features, and after a journal entry's date the kinds of
     * entry: the parser reads a date alone as an entry cut short
     * (`Unfinished`, which only a word may follow), so that the entries after
     * one being typed are still read.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const features = super.findFeaturesAt(document, offset);
        this.afterDate ??= featuresAfterDate(this.grammar);
        const { word, kinds } = this.afterDate;
        return word && features.some(next => next.feature === word) ? [...features, ...kinds] : features;
    }

    /**
     * Nothing right against the end of a word, number, date or text: at `2026-07-02|` or `measured M 5|` a keyword
     * or a name would be inserted glued to it (`2026-07-02met`), which reads as another token. After a space, or
     * while a word is being typed (its start is the completion's), Langium's completion as ever.
     */
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (context.tokenOffset === context.offset && context.offset > 0 && GLUED_AFTER.test(context.textDocument.getText().charAt(context.offset - 1))) {
            return undefined;
        }
        if (GrammarAST.isKeyword(next.feature) && !goesOnWithTheClause(context, next.feature)) {
            return undefined;
        }
        const unit = readingUnit(context, next);
        if (unit !== undefined) {
            // A reading's unit: the metric's target's (what `mismatched-unit` holds it to), not every unit there is.
            if (unit) acceptor(context, { label: unit, kind: CompletionItemKind.Unit, detail: 'the target\'s unit', sortText: '0' });
            return undefined;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** A pillar already scored in the assessment being written is not offered again (a second score is a finding). */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const assessed = context.node && AstUtils.getContainerOfType(context.node, isAssessed);
        if (assessed && AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'Pillar'
            && assessed.scores.some(score => score.pillar === keyword.value && score.$cstNode !== undefined && score.$cstNode.end <= context.tokenOffset)) {
            return false;
        }
        return super.filterKeyword(context, keyword);
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = this.notListedYet(super.getReferenceCandidates(refInfo, context), refInfo, context);
        const charter = charterOf(refInfo.container);
        if (!charter || isPartyList(refInfo.container)) {
            return candidates;
        }
        const listed = listedParties(charter);
        // Those attending a body's meeting are its members and other principals, never the body itself.
        const meeting = isMet(refInfo.container) && refInfo.property === 'attendees' ? refInfo.container.body?.$refText : undefined;
        return candidates.filter(candidate => (!PRINCIPAL_TYPES.has(candidate.type) || candidate.type === 'Body'
            || listed.has(candidate.name.split('.')[0])) && !(candidate.type === 'Body' && candidate.name === meeting));
    }

    /**
     * An issue after `escalated` or `resolved`: the open disputes first, each with where it stands as of today
     * (`open 12 days, level 2 of 3`), a resolved one after them (`resolved 2026-05-19`): escalating or resolving
     * it again is an `inconsistent-dispute`.
     */
    private issueItem(item: CompletionValueItem, charter: Charter, issue: string): CompletionValueItem {
        const model = this.modelBuilder.getModel(AstUtils.getDocument(charter)).charters.find(candidate => candidate.name === charter.name);
        const dispute = model && this.journalIndex.historyOf(model)?.disputes.find(candidate => candidate.issue === issue);
        if (!dispute) {
            return item;
        }
        const level = dispute.levels === 0 ? '' : dispute.reachedLevel > dispute.levels ? ', at the final step' : `, level ${dispute.reachedLevel} of ${dispute.levels}`;
        const state = dispute.resolved ? `resolved ${dispute.resolved.date}` : `open ${count(dispute.openDays, 'day')}${level}${dispute.overTime ? ', over its time box' : ''}`;
        return { ...item, sortText: `${dispute.resolved ? 1 : 0}${dispute.raised.date}${issue}`, labelDetails: { description: state } };
    }

    /**
     * In a list (`members`, `parties`, `with`, `decided … by`, …), the names
     * already written before the one being completed are not offered again.
     */
    private notListedYet(candidates: Stream<AstNodeDescription>, refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const list = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
        if (!Array.isArray(list)) {
            return candidates;
        }
        const written = new Set<string>();
        for (const item of list as Array<{ $refText?: string; $refNode?: { end: number } }>) {
            if (item.$refText && item.$refNode && item.$refNode.end <= context.tokenOffset) written.add(item.$refText);
        }
        return written.size === 0 ? candidates : candidates.filter(candidate => !written.has(candidate.name));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const charter = charterOf(refInfo.container);
        if (charter && (isEscalated(refInfo.container) || isResolved(refInfo.container)) && refInfo.property === 'issue') {
            return this.issueItem(item, charter, description.name);
        }
        if (!charter || !PRINCIPAL_TYPES.has(description.type)) {
            return item;
        }
        const uses = usesIn(charter).get(description.name) ?? 0;
        // At `met Body with`, the body's members first (preselected), then the other principals.
        const meeting = isMet(refInfo.container) && refInfo.property === 'attendees' ? refInfo.container.body : undefined;
        // At `decided Decision by`, those the charter lets decide it first (a role acts for its party): see decided-without-right.
        const decision = isDecided(refInfo.container) && refInfo.property === 'deciders' ? refInfo.container.decision : undefined;
        const members = meeting?.ref?.members.map(member => member.$refText)
            ?? decision?.ref?.deciders.map(decider => decider.$refText);
        const member = members?.some(name => name === description.name || (description.type === 'Role' && description.name.startsWith(`${name}.`)
            && decision !== undefined)) ?? false;
        // Most used first; then parties, roles, bodies; then by name.
        const kind = description.type === 'Party' ? 0 : description.type === 'Role' ? 1 : 2;
        return {
            ...item,
            sortText: `${members && !member ? 1 : 0}${String(99_999 - Math.min(uses, 99_999)).padStart(5, '0')}${kind}${description.name}`,
            preselect: member || undefined,
            labelDetails: member ? { description: meeting ? `member of ${meeting.$refText}` : `decides ${decision?.$refText}` }
                : uses > 0 ? { description: `named ${uses}×` } : item.labelDetails
        };
    }
}

/** What a journal's line holds before the cursor while its entry's date is being typed: nothing yet, `2026`, `2026-0`, `2026-08-1`. */
const PARTIAL_DATE = /^[ \t]*(\d{0,4}|\d{4}-\d{0,2}|\d{4}-\d{1,2}-\d{0,2})$/;

/** Whether the offset is inside a journal's `{ … }`, where entries are written (an unclosed block reaches the end of the text). */
function inJournalBlock(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value;
    for (const node of AstUtils.streamContents(root)) {
        if (!isJournal(node)) continue;
        const open = GrammarUtils.findNodeForKeyword((node as Journal).$cstNode, '{');
        if (!open || offset < open.end) continue;
        const close = GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
        if (!close || offset <= close.offset) return true;
    }
    return false;
}

/**
 * Where a clause may name an element it does not have to (`escalates to`,
 * `met`, `delivered`), a word written on the clause's own line is that name:
 * `escalates to D` completes `Disputes`, not the `decided` of the next
 * clause, nor a `}`. Keywords that go on with the same clause or entry
 * (`met … with`, `decided … by`) are offered as ever, and on a line of its
 * own a word may start any clause.
 */
function goesOnWithTheClause(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
    const references = context.features.filter(next => GrammarAST.isCrossReference(next.feature));
    if (references.length === 0 || !onTheLineBefore(context.textDocument.getText(), context.offset, context.tokenOffset)) {
        return true;
    }
    const ruleOf = (element: GrammarAST.AbstractElement) => AstUtils.getContainerOfType(element, GrammarAST.isParserRule);
    const rule = ruleOf(keyword);
    return !!rule && references.some(next => ruleOf(next.feature) === rule) && !startsRule(rule, keyword);
}

/** Whether the keyword is the first word of its rule (`escalates` of `escalates to …`): it starts the clause again, it does not go on with it. */
function startsRule(rule: GrammarAST.ParserRule, keyword: GrammarAST.Keyword): boolean {
    let first: GrammarAST.AbstractElement | undefined = rule.definition;
    while (first && (GrammarAST.isGroup(first) || GrammarAST.isAssignment(first))) {
        first = GrammarAST.isGroup(first) ? first.elements[0] : first.terminal;
    }
    return first === keyword;
}

/** Whether something is written on the cursor's line before the word being completed (spaces and tabs aside). */
function onTheLineBefore(text: string, cursor: number, wordStart: number): boolean {
    for (let index = Math.min(cursor, wordStart) - 1; index >= 0; index--) {
        const code = text.charCodeAt(index);
        if (code === 0x0a || code === 0x0d) return false;
        if (code !== 0x20 && code !== 0x09) return true;
    }
    return false;
}

/** In the grammar: the terminal of an `Unfinished` entry's word, and what follows the date in each other kind of entry (its keyword). */
function featuresAfterDate(grammar: GrammarAST.Grammar): { word: GrammarAST.AbstractElement | undefined; kinds: NextFeature[] } {
    const ruleNamed = (name: string) => grammar.rules.find((rule): rule is GrammarAST.ParserRule => GrammarAST.isParserRule(rule) && rule.name === name);
    const unfinished = ruleNamed(Unfinished.$type);
    // Next features name the terminal an assignment reads (`ID`), not the assignment.
    const word = unfinished && AstUtils.streamAst(unfinished.definition)
        .find((element): element is GrammarAST.Assignment => GrammarAST.isAssignment(element) && element.feature === 'word')?.terminal;
    const kinds: NextFeature[] = [];
    const entry = ruleNamed(Entry.$type)?.definition;
    for (const alternative of entry && GrammarAST.isAlternatives(entry) ? entry.elements : []) {
        const rule = GrammarAST.isRuleCall(alternative) ? alternative.rule.ref : undefined;
        if (GrammarAST.isParserRule(rule) && rule !== unfinished && GrammarAST.isGroup(rule.definition)) {
            // The date is each kind's first element; what follows it is the kind's keyword.
            kinds.push(...findNextFeatures([[{ feature: rule.definition.elements[0], type: rule.name }]], []));
        }
    }
    return { word, kinds };
}

/**
 * The charter whose names a reference may use: the charter it is written in,
 * or the `for` charter of the journal it is written in (none when `for` names
 * no charter, or for the `for` name itself).
 */
function charterOf(container: AstNode): Charter | undefined {
    const charter = AstUtils.getContainerOfType(container, isCharter);
    if (charter) {
        return charter;
    }
    const journal = AstUtils.getContainerOfType(container, isJournal);
    return journal && journal !== container ? journal.charter?.ref : undefined;
}

/** The parties a charter's `parties` clauses list, as written. */
function listedParties(charter: Charter): Set<string> {
    return new Set(charter.partyLists.flatMap(list => list.parties.map(party => party.$refText)));
}

const usesCache = new WeakMap<AstNode, { version: string; uses: Map<string, number> }>();

/** How often each principal is named in the charter's clauses (the `parties` clause left out). */
function usesIn(charter: Charter): Map<string, number> {
    const document = AstUtils.getDocument(charter);
    const version = `${document.textDocument.version}:${document.textDocument.getText().length}`;
    const cached = usesCache.get(charter);
    if (cached?.version === version) {
        return cached.uses;
    }
    const uses = new Map<string, number>();
    for (const node of AstUtils.streamAllContents(charter)) {
        if (isPartyList(node)) {
            continue;
        }
        for (const reference of AstUtils.streamReferences(node)) {
            const text = reference.reference.$refText;
            if (text) {
                uses.set(text, (uses.get(text) ?? 0) + 1);
            }
        }
    }
    usesCache.set(charter, { version, uses });
    return uses;
}

/**
 * At the unit of a `measured` entry whose metric has a target: the target's
 * unit (`USD`, `%`, `days`, `of 5`), or '' when the target has none (a bare
 * number is then right); undefined anywhere else, or when the metric or its
 * target is not known yet (Langium's completion as ever).
 */
function readingUnit(context: CompletionContext, next: NextFeature): string | undefined {
    const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
    const atUnit = rule === 'Unit' || rule === 'TimeUnit' || (rule === 'Measured' && GrammarAST.isKeyword(next.feature) && next.feature.value === 'of');
    const measured = atUnit && context.node ? AstUtils.getContainerOfType(context.node, isMeasured) : undefined;
    const target = measured?.metric?.ref?.target;
    if (!target || measured?.value === undefined) {
        return undefined;
    }
    return target.scale !== undefined ? `of ${target.scale}` : target.unit ?? '';
}

