import { AstUtils, DocumentCache, DocumentState, type IndexManager, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type Lexer, type MultiReference, type Reference, type ScopeProvider } from 'langium';
import { CstUtils } from 'langium';
import { compareText } from '../util/compare-text.js';
import { closest } from '../util/closest.js';
import { isRealDate, rangeWithin, realDate } from '../front-ends.js';
import { numberWithSeparatorsProblem, separatedNumberAt } from './written-numbers.js';
import { dateWrittenOtherwise, dateWrittenOtherwiseProblem, notADateProblem, quotedDate, quotedDateProblem } from './written-dates.js';
import { TYPOGRAPHIC_QUOTES } from '../parser/charter-lexer-messages.js';
import { expectsClosingBrace, unclosedBlockMessage } from '../parser/charter-parser-messages.js';
import { previousTokenOf, ruleStackOf } from '../parser/parser-errors.js';
import { repairOf } from '../parser/token-repairs.js';
import { ELEMENT_KEYWORDS, kindAndName } from '../wording.js';
import type { CharterCoreServices } from '../charter-core-module.js';
import * as ast from '../generated/ast.js';
import { ISSUE_SCOPE } from './types.js';
import type {
    BodyModel, Cadence, FinalKind, CharterModel, CommitmentModel, DecisionModel, DocumentModel, Duration, EscalationModel,
    CutShort, LevelModel, MetricModel, NamedElement, PartyInfo, PrincipalRef, Range, SourceRef, SyntaxProblem, UnresolvedReference, VotingRule
} from './types.js';
import { findSuppressionComments, findUnrecognisedSuppressions, mayHoldSuppressions, type CommentToken, type SuppressionComment } from './suppression-comments.js';
import { analyseVote, type VoteOutcome } from './voting.js';
import { rangeOfReference } from '../references/charter-linker.js';
import { buildJournalModel, journalDateProblems, journalProblems } from './journal-builder.js';
import { featureOf } from '../util/cst-search.js';
import { CharterIndexManager } from '../workspace/charter-index-manager.js';
import type { JournalModel } from './journal-types.js';

const DAYS_PER_UNIT: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const DAYS_PER_CADENCE: Record<Cadence, number> = { weekly: 7, monthly: 30, quarterly: 91, yearly: 365 };
const EMPTY_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Days in a cadence (a quarter counts 91 days). */
export function cadenceDays(cadence: Cadence): number {
    return DAYS_PER_CADENCE[cadence];
}

/**
 * Builds the partnership model of a document from its linked AST, once per
 * document version: the cache is cleared whenever the document is linked again
 * (its own edit or a change in a file it depends on).
 */
export class CharterModelBuilder {
    protected readonly cache: DocumentCache<string, DocumentModel>;

    protected readonly lexer: Lexer;
    protected readonly indexManager: IndexManager;
    protected readonly scopeProvider: ScopeProvider;

    constructor(services: CharterCoreServices) {
        this.cache = new DocumentCache(services.shared, DocumentState.Linked);
        this.lexer = services.parser.Lexer;
        this.indexManager = services.shared.workspace.IndexManager;
        this.scopeProvider = services.references.ScopeProvider;
    }

    /** The model of a document that has reached at least the linked state. */
    getModel(document: LangiumDocument): DocumentModel {
        return this.cache.get(document.uri, 'model', () => buildDocumentModel(document, this.lexer, this.mayHaveLinkingErrors(document), this.scopeProvider));
    }

    /**
     * False when the reference index, as of this document's current linking,
     * recorded that every reference resolved: the model then skips asking each
     * reference for its error (a journal has thousands).
     */
    protected mayHaveLinkingErrors(document: LangiumDocument): boolean {
        const index = this.indexManager;
        return !(index instanceof CharterIndexManager) || document.state < DocumentState.IndexedReferences || index.hasLinkingErrors(document);
    }
}

/** Builds the model of one linked document; `mayHaveLinkingErrors` false: every reference is known to have resolved. */
function buildDocumentModel(document: LangiumDocument, lexer?: Lexer, mayHaveLinkingErrors = true, scopes?: ScopeProvider): DocumentModel {
    const root = document.parseResult.value as ast.Document;
    const uri = document.uri.toString();
    const names: NamedElement[] = [];
    const parties: PartyInfo[] = [];
    const charters: CharterModel[] = [];
    const journals: JournalModel[] = [];
    const cutShort = clausesCutShort(document);
    for (const element of root.elements ?? []) {
        if (ast.isParty(element)) {
            parties.push(partyInfo(element, uri));
            names.push({ name: element.name, kind: 'party', scope: 'workspace', source: sourceOf(element, uri) });
            for (const role of element.roles) {
                names.push({ name: role.name, kind: 'role', scope: `party:${element.name}`, source: sourceOf(role, uri) });
            }
        } else if (ast.isCharter(element)) {
            names.push({ name: element.name, kind: 'charter', scope: 'workspace', source: sourceOf(element, uri) });
            const charter = new CharterBuilder(element, uri, cutShort).build();
            charters.push(charter);
            const scope = `charter:${element.name}`;
            for (const [kind, list] of charterElementLists(charter)) {
                for (const item of list) {
                    names.push({ name: item.name, kind, scope, source: item.source });
                }
            }
        } else if (ast.isJournal(element)) {
            names.push({ name: element.name, kind: 'journal', scope: 'workspace', source: sourceOf(element, uri) });
            const journal = buildJournalModel(element, uri, sourceOf);
            journals.push(journal);
            issueNamesOf(journal, names);
        }
    }
    return {
        uri,
        parties,
        charters,
        journals,
        names: names.filter(named => named.name),
        // In reading order: the parser's, the dates' and the journals' problems interleave in the text.
        syntaxProblems: inReadingOrder([...syntaxProblemsOf(document, journals), ...dateProblemsOf(root), ...journals.flatMap(journalProblems)]),
        suppressions: suppressionsOf(document, lexer),
        unresolvedReferences: mayHaveLinkingErrors ? unresolvedReferencesOf(document, scopes) : []
    };
}

/**
 * The issues a journal's `raised` entries declare, in the scope of every
 * journal of the charter `for` names (as written, as linking finds them):
 * an issue name is unique in the charter's journals, whatever their file.
 */
