import { AstUtils, GrammarAST, RootCstNodeImpl, type AstNode, type AstReflection, type CompositeCstNode, type CstNode, type LangiumCoreServices, type Linker, type ParseResult, type TokenBuilder, type ValueConverter } from 'langium';
import type { TokenType, TokenTypeDictionary } from 'chevrotain';
import { append, attachHiddenNodes, CompactCompositeCstNode, CompactLeafCstNode } from './charter-cst.js';
import { CharterScanner, GiveUp, Vocabulary } from './charter-scanner.js';
import { CharterValueConverter } from './charter-value-converter.js';

/**
 * A recursive-descent parser for well-formed charters, written from the
 * grammar (charter.langium). It builds the syntax tree and the elements
 * exactly as Langium's parser does — the same nodes, grammar sources,
 * values, references, comments and property order — in less than half the
 * time (27 against 66 ms for a 10k-line charter), and without Chevrotain's
 * parser and lexer, which take about 40 ms to make at start-up. At the first token it does not expect (a syntax error,
 * or a text the scanner does not read as Chevrotain would) it gives up, and
 * Langium's parser parses the text, with its error recovery and messages.
 *
 * test/language/fast-parser.test.ts holds it to Langium's parser, node for
 * node, on every example and on generated charters; a change to the grammar
 * that it does not follow makes those tests fail.
 */
export class CharterFastParser {
    private readonly vocabulary: Vocabulary | undefined;
    private readonly features: Features | undefined;
    private readonly keywords: Keywords | undefined;
    readonly linker: Linker;
    readonly converter: ValueConverter;
    readonly conversions: CharterValueConverter | undefined;
    readonly defaults: Defaults;
    private readonly tokenBuilder: TokenBuilder;

    constructor(services: LangiumCoreServices) {
        const definition = services.parser.Lexer.definition;
        this.vocabulary = Vocabulary.of(definition);
        try {
            this.features = this.vocabulary ? featuresOf(services.Grammar, definition) : undefined;
            this.keywords = this.vocabulary ? keywordsOf(definition) : undefined;
        } catch {
            // A grammar this parser was not written for (a rule or keyword it looks for is gone): Langium's parser
            // parses every text, and test/language/fast-parser.test.ts fails until this parser follows the grammar.
            this.features = undefined;
            this.keywords = undefined;
        }
        this.linker = services.references.Linker;
        this.converter = services.parser.ValueConverter;
        this.conversions = this.converter instanceof CharterValueConverter ? this.converter : undefined;
        this.tokenBuilder = services.parser.TokenBuilder;
        this.defaults = new Defaults(services.shared.AstReflection);
    }

    /** The parse of a well-formed charter, or how far the parser read before it gave up (Langium's parser is then to parse the text). */
    parse(text: string): ParseResult<AstNode> | GiveUp {
        if (!this.vocabulary || !this.features || !this.keywords) {
            return GiveUp.atEnd();
        }
        try {
            const run = new Run(new CharterScanner(this.vocabulary, text), this.features, this.keywords, this.vocabulary, this);
            const value = run.document();
            return { value, lexerErrors: [], lexerReport: this.tokenBuilder.flushLexingReport?.(text), parserErrors: [] };
        } catch (error) {
            // GiveUp is the expected way out. Anything else would be a mistake in this parser, which the tests
            // catch; should one slip through, Langium's parser still reads the text.
            return error instanceof GiveUp ? error : GiveUp.atEnd();
        }
    }
}

/** An element under construction, with the fields Langium's parser gives it. */
type Element = { $type: string; $cstNode?: CstNode } & Record<string, unknown>;
type Feature = GrammarAST.AbstractElement;

/** Sets the fields Langium gives every element of a type: empty lists, false flags. */
class Defaults {
    private readonly byType = new Map<string, Array<[string, unknown]>>();

    constructor(private readonly reflection: AstReflection) {}

    apply(element: Element): void {
        let fields = this.byType.get(element.$type);
        if (fields === undefined) {
            fields = Object.values(this.reflection.getTypeMetaData(element.$type).properties)
                .filter(property => property.defaultValue !== undefined)
                .map(property => [property.name, property.defaultValue]);
            this.byType.set(element.$type, fields);
        }
        for (const [name, value] of fields) {
            if (element[name] === undefined) {
                element[name] = Array.isArray(value) ? [...(value as unknown[])] : value;
            }
        }
    }
}

/** One parse: the scanner and the syntax-tree nodes open around the current token. */
class Run {
    private readonly root: RootCstNodeImpl;
    private top: CompositeCstNode;
    private readonly open: CompositeCstNode[] = [];
    private readonly linker: Linker;
    private readonly converter: ValueConverter;
    private readonly conversions: CharterValueConverter | undefined;
    private readonly defaults: Defaults;