function issueNamesOf(journal: JournalModel, names: NamedElement[]): void {
    if (!journal.charterText) {
        return; // no charter: its issues resolve nowhere
    }
    const scope = `${ISSUE_SCOPE}${journal.charterText}`;
    const entries = journal.entries;
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        if (entry.kind === 'raised' && entry.issue) {
            names.push({ name: entry.issue.text, kind: 'issue', scope, source: new IssueSource(entry.uri, entry.issue) });
        }
    }
}

/**
 * Where an issue is declared, its span worked out when asked: the issue's
 * node is its name, so its span is the element's and its name's. Only a
 * clash or a rename asks; every check asked for every raise's span, each
 * read from its entry's syntax.
 */
class IssueSource implements SourceRef {
    constructor(readonly uri: string, private readonly issue: { readonly range: Range }) {}

    get range(): Range {
        return this.issue.range;
    }

    get nameRange(): Range {
        return this.issue.range;
    }

    toJSON(): SourceRef {
        return { uri: this.uri, range: this.range, nameRange: this.nameRange };
    }
}

function charterElementLists(charter: CharterModel): Array<[string, Array<{ name: string; source: SourceRef }>]> {
    return [
        ['objective', charter.objectives],
        ['body', charter.bodies],
        ['decision', charter.decisions],
        ['escalation', charter.escalations],
        ['commitment', charter.commitments],
        ['metric', charter.metrics]
    ];
}

function partyInfo(party: ast.Party, uri: string): PartyInfo {
    return {
        name: party.name,
        title: party.title,
        source: sourceOf(party, uri),
        roles: party.roles.map(role => ({
            name: role.name,
            qualifiedName: `${party.name}.${role.name}`,
            title: role.title,
            party: party.name,
            source: sourceOf(role, uri)
        }))
    };
}

/** Builds the model of one charter; holds the per-charter memo of body seats. */
class CharterBuilder {
    private readonly bodySeats = new Map<ast.Body, Record<string, number>>();
    private readonly seatedParties = new Map<ast.Body, string[]>();
    private readonly votes = new Map<string, VoteOutcome>();
    private readonly partyNames: string[];
    /** The charter's parties: only they hold seats, a say, or owe something (an outsider never counts). */
    private readonly listed: Set<string>;

    constructor(private readonly charter: ast.Charter, private readonly uri: string, private readonly cutShort: CutShortClauses = new Map()) {
        const listed = charter.partyLists.flatMap(list => list.parties.map(ref => ref.ref?.name))
            .filter((name): name is string => !!name);
        this.partyNames = [...new Set(listed)];
        this.listed = new Set(this.partyNames);
    }

    build(): CharterModel {
        const charter = this.charter;
        const uri = this.uri;
        const partyRefs = charter.partyLists.flatMap(list => list.parties.map(ref => this.principalRef(ref)));
        const partyInfo: Record<string, PartyInfo> = {};
        for (const list of charter.partyLists) {
            for (const ref of list.parties) {
                const party = ref.ref;
                if (party && !partyInfo[party.name]) {
                    partyInfo[party.name] = partyInfoOf(party);
                }
            }
        }
        const bodies = charter.bodies.map(body => this.body(body));
        const escalations = charter.escalations.map(escalation => this.escalation(escalation));
        const onlyEscalation = charter.escalations.length === 1 ? charter.escalations[0].name : undefined;
        const decisions = charter.decisions.map(decision => this.decision(decision, onlyEscalation));
        const commitments = charter.commitments.map(commitment => this.commitment(commitment));
        const metrics = charter.metrics.map(metric => this.metric(metric));
        const model: CharterModel = {
            name: charter.name ?? '',
            title: charter.title,
            uri,
            parties: this.partyNames,
            partyRefs,
            partyInfo,
            partiesClauseRange: charter.partyLists[0] ? rangeOf(charter.partyLists[0]) : undefined,
            vision: charter.visions[0] ? charter.visions[0].text : undefined,
            term: charter.terms[0] ? { start: realDate(charter.terms[0].start), end: realDate(charter.terms[0].end), range: rangeOf(charter.terms[0]) } : undefined,
            review: charter.reviews[0] ? this.review(charter.reviews[0]) : undefined,
            objectives: charter.objectives.map(objective => ({ name: objective.name ?? '', title: objective.title, source: sourceOf(objective, uri) })),
            bodies,
            decisions,
            escalations,
            commitments,
            metrics,
            exit: charter.exits[0] ? {
                notice: duration(charter.exits[0].notice),
                text: charter.exits[0].texts.length ? charter.exits[0].texts.join(' ') : undefined,
                range: rangeOf(charter.exits[0])
            } : undefined,
            outsiderReferences: [],
            source: sourceOf(charter, uri),
            ...this.cutShortOf<CharterModel>(charter)
        };
        model.outsiderReferences = this.outsiders(model);
        return model;
    }

    /** The element's `cutShort` field, when a clause of it is cut short (the model of a charter without errors is as ever). */
    private cutShortOf<T>(node: AstNode): { cutShort?: CutShort<T> } {
        const fields = this.cutShort.get(node);
        return fields ? { cutShort: fields as CutShort<T> } : {};
    }

    private review(review: ast.Review): NonNullable<CharterModel['review']> {
        const every = duration(review.interval);
        const cadence = review.cadence as Cadence | undefined;
        return { cadence, every, days: every?.days ?? (cadence ? cadenceDays(cadence) : 0), range: rangeOf(review) };
    }

    private body(body: ast.Body): BodyModel {
        const seatsByParty = this.withCharterParties(this.seatsOf(body));
        const voting = (body.voting as VotingRule | undefined) ?? 'consensus';
        const outcome = this.vote(seatsByParty, voting);
        return {
            name: body.name ?? '',
            title: body.title,
            members: body.members.map(ref => this.principalRef(ref)),
            voting,
            votingDeclared: !!body.voting,
            chair: body.chair ? this.principalRef(body.chair) : undefined,
            chairRotates: body.rotates ? body.rotation as Cadence | undefined : undefined,
            meets: body.meets as Cadence | undefined,
            seatsByParty,
            totalSeats: Object.values(seatsByParty).reduce((sum, seats) => sum + seats, 0),
            powerByParty: outcome.powerByParty,
            controllingParties: outcome.controllingParties,
            blockingParties: outcome.blockingParties,
            source: sourceOf(body, this.uri),
            ...this.cutShortOf<BodyModel>(body)
        };
    }