    constructor(private readonly scanner: CharterScanner, private readonly f: Features, private readonly k: Keywords, private readonly t: Vocabulary, parser: CharterFastParser) {
        const root = new RootCstNodeImpl(scanner.text);
        root.root = root;
        this.root = this.top = root;
        ({ linker: this.linker, converter: this.converter, conversions: this.conversions, defaults: this.defaults } = parser);
    }

    // Document: (elements+=TopLevel)*;
    document(): AstNode {
        const document: Element = { $type: 'Document' };
        const s = this.scanner;
        while (s.type === this.k.party || s.type === this.k.charter) {
            // TopLevel: Party | Charter — an unassigned call: its node holds the element's.
            const topLevel = this.openNode(this.f.document.elements);
            const inner = s.type === this.k.party ? this.f.topLevel.party : this.f.topLevel.charter;
            const element = this.begin(inner, s.type === this.k.party ? 'Party' : 'Charter');
            if (element.$type === 'Party') {
                this.party(element);
            } else {
                this.charter(element);
            }
            this.end(element);
            (element.$cstNode as CompactCompositeCstNode).astNode = undefined;
            element.$cstNode = undefined;
            this.construct(element, topLevel);
            this.add(document, 'elements', element);
        }
        if (s.type !== undefined) {
            throw s.giveUp();
        }
        this.root.astNode = document as AstNode;
        document.$cstNode = this.root;
        this.defaults.apply(document);
        if (s.comments.length > 0) {
            attachHiddenNodes(this.root, s.comments);
        }
        return document as AstNode;
    }

    // Party: 'party' name=Name (title=STRING)? ('{' (roles+=Role)* '}')?;
    private party(party: Element): void {
        const f = this.f.party;
        this.keyword(this.k.party, f.party);
        this.named(party, f);
        this.optionalBlock(f, type => {
            if (type !== this.k.role) {
                return false;
            }
            this.addElement(party, 'roles', f.roles, 'Role', this.role);
            return true;
        });
    }

    // Charter: 'charter' name=Name (title=STRING)? '{' (partyLists+=PartyList | visions+=Vision | …)* '}';
    private charter(charter: Element): void {
        const f = this.f.charter;
        const k = this.k;
        this.keyword(k.charter, f.charter);
        this.named(charter, f);
        this.block(f, type => {
            if (type === k.parties) {
                this.addElement(charter, 'partyLists', f.partyLists, 'PartyList', this.partyList);
            } else if (type === k.vision) {
                this.addElement(charter, 'visions', f.visions, 'Vision', this.vision);
            } else if (type === k.term) {
                this.addElement(charter, 'terms', f.terms, 'Term', this.term);
            } else if (type === k.review) {
                this.addElement(charter, 'reviews', f.reviews, 'Review', this.review);
            } else if (type === k.objective) {
                this.addElement(charter, 'objectives', f.objectives, 'Objective', this.objective);
            } else if (type === k.body) {
                this.addElement(charter, 'bodies', f.bodies, 'Body', this.body);
            } else if (type === k.decision) {
                this.addElement(charter, 'decisions', f.decisions, 'Decision', this.decision);
            } else if (type === k.escalation) {
                this.addElement(charter, 'escalations', f.escalations, 'Escalation', this.escalation);
            } else if (type === k.commitment) {
                this.addElement(charter, 'commitments', f.commitments, 'Commitment', this.commitment);
            } else if (type === k.metric) {
                this.addElement(charter, 'metrics', f.metrics, 'Metric', this.metric);
            } else if (type === k.exit) {
                this.addElement(charter, 'exits', f.exits, 'Exit', this.exit);
            } else {
                return false;
            }
            return true;
        });
    }

    // PartyList: 'parties' parties+=[Party:Name] (',' parties+=[Party:Name])*;
    private partyList(list: Element): void {
        this.keyword(this.k.parties, this.f.partyList.parties);
        this.references(list, 'parties', this.f.partyList.list, false);
    }

    // Vision: 'vision' text=STRING;
    private vision(vision: Element): void {
        this.keyword(this.k.vision, this.f.vision.vision);
        this.terminal(vision, 'text', this.t.string, this.f.vision.text);
    }

    // Objective: 'objective' name=Name (title=STRING)?;
    private objective(objective: Element): void {
        this.keyword(this.k.objective, this.f.objective.objective);
        this.named(objective, this.f.objective);
    }

    // Role: 'role' name=Name (title=STRING)?;
    private role(role: Element): void {
        this.keyword(this.k.role, this.f.role.role);
        this.named(role, this.f.role);
    }

    // Term: 'term' ('from' start=DATE)? ('to' end=DATE)?;
    private term(term: Element): void {
        const f = this.f.term;
        this.keyword(this.k.term, f.term);
        if (this.at(this.k.from)) {
            this.keyword(this.k.from, f.from);
            this.terminal(term, 'start', this.t.date, f.start);
        }
        if (this.at(this.k.to)) {
            this.keyword(this.k.to, f.to);
            this.terminal(term, 'end', this.t.date, f.end);
        }
    }

    // Review: 'review' (('every' interval=Duration) | cadence=Cadence);
    private review(review: Element): void {
        const f = this.f.review;
        this.keyword(this.k.review, f.review);
        if (this.at(this.k.every)) {
            this.keyword(this.k.every, f.every);
            this.assign(review, 'interval', this.duration(f.interval));
        } else {
            this.assign(review, 'cadence', this.choice(f.cadence, this.f.cadence));
        }
    }

    // Body: 'body' name=Name (title=STRING)? ('{' ('members' … | 'votes' 'by' voting=VotingRule | Chair | 'meets' meets=Cadence)* '}')?;
    private body(body: Element): void {
        const f = this.f.body;
        const k = this.k;
        this.namedElement(body, k.body, f, type => {
            if (type === k.members) {
                this.keyword(k.members, f.members);
                this.references(body, 'members', f.memberList, true);
            } else if (type === k.votes) {
                this.keyword(k.votes, f.votes);
                this.keyword(k.by, f.by);
                this.assign(body, 'voting', this.choice(f.voting, this.f.votingRule));
            } else if (type === k.chair) {
                // fragment Chair: 'chair' (rotates?='rotates' rotation=Cadence | chair=[Principal:QualifiedName]);
                const chair = this.f.chair;
                this.keyword(k.chair, chair.chair);
                if (this.at(k.rotates)) {
                    this.keyword(k.rotates, chair.rotates);
                    body.rotates = true;
                    this.assign(body, 'rotation', this.choice(chair.rotation, this.f.cadence));
                } else {
                    this.reference(body, 'chair', chair.principal, true, false);
                }
            } else if (type === k.meets) {
                this.keyword(k.meets, f.meets);
                this.assign(body, 'meets', this.choice(f.meetsValue, this.f.cadence));
            } else {
                return false;
            }
            return true;
        });
    }

    // Decision: 'decision' name=Name (title=STRING)? ('{' ('proposed' 'by' … | 'decided' 'by' … ('by' voting=VotingRule)? | 'consults' … | 'informs' … | escalatesTo?='escalates' 'to' (escalation=[Escalation:Name])? | reserved?=('reserved' | 'fundamental'))* '}')?;
    private decision(decision: Element): void {
        const f = this.f.decision;
        const k = this.k;
        this.namedElement(decision, k.decision, f, type => {
            if (type === k.proposed) {
                this.keyword(k.proposed, f.proposed);
                this.keyword(k.by, f.proposedBy);
                this.references(decision, 'proposers', f.proposers, true);
            } else if (type === k.decided) {
                this.keyword(k.decided, f.decided);
                this.keyword(k.by, f.decidedBy);
                this.references(decision, 'deciders', f.deciders, true);
                if (this.at(k.by)) {
                    this.keyword(k.by, f.votingBy);
                    this.assign(decision, 'voting', this.choice(f.voting, this.f.votingRule));
                }
            } else if (type === k.consults) {
                this.keyword(k.consults, f.consults);
                this.references(decision, 'consulted', f.consulted, true);
            } else if (type === k.informs) {
                this.keyword(k.informs, f.informs);
                this.references(decision, 'informed', f.informed, true);
            } else if (type === k.escalates) {
                this.keyword(k.escalates, f.escalates);
                decision.escalatesTo = true;
                this.keyword(k.to, f.to);
                if (this.at(this.t.id)) {
                    this.reference(decision, 'escalation', f.escalation, false, false);
                }
            } else if (type === k.reserved || type === k.fundamental) {
                // reserved?=('reserved' | 'fundamental')
                this.keyword(type, type === k.reserved ? f.reserved : f.fundamental);
                decision.reserved = true;
            } else {
                return false;
            }
            return true;
        });
    }