    /**
     * Seats per party of a body; a member body lends its own seats. Bodies
     * that are members of each other (`body A { members B }` and `body B {
     * members A, … }`, or a body member of itself) seat one and the same
     * group: each party or role named by any of them once, and each body
     * outside the cycle they name lending its seats once. Before, what a
     * body of a cycle seated depended on which of them was worked out first,
     * and A and B seated different parties though each sits in the other.
     * Iterative (Tarjan's strongly connected components), so a chain of
     * thousands of bodies seating each other cannot overflow the stack.
     */
    private seatsOf(root: ast.Body): Record<string, number> {
        const known = this.bodySeats.get(root);
        if (known) {
            return known;
        }
        const index = new Map<ast.Body, number>();
        const low = new Map<ast.Body, number>();
        const onStack = new Set<ast.Body>();
        const components: ast.Body[] = [];
        const frames: Array<{ body: ast.Body; next: number }> = [{ body: root, next: 0 }];
        index.set(root, 0);
        low.set(root, 0);
        components.push(root);
        onStack.add(root);
        while (frames.length > 0) {
            const frame = frames[frames.length - 1];
            const members = frame.body.members;
            if (frame.next < members.length) {
                const target = members[frame.next++].ref;
                if (!ast.isBody(target) || this.bodySeats.has(target)) {
                    continue;
                }
                if (!index.has(target)) {
                    index.set(target, index.size);
                    low.set(target, index.get(target)!);
                    components.push(target);
                    onStack.add(target);
                    frames.push({ body: target, next: 0 });
                } else if (onStack.has(target)) {
                    low.set(frame.body, Math.min(low.get(frame.body)!, index.get(target)!));
                }
                continue;
            }
            frames.pop();
            const parent = frames[frames.length - 1];
            if (parent) {
                low.set(parent.body, Math.min(low.get(parent.body)!, low.get(frame.body)!));
            }
            if (low.get(frame.body) === index.get(frame.body)) {
                const group: ast.Body[] = [];
                let member: ast.Body;
                do {
                    member = components.pop()!;
                    onStack.delete(member);
                    group.push(member);
                } while (member !== frame.body);
                this.seatGroup(group);
            }
        }
        return this.bodySeats.get(root)!;
    }

    /**
     * Works out the seats of a group of bodies members of each other (or of
     * one body), the bodies outside it they name already worked out.
     */
    private seatGroup(group: ast.Body[]): void {
        if (group.length === 1 && !group[0].members.some(member => member.ref === group[0])) {
            this.bodySeats.set(group[0], this.seatsOfMembers(group[0].members));
            return;
        }
        const inGroup = new Set(group);
        const distinct = new Map<ast.Principal, Reference<ast.Principal>>();
        for (const body of group) {
            for (const member of body.members) {
                const target = member.ref;
                if (target && !(ast.isBody(target) && inGroup.has(target)) && !distinct.has(target)) {
                    distinct.set(target, member);
                }
            }
        }
        const seats = this.seatsOfMembers([...distinct.values()]);
        for (const body of group) {
            this.bodySeats.set(body, seats);
        }
    }

    /** Seats of a list of principals: a party or role is one seat, a body (already worked out) lends its seats. */
    private seatsOfMembers(members: Array<Reference<ast.Principal>>): Record<string, number> {
        const seats: Record<string, number> = {};
        for (const member of members) {
            const target = member.ref;
            if (ast.isBody(target)) {
                const lent = this.bodySeats.get(target) ?? {};
                for (const [party, count] of Object.entries(lent)) {
                    seats[party] = (seats[party] ?? 0) + count;
                }
            } else if (target) {
                const party = partyOfPrincipal(target);
                // An outsider (a party the charter does not list, or its role) holds no seat: `outsider-reference` reports it.
                if (this.listed.has(party)) {
                    seats[party] = (seats[party] ?? 0) + 1;
                }
            }
        }
        return seats;
    }

    private withCharterParties(seats: Record<string, number>): Record<string, number> {
        const all: Record<string, number> = {};
        for (const party of this.partyNames) {
            all[party] = seats[party] ?? 0;
        }
        for (const [party, count] of Object.entries(seats)) {
            all[party] = count;
        }
        return all;
    }

    private decision(decision: ast.Decision, onlyEscalation: string | undefined): DecisionModel {
        const soleBody = decision.deciders.length === 1 && ast.isBody(decision.deciders[0].ref) ? decision.deciders[0].ref : undefined;
        const voting = (decision.voting as VotingRule | undefined) ?? (soleBody?.voting as VotingRule | undefined) ?? 'consensus';
        const seats = this.seatsOfMembers(decision.deciders);
        const seatsByParty = Object.fromEntries(Object.entries(seats).sort(([a], [b]) => compareText(a, b)));
        const outcome = this.vote(seatsByParty, voting);
        const proposers = decision.proposers.map(ref => this.principalRef(ref));
        const deciders = decision.deciders.map(ref => this.principalRef(ref));
        const consulted = decision.consulted.map(ref => this.principalRef(ref));
        const informed = decision.informed.map(ref => this.principalRef(ref));
        const involved = new Set([...proposers, ...deciders, ...consulted, ...informed].flatMap(ref => ref.parties));
        const sayByParty: Record<string, number> = {};
        for (const party of Object.keys(outcome.powerByParty).sort(compareText)) {
            if (outcome.powerByParty[party] > 0) {
                sayByParty[party] = outcome.powerByParty[party];
            }
        }
        const reserved = !!decision.reserved;
        return {
            name: decision.name ?? '',
            title: decision.title,
            proposers,
            deciders,
            voting,
            votingDeclared: !!decision.voting,
            consulted,
            informed,
            hasEscalatesClause: decision.escalatesTo,
            escalation: decision.escalation?.$refText || undefined,
            coveringEscalation: decision.escalation ? decision.escalation.ref?.name : onlyEscalation,
            seatsByParty,
            controllingParties: outcome.controllingParties,
            blockingParties: outcome.blockingParties,
            sayByParty,
            decided: Object.keys(sayByParty).length > 0,
            reserved,
            weight: reserved ? 2 : 1,
            involvedParties: [...involved].sort(),
            source: sourceOf(decision, this.uri),
            ...this.cutShortOf<DecisionModel>(decision)
        };
    }