    // Escalation: 'escalation' name=Name (title=STRING)? ('{' (levels+=Level | finalSteps+=FinalStep)* '}')?;
    private escalation(escalation: Element): void {
        const f = this.f.escalation;
        const k = this.k;
        this.namedElement(escalation, k.escalation, f, () => {
            if (this.at(k.level)) {
                // Level: 'level' principals+=[Principal:QualifiedName] (',' principals+=…)* ('within' within=Duration)?;
                const level = this.begin(f.levels, 'Level');
                const l = this.f.level;
                this.keyword(k.level, l.level);
                this.references(level, 'principals', l.principals, true);
                if (this.at(k.within)) {
                    this.keyword(k.within, l.within);
                    this.assign(level, 'within', this.duration(l.duration));
                }
                this.add(escalation, 'levels', this.end(level));
            } else if (this.at(k.finally)) {
                // FinalStep: 'finally' kind=FinalKind ('by' deciders+=[Principal:QualifiedName] (',' deciders+=…)*)? (text=STRING)?;
                const step = this.begin(f.finalSteps, 'FinalStep');
                const s = this.f.finalStep;
                this.keyword(k.finally, s.finally);
                this.assign(step, 'kind', this.choice(s.kind, this.f.finalKind));
                if (this.at(k.by)) {
                    // ('by' deciders+=[Principal:QualifiedName] (',' deciders+=…)*)?
                    this.keyword(k.by, s.by);
                    this.references(step, 'deciders', s.deciders, true);
                }
                if (this.at(this.t.string)) {
                    this.terminal(step, 'text', this.t.string, s.text);
                }
                this.add(escalation, 'finalSteps', this.end(step));
            } else {
                return false;
            }
            return true;
        });
    }

    // Commitment: 'commitment' name=Name (title=STRING)? ('{' ('owner' … | 'to' … | 'due' due=DATE | 'every' recurrence=Recurrence | 'supports' … | 'status' status=CommitmentStatus)* '}')?;
    private commitment(commitment: Element): void {
        const f = this.f.commitment;
        const k = this.k;
        this.namedElement(commitment, k.commitment, f, type => {
            if (type === k.owner) {
                this.keyword(k.owner, f.owner);
                this.reference(commitment, 'owner', f.ownerReference, true, false);
            } else if (type === k.to) {
                this.keyword(k.to, f.to);
                this.references(commitment, 'beneficiaries', f.beneficiaries, true);
            } else if (type === k.due) {
                this.keyword(k.due, f.due);
                this.terminal(commitment, 'due', this.t.date, f.dueDate);
            } else if (type === k.every) {
                this.keyword(k.every, f.every);
                this.assign(commitment, 'recurrence', this.choice(f.recurrence, this.f.recurrence));
            } else if (type === k.supports) {
                this.keyword(k.supports, f.supports);
                this.references(commitment, 'supports', f.supported, false);
            } else if (type === k.status) {
                this.keyword(k.status, f.status);
                this.assign(commitment, 'status', this.choice(f.statusValue, this.f.commitmentStatus));
            } else {
                return false;
            }
            return true;
        });
    }

    // Metric: 'metric' name=Name (title=STRING)? ('{' ('kind' kind=MetricKind | 'owner' … | 'target' target=Target | 'cadence' cadence=Cadence | 'tracks' … | 'benefits' …)* '}')?;
    private metric(metric: Element): void {
        const f = this.f.metric;
        const k = this.k;
        this.namedElement(metric, k.metric, f, type => {
            if (type === k.kind) {
                this.keyword(k.kind, f.kind);
                this.assign(metric, 'kind', this.choice(f.kindValue, this.f.metricKind));
            } else if (type === k.owner) {
                this.keyword(k.owner, f.owner);
                this.reference(metric, 'owner', f.ownerReference, true, false);
            } else if (type === k.target) {
                this.keyword(k.target, f.target);
                const target = this.begin(f.targetValue, 'Target');
                this.target(target);
                this.assign(metric, 'target', this.end(target));
            } else if (type === k.cadence) {
                this.keyword(k.cadence, f.cadence);
                this.assign(metric, 'cadence', this.choice(f.cadenceValue, this.f.cadence));
            } else if (type === k.tracks) {
                this.keyword(k.tracks, f.tracks);
                this.references(metric, 'tracks', f.tracked, false);
            } else if (type === k.benefits) {
                this.keyword(k.benefits, f.benefits);
                this.references(metric, 'beneficiaries', f.beneficiaries, true);
            } else {
                return false;
            }
            return true;
        });
    }

    // Target: comparator=Comparator value=NUMBER (('of' scale=NUMBER) | unit=Unit)?;
    private target(target: Element): void {
        const f = this.f.target;
        const v = this.t;
        this.assign(target, 'comparator', this.choice(f.comparator, this.f.comparator));
        this.terminal(target, 'value', v.number, f.value);
        const type = this.scanner.type;
        if (type === this.k.of) {
            this.keyword(this.k.of, f.of);
            this.terminal(target, 'scale', v.number, f.scale);
        } else if (type === v.id || type === this.k.percent || (type !== undefined && this.f.timeUnit.has(type))) {
            // Unit: ID | '%' | TimeUnit;
            const node = this.openNode(f.unit);
            const unit = this.f.unit;
            let text: string;
            if (type === v.id) {
                text = String(this.convertLeaf(this.consume(v.id, unit.id)));
            } else if (type === this.k.percent) {
                text = this.image(this.consume(this.k.percent, unit.percent));
            } else {
                text = String(this.choice(unit.timeUnit, this.f.timeUnit));
            }
            this.close();
            this.assign(target, 'unit', this.convert(text, node, f.unit));
        }
    }