    private escalation(escalation: ast.Escalation): EscalationModel {
        const levels: LevelModel[] = escalation.levels.map((level, index) => {
            const principals = level.principals.map(ref => this.principalRef(ref));
            return {
                index,
                principals,
                parties: [...new Set(principals.flatMap(ref => ref.parties))].sort(),
                within: duration(level.within),
                range: rangeOf(level),
                ...this.cutShortOf<LevelModel>(level)
            };
        });
        const finalStep = escalation.finalSteps[0];
        const finalDeciders = finalStep ? finalStep.deciders.map(ref => this.principalRef(ref)) : [];
        const finalParties = [...new Set(finalDeciders.flatMap(ref => ref.parties).filter(party => this.listed.has(party)))].sort();
        const timed = levels.length > 0 && levels.every(level => level.within);
        return {
            name: escalation.name ?? '',
            title: escalation.title,
            levels,
            finalStep: finalStep?.kind ? {
                kind: finalStep.kind as FinalKind,
                text: finalStep.text,
                range: rangeOf(finalStep),
                deciders: finalDeciders,
                parties: finalParties,
                oneSided: finalStep.kind === 'executive-decision' && this.partyNames.length >= 2 && finalParties.length === 1
            } : undefined,
            worstCaseDays: timed ? levels.reduce((sum, level) => sum + (level.within?.days ?? 0), 0) : undefined,
            source: sourceOf(escalation, this.uri),
            ...this.cutShortOf<EscalationModel>(escalation)
        };
    }

    private commitment(commitment: ast.Commitment): CommitmentModel {
        const owner = commitment.owner ? this.principalRef(commitment.owner) : undefined;
        const beneficiaries = commitment.beneficiaries.map(ref => this.principalRef(ref));
        return {
            name: commitment.name ?? '',
            title: commitment.title,
            owner,
            ownerParties: this.charterPartiesOf(owner),
            beneficiaries,
            beneficiaryParties: [...new Set(beneficiaries.flatMap(ref => ref.parties))].sort(),
            due: realDate(commitment.due),
            recurrence: commitment.recurrence,
            supports: commitment.supports.map(ref => ref.$refText),
            status: commitment.status as 'open' | 'done' | undefined,
            source: sourceOf(commitment, this.uri),
            ...this.cutShortOf<CommitmentModel>(commitment)
        };
    }

    private metric(metric: ast.Metric): MetricModel {
        const owner = metric.owner ? this.principalRef(metric.owner) : undefined;
        const beneficiaries = metric.beneficiaries.map(ref => this.principalRef(ref));
        return {
            name: metric.name ?? '',
            title: metric.title,
            kind: metric.kind as MetricModel['kind'],
            owner,
            ownerParties: this.charterPartiesOf(owner),
            // A target cut short (`target >= 1,000,000 USD`, read as `>= 1`) is not reasoned from: the syntax finding says what to write.
            target: metric.target && !this.cutShort.get(metric)?.includes('target') ? {
                comparator: metric.target.comparator,
                value: metric.target.value,
                unit: metric.target.unit,
                scale: metric.target.scale
            } : undefined,
            cadence: metric.cadence as Cadence | undefined,
            tracks: metric.tracks.map(ref => ref.$refText),
            beneficiaries,
            beneficiaryParties: [...new Set(beneficiaries.flatMap(ref => ref.parties))].sort(),
            source: sourceOf(metric, this.uri),
            ...this.cutShortOf<MetricModel>(metric)
        };
    }

    private principalRef(ref: Reference<ast.Principal>): PrincipalRef {
        const target = ref.ref;
        const range = rangeOfReference(ref) ?? EMPTY_RANGE;
        if (!target) {
            return { text: ref.$refText, name: ref.$refText, parties: [], range };
        }
        // `$type` comparisons: these are hot, and none of these types has subtypes.
        if (target.$type === ast.Body.$type) {
            return { text: ref.$refText, kind: 'body', name: target.name, parties: this.partiesSeatedIn(target as ast.Body), range };
        }
        const isRole = target.$type === ast.Role.$type;
        const party = isRole ? (target as ast.Role).$container.name : target.name;
        return {
            text: ref.$refText,
            kind: isRole ? 'role' : 'party',
            name: isRole ? `${party}.${target.name}` : party,
            parties: [party],
            range
        };
    }

    /** The charter parties a principal acts for: none for an outsider or a name that resolves to nothing. */
    private charterPartiesOf(ref: PrincipalRef | undefined): string[] {
        return ref ? ref.parties.filter(party => this.listed.has(party)) : [];
    }

    /** `analyseVote`, once per distinct seating and rule in the charter (many decisions share their deciders). */
    private vote(seatsByParty: Record<string, number>, voting: VotingRule): VoteOutcome {
        let key = voting;
        for (const party in seatsByParty) {
            key += `|${party}:${seatsByParty[party]}`;
        }
        let outcome = this.votes.get(key);
        if (outcome === undefined) {
            outcome = analyseVote(seatsByParty, voting);
            this.votes.set(key, outcome);
        }
        return outcome;
    }

    /** The parties with seats in a body, sorted; one list per body, shared by every reference to it. */
    private partiesSeatedIn(body: ast.Body): string[] {
        let parties = this.seatedParties.get(body);
        if (parties === undefined) {
            const seats = this.seatsOf(body);
            parties = Object.keys(seats).filter(party => seats[party] > 0).sort();
            this.seatedParties.set(body, parties);
        }
        return parties;
    }

    /** Every mention of a party, or of a role of a party, that the charter does not list. */
    private outsiders(model: CharterModel): CharterModel['outsiderReferences'] {
        const listed = new Set(model.parties);
        const outsiders: CharterModel['outsiderReferences'] = [];
        const mention = (ref: PrincipalRef | undefined) => {
            if (ref && (ref.kind === 'party' || ref.kind === 'role') && !listed.has(ref.parties[0])) {
                outsiders.push({ ...ref, party: ref.parties[0] });
            }
        };
        for (const body of model.bodies) {
            body.members.forEach(mention);
            mention(body.chair);
        }
        for (const decision of model.decisions) {
            [decision.proposers, decision.deciders, decision.consulted, decision.informed].forEach(refs => refs.forEach(mention));
        }
        for (const escalation of model.escalations) {
            escalation.levels.forEach(level => level.principals.forEach(mention));
            escalation.finalStep?.deciders.forEach(mention);
        }
        for (const commitment of model.commitments) {
            mention(commitment.owner);
            commitment.beneficiaries.forEach(mention);
        }
        for (const metric of model.metrics) {
            mention(metric.owner);
            metric.beneficiaries.forEach(mention);
        }
        return outsiders;
    }
}