    // Exit: {infer Exit} 'exit' ('{' ('notice' notice=Duration | texts+=STRING)* '}')?;
    private exit(exit: Element): void {
        const f = this.f.exit;
        const k = this.k;
        this.keyword(k.exit, f.exit);
        this.optionalBlock(f, () => {
            if (this.at(k.notice)) {
                this.keyword(k.notice, f.notice);
                this.assign(exit, 'notice', this.duration(f.duration));
            } else if (this.at(this.t.string)) {
                this.add(exit, 'texts', this.convertLeaf(this.consume(this.t.string, f.texts)));
            } else {
                return false;
            }
            return true;
        });
    }

    // Duration: value=NUMBER unit=TimeUnit;
    private duration(feature: Feature): Element {
        const duration = this.begin(feature, 'Duration');
        this.terminal(duration, 'value', this.t.number, this.f.duration.value);
        this.assign(duration, 'unit', this.choice(this.f.duration.unit, this.f.timeUnit));
        return this.end(duration);
    }

    // --- The parts of a rule ---

    /** `name=Name (title=STRING)?`, as elements with a name start. */
    private named(element: Element, f: { name: Feature; title: Feature }): void {
        this.assign(element, 'name', this.name(f.name));
        if (this.at(this.t.string)) {
            this.terminal(element, 'title', this.t.string, f.title);
        }
    }

    /** `'{' (clause)* '}'`: `clause` reads a clause that starts with the token of `type`, or says there is none. */
    private block(f: { open: Feature; close: Feature }, clause: (type: TokenType | undefined) => boolean): void {
        this.keyword(this.k.open, f.open);
        while (clause(this.scanner.type)) {
            // Each call read one clause.
        }
        this.keyword(this.k.close, f.close);
    }

    /** `'keyword' name=Name (title=STRING)? ('{' (clause)* '}')?`: bodies, decisions, escalations, commitments, metrics. */
    private namedElement(element: Element, keyword: TokenType, f: { keyword: Feature; name: Feature; title: Feature; open: Feature; close: Feature }, clause: (type: TokenType | undefined) => boolean): void {
        this.keyword(keyword, f.keyword);
        this.named(element, f);
        this.optionalBlock(f, clause);
    }

    /** `('{' (clause)* '}')?` */
    private optionalBlock(f: { open: Feature; close: Feature }, clause: (type: TokenType | undefined) => boolean): void {
        if (this.at(this.k.open)) {
            this.block(f, clause);
        }
    }

    /** `property+=Rule`: a call of the rule through `feature`, its element read by `read` and added to the owner's list. */
    private addElement(owner: Element, property: string, feature: Feature, type: string, read: (this: Run, element: Element) => void): void {
        const element = this.begin(feature, type);
        read.call(this, element);
        this.add(owner, property, this.end(element));
    }

    /** Starts a call of a parser rule: its node, and its element, which `end` finishes. */
    private begin(feature: Feature, type: string): Element {
        this.openNode(feature);
        return { $type: type };
    }

    private end(element: Element): Element {
        this.construct(element, this.top);
        return element;
    }

    /** Finishes an element, as Langium's parser does when its rule returns. */
    private construct(element: Element, node: CompositeCstNode): void {
        (node as CompactCompositeCstNode).astNode = element as AstNode;
        element.$cstNode = node;
        this.close();
        this.defaults.apply(element);
    }

    /** The value Langium makes of a data-type rule's text, read through `feature`. */
    private dataTypeValue(text: string, feature: Feature): unknown {
        const node = this.top;
        this.close();
        return this.convert(text, node, feature);
    }

    /** A call of Name: ID; */
    private name(feature: Feature): unknown {
        this.openNode(feature);
        return this.dataTypeValue(this.nameText(), feature);
    }

    private nameText(): string {
        return String(this.convertLeaf(this.consume(this.t.id, this.f.name.id)));
    }

    // QualifiedName: Name ('.' Name)?;
    private qualifiedNameText(): string {
        const f = this.f.qualifiedName;
        let text = String(this.name(f.first));
        if (this.at(this.k.dot)) {
            this.consume(this.k.dot, f.dot);
            text += '.' + String(this.name(f.second));
        }
        return text;
    }