function partyInfoOf(party: ast.Party): PartyInfo {
    return partyInfo(party, AstUtils.findRootNode(party).$document?.uri.toString() ?? '');
}

function partyOfPrincipal(principal: ast.Party | ast.Role): string {
    return ast.isRole(principal) ? principal.$container.name : principal.name;
}

function duration(node: ast.Duration | undefined): Duration | undefined {
    if (!node || node.value === undefined || !node.unit) {
        return undefined;
    }
    const unit = node.unit.replace(/s$/, '');
    return { value: node.value, unit: node.unit, days: node.value * (DAYS_PER_UNIT[unit] ?? 1) };
}

function rangeOf(node: AstNode): Range {
    return node.$cstNode?.range ?? EMPTY_RANGE;
}

/**
 * The element's whole span, its name span, and where its block closes. An
 * element whose name is not written yet (`decision { decided by Acme }`) has
 * its keyword as its name span: its findings, hover and outline entry point
 * at `decision`, as a named one's at its name, not at the whole block.
 */
export function sourceOf(node: AstNode, uri: string): SourceRef {
    const cst = node.$cstNode;
    if (!cst) {
        return { uri, range: EMPTY_RANGE, nameRange: EMPTY_RANGE };
    }
    const nameNode = nameNodeOf(cst, node) ?? keywordNodeOf(cst, node) ?? cst;
    const closing = closingBraceOf(cst, node);
    const nameRange = nameNode.range.start.line === nameNode.range.end.line ? nameNode.range : { start: nameNode.range.start, end: nameNode.range.start };
    return { uri, range: cst.range, nameRange, blockEndOffset: closing?.offset };
}

/**
 * The CST node of an element's `name`: among the first children of its own
 * node (Langium's findNodeForProperty visits every child, which for a charter
 * of thousands of elements is the whole charter). Descends through unassigned
 * rule calls (`TopLevel: Party | Charter`), which wrap the element's own node.
 */
function nameNodeOf(cst: CstNode, node: AstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst)) {
        return undefined;
    }
    for (const child of cst.content) {
        if (child.hidden) {
            continue;
        }
        if (child.astNode !== node) {
            return undefined; // the name comes before any nested element
        }
        const feature = featureOf(child.grammarSource);
        if (feature !== null) {
            if (feature === 'name') {
                return child;
            }
        } else if (isCompositeCstNode(child)) {
            return nameNodeOf(child, node);
        }
    }
    return undefined;
}

/** The keyword an element starts with (`decision`, `body`, `journal`): its first leaf, when that is its own keyword. */
function keywordNodeOf(cst: CstNode, node: AstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst)) {
        return undefined;
    }
    for (const child of cst.content) {
        if (child.hidden) {
            continue;
        }
        if (child.astNode !== node) {
            return undefined;
        }
        if (isCompositeCstNode(child)) {
            return featureOf(child.grammarSource) === null ? keywordNodeOf(child, node) : undefined;
        }
        return GrammarAST.isKeyword(child.grammarSource) ? child : undefined;
    }
    return undefined;
}

/** The element's own closing brace: the last keyword `}` among its node's last children. */
function closingBraceOf(cst: CstNode, node: AstNode): CstNode | undefined {
    if (!isCompositeCstNode(cst)) {
        return undefined;
    }
    for (let index = cst.content.length - 1; index >= 0; index--) {
        const child = cst.content[index];
        if (child.hidden) {
            continue;
        }
        if (child.astNode === node && GrammarAST.isKeyword(child.grammarSource) && child.grammarSource.value === '}') {
            return child;
        }
        return child.astNode === node && isCompositeCstNode(child) && featureOf(child.grammarSource) === null
            ? closingBraceOf(child, node)
            : undefined;
    }
    return undefined;
}

/**
 * The suppression comments of a document, from the lexer's `//` comment
 * tokens (lexed again only when the text names the directive at all), or,
 * without a lexer, from the comments in the syntax tree; and the comments,
 * block comments too, meant as suppressions but not written as one (see
 * `findUnrecognisedSuppressions`), so that they are reported, not ignored.
 */
function suppressionsOf(document: LangiumDocument, lexer: Lexer | undefined): SuppressionComment[] {
    const text = document.textDocument.getText();
    if (!mayHoldSuppressions(text)) {
        return [];
    }
    const comments: Array<CommentToken & { block: boolean }> = [];
    if (lexer) {
        for (const token of lexer.tokenize(text).hidden) {
            if (token.tokenType.name === 'SL_COMMENT' || token.tokenType.name === 'ML_COMMENT') {
                comments.push({ image: token.image, line: (token.startLine ?? 1) - 1, character: (token.startColumn ?? 1) - 1, block: token.tokenType.name === 'ML_COMMENT' });
            }
        }
    } else if (document.parseResult.value.$cstNode) {
        for (const node of CstUtils.streamCst(document.parseResult.value.$cstNode)) {
            if (node.hidden && isLeafCstNode(node) && (node.tokenType.name === 'SL_COMMENT' || node.tokenType.name === 'ML_COMMENT')) {
                comments.push({ image: node.text, line: node.range.start.line, character: node.range.start.character, block: node.tokenType.name === 'ML_COMMENT' });
            }
        }
    }
    return [...findSuppressionComments(comments.filter(comment => !comment.block)), ...findUnrecognisedSuppressions(comments)];
}

/**
 * The model field each clause of an element fills, by the grammar rule that
 * reads the clause (a fragment, or the rule of a nested element). A parser
 * error inside such a rule is that clause cut short while it is typed.
 */
export const CLAUSE_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    Charter: { PartyList: 'parties', Vision: 'vision', Term: 'term', Review: 'review', Exit: 'exit' },
    Body: { MembersClause: 'members', VotesClause: 'voting', MeetsClause: 'meets', Chair: 'chair' },
    Decision: { ProposedClause: 'proposers', DecidedClause: 'deciders', ConsultsClause: 'consulted', InformsClause: 'informed', EscalatesClause: 'escalation' },
    Escalation: { Level: 'levels', FinalStep: 'finalStep' },
    Level: { QualifiedName: 'principals', Duration: 'within' },
    Commitment: { OwnerClause: 'owner', ToClause: 'beneficiaries', DueClause: 'due', EveryClause: 'recurrence', SupportsClause: 'supports', StatusClause: 'status' },
    Metric: { KindClause: 'kind', OwnerClause: 'owner', TargetClause: 'target', CadenceClause: 'cadence', TracksClause: 'tracks', BenefitsClause: 'beneficiaries' }
};