    /** A call of a data-type rule that is a choice of keywords (Cadence, VotingRule, …). */
    private choice(feature: Feature, keywords: Map<TokenType, GrammarAST.Keyword>): unknown {
        const type = this.scanner.type;
        const keyword = type === undefined ? undefined : keywords.get(type);
        if (!keyword) {
            throw this.scanner.giveUp();
        }
        this.openNode(feature);
        return this.dataTypeValue(this.image(this.consume(type!, keyword)), feature);
    }

    /** `property+=[Type:Name] (',' property+=[Type:Name])*` */
    private references(element: Element, property: string, f: ReferenceList, qualified: boolean): void {
        this.reference(element, property, f.first, qualified, true);
        while (this.at(this.k.comma)) {
            this.consume(this.k.comma, f.comma);
            this.reference(element, property, f.next, qualified, true);
        }
    }

    private reference(element: Element, property: string, feature: Feature, qualified: boolean, many: boolean): void {
        const node = this.openNode(feature);
        const text = qualified ? this.qualifiedNameText() : this.nameText();
        this.close();
        const value = this.convert(text, node, feature);
        const reference = typeof value === 'string' ? this.linker.buildReference(element as AstNode, property, node, value) : value;
        if (many) {
            this.add(element, property, reference);
        } else {
            element[property] = reference;
        }
    }

    /** `property=TERMINAL` */
    private terminal(element: Element, property: string, type: TokenType, feature: Feature): void {
        element[property] = this.convertLeaf(this.consume(type, feature));
    }

    private assign(element: Element, property: string, value: unknown): void {
        element[property] = value;
    }

    private add(element: Element, property: string, value: unknown): void {
        const list = element[property];
        if (Array.isArray(list)) {
            list.push(value);
        } else {
            element[property] = [value];
        }
    }

    // --- Tokens and nodes ---

    private at(type: TokenType): boolean {
        return this.scanner.type === type;
    }

    private keyword(type: TokenType, feature: Feature): void {
        this.consume(type, feature);
    }

    /** Adds the current token, which must be of `type`, as a leaf of the open node, after the comments before it. */
    private consume(type: TokenType, feature: Feature): CompactLeafCstNode {
        const s = this.scanner;
        if (s.type !== type) {
            throw s.giveUp();
        }
        if (s.comments.length > 0) {
            attachHiddenNodes(this.top, s.comments);
            s.comments = [];
        }
        const leaf = new CompactLeafCstNode(s.start, s.end - s.start, type, s.line, s.column, false, s.multiLine);
        leaf.grammarSource = feature;
        leaf.container = this.top;
        append(this.top, leaf);
        s.next();
        return leaf;
    }

    private image(leaf: CompactLeafCstNode): string {
        return this.scanner.text.substring(leaf.offset, leaf.offset + leaf.length);
    }

    private convertLeaf(leaf: CompactLeafCstNode): unknown {
        return this.convert(this.image(leaf), leaf, leaf.grammarSource!);
    }

    /** Langium's value converter's value for a text read through `feature` into `node`; the charter's works each feature's conversion out once. */
    private convert(text: string, node: CstNode, feature: Feature): unknown {
        return this.conversions ? this.conversions.conversionOf(feature)(text) : this.converter.convert(text, node);
    }

    private openNode(feature: Feature): CompositeCstNode {
        const node = new CompactCompositeCstNode();
        node.grammarSource = feature;
        node.container = this.top;
        append(this.top, node);
        this.open.push(this.top);
        this.top = node;
        return node;
    }

    private close(): void {
        this.top = this.open.pop()!;
    }

}

// --- The grammar's elements that become the nodes' grammar sources ---

interface ReferenceList { first: Feature; comma: Feature; next: Feature }

type Features = ReturnType<typeof featuresOf>;

/** Finds, once, each grammar element the parser gives as a node's grammar source. */
function featuresOf(grammar: GrammarAST.Grammar, definition: TokenTypeDictionary) {
    const rules = new Map(grammar.rules.map(rule => [rule.name, rule]));
    const elementsByRule = new Map<string, Feature[]>();
    const elementsOf = (ruleName: string): Feature[] => {
        let elements = elementsByRule.get(ruleName);
        if (!elements) {
            const rule = rules.get(ruleName);
            if (!rule || !GrammarAST.isParserRule(rule) || !rule.definition) {
                throw new Error(`The charter grammar has no parser rule ${ruleName}.`);
            }
            elements = AstUtils.streamAst(rule.definition).toArray() as Feature[];
            elementsByRule.set(ruleName, elements);
        }
        return elements;
    };
    const find = (ruleName: string, accept: (element: Feature) => boolean, nth: number, what: string): Feature => {
        const found = elementsOf(ruleName).filter(accept)[nth];
        if (!found) {
            throw new Error(`The charter grammar's rule ${ruleName} has no ${what} (number ${nth + 1}).`);
        }
        return found;
    };
    const keyword = (ruleName: string, value: string, nth = 0) =>
        find(ruleName, element => GrammarAST.isKeyword(element) && element.value === value, nth, `keyword '${value}'`) as GrammarAST.Keyword;
    const assigned = (ruleName: string, property: string, nth = 0) =>
        (find(ruleName, element => GrammarAST.isAssignment(element) && element.feature === property, nth, `assignment to ${property}`) as GrammarAST.Assignment).terminal;
    const call = (ruleName: string, callee: string, nth = 0) =>
        find(ruleName, element => GrammarAST.isRuleCall(element) && element.rule.$refText === callee && !GrammarAST.isAssignment(element.$container), nth, `call of ${callee}`);
    const list = (ruleName: string, property: string, commaIndex = 0): ReferenceList =>
        ({ first: assigned(ruleName, property, 0), comma: keyword(ruleName, ',', commaIndex), next: assigned(ruleName, property, 1) });
    const named = (ruleName: string) => ({ name: assigned(ruleName, 'name'), title: assigned(ruleName, 'title') });
    const block = (ruleName: string) => ({ open: keyword(ruleName, '{'), close: keyword(ruleName, '}') });
    /** The keywords of a data-type rule that is a choice of keywords, by token type. */
    const choice = (ruleName: string) => new Map(elementsOf(ruleName).filter(GrammarAST.isKeyword).map(element => [tokenType(definition, element.value), element]));
    return {
        document: { elements: assigned('Document', 'elements') },
        topLevel: { party: call('TopLevel', 'Party'), charter: call('TopLevel', 'Charter') },
        party: { party: keyword('Party', 'party'), ...named('Party'), ...block('Party'), roles: assigned('Party', 'roles') },
        role: { role: keyword('Role', 'role'), ...named('Role') },
        charter: {
            charter: keyword('Charter', 'charter'), ...named('Charter'), ...block('Charter'),
            partyLists: assigned('Charter', 'partyLists'), visions: assigned('Charter', 'visions'), terms: assigned('Charter', 'terms'),
            reviews: assigned('Charter', 'reviews'), objectives: assigned('Charter', 'objectives'), bodies: assigned('Charter', 'bodies'),
            decisions: assigned('Charter', 'decisions'), escalations: assigned('Charter', 'escalations'), commitments: assigned('Charter', 'commitments'),
            metrics: assigned('Charter', 'metrics'), exits: assigned('Charter', 'exits')
        },
        partyList: { parties: keyword('PartyList', 'parties'), list: list('PartyList', 'parties') },
        vision: { vision: keyword('Vision', 'vision'), text: assigned('Vision', 'text') },
        term: { term: keyword('Term', 'term'), from: keyword('Term', 'from'), start: assigned('Term', 'start'), to: keyword('Term', 'to'), end: assigned('Term', 'end') },
        review: { review: keyword('Review', 'review'), every: keyword('Review', 'every'), interval: assigned('Review', 'interval'), cadence: assigned('Review', 'cadence') },
        objective: { objective: keyword('Objective', 'objective'), ...named('Objective') },
        body: {
            keyword: keyword('Body', 'body'), ...named('Body'), ...block('Body'),
            members: keyword('Body', 'members'), memberList: list('Body', 'members'),
            votes: keyword('Body', 'votes'), by: keyword('Body', 'by'), voting: assigned('Body', 'voting'),
            meets: keyword('Body', 'meets'), meetsValue: assigned('Body', 'meets')
        },
        chair: { chair: keyword('Chair', 'chair'), rotates: assigned('Chair', 'rotates'), rotation: assigned('Chair', 'rotation'), principal: assigned('Chair', 'chair') },
        decision: {
            keyword: keyword('Decision', 'decision'), ...named('Decision'), ...block('Decision'),
            proposed: keyword('Decision', 'proposed'), proposedBy: keyword('Decision', 'by', 0), proposers: list('Decision', 'proposers', 0),
            decided: keyword('Decision', 'decided'), decidedBy: keyword('Decision', 'by', 1), deciders: list('Decision', 'deciders', 1),
            votingBy: keyword('Decision', 'by', 2), voting: assigned('Decision', 'voting'),
            consults: keyword('Decision', 'consults'), consulted: list('Decision', 'consulted', 2),
            informs: keyword('Decision', 'informs'), informed: list('Decision', 'informed', 3),
            escalates: assigned('Decision', 'escalatesTo'), to: keyword('Decision', 'to'), escalation: assigned('Decision', 'escalation'),
            reserved: keyword('Decision', 'reserved'), fundamental: keyword('Decision', 'fundamental')
        },
        escalation: { keyword: keyword('Escalation', 'escalation'), ...named('Escalation'), ...block('Escalation'), levels: assigned('Escalation', 'levels'), finalSteps: assigned('Escalation', 'finalSteps') },
        level: { level: keyword('Level', 'level'), principals: list('Level', 'principals'), within: keyword('Level', 'within'), duration: assigned('Level', 'within') },
        finalStep: {
            finally: keyword('FinalStep', 'finally'), kind: assigned('FinalStep', 'kind'), text: assigned('FinalStep', 'text'),
            by: keyword('FinalStep', 'by'), deciders: list('FinalStep', 'deciders')
        },
        commitment: {
            keyword: keyword('Commitment', 'commitment'), ...named('Commitment'), ...block('Commitment'),
            owner: keyword('Commitment', 'owner'), ownerReference: assigned('Commitment', 'owner'),
            to: keyword('Commitment', 'to'), beneficiaries: list('Commitment', 'beneficiaries', 0),
            due: keyword('Commitment', 'due'), dueDate: assigned('Commitment', 'due'),
            every: keyword('Commitment', 'every'), recurrence: assigned('Commitment', 'recurrence'),
            supports: keyword('Commitment', 'supports'), supported: list('Commitment', 'supports', 1),
            status: keyword('Commitment', 'status'), statusValue: assigned('Commitment', 'status')
        },
        metric: {
            keyword: keyword('Metric', 'metric'), ...named('Metric'), ...block('Metric'),
            kind: keyword('Metric', 'kind'), kindValue: assigned('Metric', 'kind'),
            owner: keyword('Metric', 'owner'), ownerReference: assigned('Metric', 'owner'),
            target: keyword('Metric', 'target'), targetValue: assigned('Metric', 'target'),
            cadence: keyword('Metric', 'cadence'), cadenceValue: assigned('Metric', 'cadence'),
            tracks: keyword('Metric', 'tracks'), tracked: list('Metric', 'tracks', 0),
            benefits: keyword('Metric', 'benefits'), beneficiaries: list('Metric', 'beneficiaries', 1)
        },
        target: { comparator: assigned('Target', 'comparator'), value: assigned('Target', 'value'), of: keyword('Target', 'of'), scale: assigned('Target', 'scale'), unit: assigned('Target', 'unit') },
        exit: { exit: keyword('Exit', 'exit'), ...block('Exit'), notice: keyword('Exit', 'notice'), duration: assigned('Exit', 'notice'), texts: assigned('Exit', 'texts') },
        duration: { value: assigned('Duration', 'value'), unit: assigned('Duration', 'unit') },
        name: { id: call('Name', 'ID') },
        qualifiedName: { first: call('QualifiedName', 'Name', 0), dot: keyword('QualifiedName', '.'), second: call('QualifiedName', 'Name', 1) },
        unit: { id: call('Unit', 'ID'), percent: keyword('Unit', '%'), timeUnit: call('Unit', 'TimeUnit') },
        timeUnit: choice('TimeUnit'), cadence: choice('Cadence'), recurrence: choice('Recurrence'), votingRule: choice('VotingRule'),
        finalKind: choice('FinalKind'), commitmentStatus: choice('CommitmentStatus'), metricKind: choice('MetricKind'), comparator: choice('Comparator')
    };
}