type CutShortClauses = Map<AstNode, string[]>;

/**
 * The clauses each element has cut short, from the parser's errors: an error's
 * rule stack (Chevrotain's, public: `context.ruleStack`) says which rule was
 * reading, and the token before it, which element. `owner }` is an error of
 * the commitment's OwnerClause: its `owner` is cut short.
 */
function clausesCutShort(document: LangiumDocument): CutShortClauses {
    const cutShort: CutShortClauses = new Map();
    const root = document.parseResult.value.$cstNode;
    const cut = (node: AstNode, field: string) => {
        const fields = cutShort.get(node) ?? [];
        if (!fields.includes(field)) fields.push(field);
        cutShort.set(node, fields);
    };
    for (const error of document.parseResult.parserErrors) {
        const stack = ruleStackOf(error);
        const previous = previousTokenOf(error);
        const token = previous && !isNaN(previous.startOffset) ? previous : error.token;
        if (!root || isNaN(token.startOffset) || stack.length === 0) {
            continue;
        }
        // `target >= 1,000,000 USD`: the target read is `>= 1`, cut short by the separator; it is not reasoned from.
        const separated = isNaN(error.token.startOffset) ? undefined : separatedNumberAt(document.textDocument.getText(), error.token.startOffset);
        if (separated) {
            const metric = AstUtils.getContainerOfType(CstUtils.findLeafNodeAtOffset(root, separated.start)?.astNode, ast.isMetric);
            if (metric?.target) cut(metric, 'target');
        }
        for (let node: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, token.startOffset)?.astNode; node; node = node.$container) {
            const at = stack.lastIndexOf(node.$type);
            const field = at >= 0 ? CLAUSE_FIELDS[node.$type]?.[stack[at + 1]] : undefined;
            if (field) cut(node, field);
        }
    }
    return cutShort;
}

/** Problems sorted by where they start (stably: two at one place keep their order). */
function inReadingOrder(problems: SyntaxProblem[]): SyntaxProblem[] {
    return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function syntaxProblemsOf(document: LangiumDocument, journals: readonly JournalModel[]): SyntaxProblem[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    const text = document.textDocument.getText();
    // Where a word that is no kind of entry follows a date (`2026-11-02 delivred Roadmap`): its finding says what to
    // write, and the parser's errors after it on its line (`Expected \`}\`, found \`Roadmap\``) are that one mistake again.
    const notReadFurther = new Map<number, number>();
    for (const journal of journals) {
        for (const { wordRange } of journal.unfinished) {
            if (wordRange) notReadFurther.set(wordRange.end.line, wordRange.end.character);
        }
    }
    // Where a quote is left open (a text ends on its line): the parser's errors after it on that line are the
    // words of the text read as names and keywords, and say nothing the quote's finding does not.
    const openQuotes = new Map<number, number>();
    const coveredSpans: Range[] = [];
    const problems: SyntaxProblem[] = lexerErrors.map(error => {
        const start = { line: (error.line ?? 1) - 1, character: (error.column ?? 1) - 1 };
        const range = { start, end: { line: start.line, character: start.character + error.length } };
        const character = error.length === 1 ? text.charAt(error.offset) : '';
        // A date in single quotes (`'2026-03-04' met Board`): the lexer skips each quote, and the date between them is read
        // as ever; one finding on the date and its quotes, not one on each quote.
        const quoted = character === '\'' ? quotedDate(text.slice(error.offset, error.offset + 12)) : undefined;
        if (quoted) {
            const span = { start, end: { line: start.line, character: start.character + quoted.written.length } };
            coveredSpans.push(span);
            return quotedDateProblem(quoted, span);
        }
        // A typographic quote pasted from a word processor: the straight one is what was meant.
        if (TYPOGRAPHIC_QUOTES.has(character)) {
            return { message: error.message, range, replacements: [{ title: 'Change it to a straight quote (")', range, newText: '"' }] };
        }
        if (character === '"') {
            if (!openQuotes.has(start.line)) openQuotes.set(start.line, start.character);
            const close = lineEndOf(text, error.offset, start);
            return { message: error.message, range, replacements: [{ title: 'Close the quote at the end of the line', range: { start: close, end: close }, newText: '"' }] };
        }
        return { message: error.message, range };
    });
    for (const error of parserErrors) {
        let range: Range;
        const previous = previousTokenOf(error);
        if (!isNaN(error.token.startOffset)) {
            // `met Steering with` and the next entry on the next line: the finding stands on the word it expected
            // more after, on the line being typed, not on the next line's first token (whose own findings are there).
            const afterLine = previous && !isNaN(previous.startOffset) && (previous.endLine ?? 0) < (error.token.startLine ?? 0);
            range = CstUtils.tokenToRange(afterLine ? previous : error.token);
        } else {
            const position = previous && !isNaN(previous.startOffset)
                ? { line: (previous.endLine ?? 1) - 1, character: previous.endColumn ?? 0 }
                : { line: 0, character: 0 };
            range = { start: position, end: position };
        }
        const quote = openQuotes.get(range.start.line);
        if (quote !== undefined && range.start.character > quote) {
            continue;
        }
        // A misspelt keyword or a comma left out, which the parser read past as meant (token-repairs.ts).
        const repair = repairOf(error);
        if (repair) {
            const at = { start: document.textDocument.positionAt(repair.start), end: document.textDocument.positionAt(repair.end) };
            problems.push({ message: repair.message, range, replacements: [{ title: repair.title, range: at, newText: repair.newText }] });
            continue;
        }
        const kind = notReadFurther.get(range.start.line);
        if (kind !== undefined && range.start.character >= kind) {
            continue;
        }
        // A quote inside a text (`note "He said "fine" and left"`) ends the text there, and the parser finds `fine`: one
        // finding on the text as meant, whose fix writes the quotes within it as \".
        // (`"5" screen"`, with a space after the inner quote, when the quote after it is left open on the line.)
        const inner = isNaN(error.token.startOffset) ? undefined
            : quoteInsideText(text, error.token.startOffset, quote !== undefined && quote > range.start.character);
        if (inner) {
            const textRange = { start: document.textDocument.positionAt(inner.start), end: document.textDocument.positionAt(inner.end) };
            problems.push({
                message: `A quote inside a text ends it: write the quotes within a text as \\" (${inner.meant}).`,
                range: textRange,
                replacements: [{ title: 'Write the quotes within the text as \\"', range: textRange, newText: inner.meant }]
            });
            notReadFurther.set(textRange.start.line, textRange.start.character);
            coveredSpans.push(textRange);
            continue;
        }
        // A number written with thousands separators (`measured Revenue 1,000,000 USD`, `target >= 1,000,000 USD`): the
        // grammar read `1` and the parser stopped at the `,`; one finding on the whole number, which says what to write.
        const separated = isNaN(error.token.startOffset) ? undefined : separatedNumberAt(text, error.token.startOffset);
        if (separated) {
            const span = { start: document.textDocument.positionAt(separated.start), end: document.textDocument.positionAt(separated.start + separated.written.length) };
            problems.push(numberWithSeparatorsProblem(separated, span));
            notReadFurther.set(span.start.line, span.start.character);
            coveredSpans.push(span);
            continue;
        }
        // A date in double quotes where a date was expected (`"2026-03-04" met Board`, `term from "2026-01-01"`): the
        // parser found a text; the same finding and fix as in single quotes, not `Expected \`}\`, found \`"2026-03-04"\``.
        const doubleQuoted = error.token.tokenType?.name === 'STRING' ? quotedDate(error.token.image) : undefined;
        if (doubleQuoted && !isNaN(error.token.startOffset)) {
            const span = CstUtils.tokenToRange(error.token);
            problems.push(quotedDateProblem(doubleQuoted, span));
            notReadFurther.set(span.start.line, span.start.character);
            coveredSpans.push(span);
            continue;
        }
        // A date written as elsewhere (`03/12/2026`, `2026.12.03`, `3 Dec 2026`) where the parser found a number or a
        // word: one finding on the whole date that says what to write, rather than `Expected \`}\`, found \`03\`` and
        // the lexer's `/`s; what the entry names after it is not read until the date is written as a date.
        const otherwise = isNaN(error.token.startOffset) || error.token.tokenType?.name === 'DATE' ? undefined : dateWrittenOtherwise(text.slice(error.token.startOffset, error.token.startOffset + 40));
        if (otherwise) {
            const end = document.textDocument.positionAt(error.token.startOffset + otherwise.written.length);
            const date = { start: document.textDocument.positionAt(error.token.startOffset), end };
            problems.push(dateWrittenOtherwiseProblem(otherwise, date));
            notReadFurther.set(date.start.line, date.start.character);
            coveredSpans.push(date);
            continue;
        }
        // A journal entry that goes on past where it can (`note unquoted text`, `met Board with Acme.Lead Globex.Lead`):
        // what was meant, rather than `Expected \`}\`, found \`unquoted\``.
        const goingOn = error.token.tokenType?.name === 'ID' && !isNaN(error.token.startOffset)
            ? entryGoingOn(journals, text, error.token.startOffset, range) : undefined;
        if (goingOn) {
            problems.push(goingOn);
            notReadFurther.set(range.start.line, range.start.character);
            continue;
        }
        problems.push({ message: unclosedBlockOf(document, error) ?? error.message, range });
    }
    return problems.filter(problem => !coveredSpans.some(date => problem.range !== date && rangeWithin(problem.range, date)));
}

/**
 * What an entry that goes on past its end on its line meant, where the parser
 * found a name at `offset` (at `range`): a text not in quotes after an entry
 * whose text comes last (`note`, `reviewed`, `missed C`, `resolved I`), with
 * its quick fix. (A name after the last of a list without a comma, `with
 * Acme.Lead Globex.Lead`, is a token repair: parser/token-repairs.ts.)
 */
function entryGoingOn(journals: readonly JournalModel[], text: string, offset: number, range: Range): SyntaxProblem | undefined {
    const line = range.start.line;
    const entry = journals.flatMap(journal => journal.entries).find(candidate => {
        const span = candidate.range;
        return span.start.line === line && span.end.line === line && span.end.character <= range.start.character;
    });
    if (!entry) {
        return undefined;
    }
    const written = entry.kind === 'note' ? entry.text : entry.kind === 'reviewed' ? entry.summary
        : entry.kind === 'resolved' ? entry.how : entry.kind === 'missed' ? entry.reason : undefined;
    if ((entry.kind === 'note' || entry.kind === 'reviewed' || (entry.kind === 'resolved' && entry.issue) || (entry.kind === 'missed' && entry.commitment)) && !written) {
        let end = offset;
        while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d && !(text.charCodeAt(end) === 0x2f && text.charCodeAt(end + 1) === 0x2f)) end++;
        const words = text.slice(offset, end).trimEnd();
        // Quotes of another kind (`note “x”`, `note 'x'`) have their own finding, on each quote.
        if (!/\s/.test(text.charAt(offset - 1)) || [...words].some(character => character === '"' || character === '\'' || TYPOGRAPHIC_QUOTES.has(character))) {
            return undefined;
        }
        const span = { start: range.start, end: { line, character: range.start.character + words.length } };
        return {
            message: `A text is written in double quotes: "${words}".`,
            range: span,
            replacements: [{ title: `Put "${words}" in quotes`, range: span, newText: `"${words}"` }]
        };
    }
    return undefined;
}

/**
 * The text in quotes a quote inside it cut short, when the token at `token`
 * follows a text's closing quote with no space between (`"He said "fine`), or
 * with spaces when `spaced` (a quote is left open after it on the line), and
 * a quote closes the line's last text after it: the span from the first quote
 * to the last, and the text as meant, with the quotes within it escaped.
 */