function tokenType(definition: TokenTypeDictionary, name: string): TokenType {
    const type = definition[name];
    if (!type) {
        throw new Error(`The charter lexer has no token ${name}.`);
    }
    return type;
}

type Keywords = ReturnType<typeof keywordsOf>;

/** The token types of the keywords the parser decides on. */
function keywordsOf(definition: TokenTypeDictionary) {
    const names = ['party', 'charter', 'role', 'parties', 'vision', 'term', 'review', 'objective', 'body', 'decision', 'escalation', 'commitment', 'metric', 'exit',
        'from', 'to', 'every', 'members', 'votes', 'by', 'chair', 'rotates', 'meets', 'proposed', 'decided', 'consults', 'informs', 'escalates',
        'reserved', 'fundamental', 'level', 'within', 'finally', 'owner', 'due', 'supports', 'status', 'kind', 'target', 'cadence', 'tracks', 'benefits', 'of', 'notice'] as const;
    const keywords = Object.fromEntries(names.map(name => [name, tokenType(definition, name)])) as Record<(typeof names)[number], TokenType>;
    return { ...keywords, open: tokenType(definition, '{'), close: tokenType(definition, '}'), comma: tokenType(definition, ','), dot: tokenType(definition, '.'), percent: tokenType(definition, '%') };
}