function quoteInsideText(text: string, token: number, spaced: boolean): { start: number; end: number; meant: string } | undefined {
    let offset = token;
    while (spaced && (text.charCodeAt(offset - 1) === 0x20 || text.charCodeAt(offset - 1) === 0x09)) offset--;
    if (text.charCodeAt(offset - 1) !== 0x22 || text.charCodeAt(token) === 0x22) {
        return undefined;
    }
    let lineStart = offset;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a && text.charCodeAt(lineStart - 1) !== 0x0d) lineStart--;
    let lineEnd = offset;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) lineEnd++;
    // The texts of the line, as the lexer reads them: the one that ends just before `offset` is the one cut short.
    let start: number | undefined;
    for (let index = lineStart; index < offset - 1; index++) {
        const code = text.charCodeAt(index);
        if (code === 0x2f && text.charCodeAt(index + 1) === 0x2f) {
            return undefined; // in a comment
        }
        if (code === 0x22) {
            let close = index + 1;
            while (close < lineEnd && text.charCodeAt(close) !== 0x22) close += text.charCodeAt(close) === 0x5c ? 2 : 1;
            if (close === offset - 1) {
                start = index;
                break;
            }
            index = close;
        }
    }
    const last = text.lastIndexOf('"', lineEnd - 1);
    if (start === undefined || last <= offset) {
        return undefined;
    }
    const within = text.slice(start + 1, last).replace(/(\\*)"/g, (escaped, backslashes: string) => (backslashes.length % 2 === 1 ? escaped : `${backslashes}\\"`));
    return { start, end: last + 1, meant: `"${within}"` };
}

/**
 * A `}` the parser expected, said with the block it closes and where that
 * opened: "Expected `}` to close body Board, opened on line 5, found
 * `decision`." The block is the element the rule expecting it reads (the last
 * rule of the error's rule stack) around the token before the error.
 */
function unclosedBlockOf(document: LangiumDocument, error: LangiumDocument['parseResult']['parserErrors'][number]): string | undefined {
    const root = document.parseResult.value.$cstNode;
    const previous = previousTokenOf(error);
    const rule = ruleStackOf(error).at(-1);
    if (error.name !== 'MismatchedTokenException' || !expectsClosingBrace(error.message) || !root || !rule || !previous || isNaN(previous.startOffset)) {
        return undefined;
    }
    let node: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, previous.startOffset)?.astNode;
    while (node && node.$type !== rule) {
        node = node.$container;
    }
    const opening = node?.$cstNode && CstUtils.streamCst(node.$cstNode).find(leaf => isLeafCstNode(leaf) && leaf.astNode === node && leaf.text === '{');
    if (!node || !opening) {
        return undefined;
    }
    const kind = Object.hasOwn(ELEMENT_KEYWORDS, node.$type) ? ELEMENT_KEYWORDS[node.$type] : undefined;
    const block = kind ? kindAndName(kind, (node as { name?: string }).name) : node.$type === 'Exit' ? 'the exit terms' : node.$type === 'Assessed' ? 'the assessment\'s scores' : 'the block';
    return unclosedBlockMessage(block, opening.range.start.line + 1, error.token);
}

/** The end of the line of `offset` (at `position`), before the spaces that end it: where a quote left open is closed. */
function lineEndOf(text: string, offset: number, position: { line: number; character: number }): { line: number; character: number } {
    let end = offset + 1;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    while (end > offset + 1 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
    return { line: position.line, character: position.character + (end - offset) };
}

/** Dates that are not written in full (being typed) or do not exist (2026-02-30): findings of the `syntax` rule. Dates appear in terms, commitments and journal entries. */
function dateProblemsOf(root: ast.Document): SyntaxProblem[] {
    const problems: SyntaxProblem[] = [];
    const check = (node: AstNode, property: string, value: string | undefined) => {
        if (value !== undefined && !isRealDate(value)) {
            const cst = node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, property);
            problems.push(notADateProblem(value, cst?.range ?? rangeOf(node)));
        }
    };
    for (const element of root.elements ?? []) {
        if (ast.isCharter(element)) {
            for (const term of element.terms) {
                check(term, 'start', term.start);
                check(term, 'end', term.end);
            }
            for (const commitment of element.commitments) {
                check(commitment, 'due', commitment.due);
            }
        } else if (ast.isJournal(element)) {
            problems.push(...journalDateProblems(element));
        }
    }
    return problems;
}

/**
 * Names suggested for a misspelt reference ("did you mean …?"), for the first
 * so many of a document's unresolved references: each looks through the
 * names its scope holds, and a text can hold thousands of unresolved names.
 */
const SUGGESTED_REFERENCES = 50;

function unresolvedReferencesOf(document: LangiumDocument, scopes?: ScopeProvider): UnresolvedReference[] {
    // The names in scope, per kind of reference (a container's type and property): every reference of a kind sees the same ones.
    const namesInScope = new Map<string, string[]>();
    const suggestionFor = (ref: Reference | MultiReference): string | undefined => {
        const info = ref.error?.info;
        if (!scopes || !info || !ref.$refText) {
            return undefined;
        }
        const key = `${info.container.$type}.${info.property}`;
        let names = namesInScope.get(key);
        if (!names) {
            try {
                names = [...new Set(scopes.getScope(info).getAllElements().map(description => description.name))];
            } catch {
                // A scope that cannot be worked out suggests nothing; the finding stands without it.
                names = [];
            }
            namesInScope.set(key, names);
        }
        return closest(ref.$refText, names);
    };
    return document.references
        // A journal whose charter is found nowhere (or that names none): its entries' names are looked for in that charter,
        // so each would be a finding of that one mistake (47 for a year's journal checked without its charter); the
        // `for` name's finding says it (the `syntax` rule's, without `for`).
        .filter(ref => ref.error && !inJournalWithoutCharter(ref.error.info.container))
        .map((ref, index) => {
            const suggestion = index < SUGGESTED_REFERENCES ? suggestionFor(ref) : undefined;
            return {
                text: ref.$refText,
                expected: ref.error?.info.container ? expectedType(ref.error.info.container.$type, ref.error.info.property) : 'element',
                range: rangeOfReference(ref) ?? EMPTY_RANGE,
                ...(suggestion !== undefined && suggestion !== ref.$refText ? { suggestion } : {})
            };
        });
}

function inJournalWithoutCharter(node: AstNode | undefined): boolean {
    const journal = node === undefined ? undefined : ast.isJournal(node) ? undefined : AstUtils.getContainerOfType(node, ast.isJournal);
    return journal !== undefined && journal.charter?.ref === undefined;
}

function expectedType(containerType: string, property: string): string {
    if (property === 'parties') {
        return 'party';
    }
    if (property === 'supports' || property === 'tracks') {
        return 'objective';
    }
    if (property === 'escalation') {
        return 'escalation';
    }
    const inJournal: Record<string, string> = {
        charter: 'charter', body: 'body', commitment: 'commitment', metric: 'metric', decision: 'decision', issue: 'issue (raised in a journal of the charter)', party: 'party'
    };
    if (inJournal[property] && containerType !== ast.Charter.$type && containerType !== ast.Commitment.$type) {
        return inJournal[property];
    }
    return containerType === ast.Charter.$type ? 'element' : 'party, role or body';
}
