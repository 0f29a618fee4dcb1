import { AstUtils, type AstNode, type CstNode, type Reference } from 'langium';
import * as ast from '../generated/ast.js';
import type {
    AssessedEntry, JournalEntry, JournalModel, MeasuredEntry, NameRef, Pillar, PrincipalRef, Range, SourceRef, SyntaxProblem, UnfinishedEntry
} from './types.js';
import { CORE_PILLARS, PILLARS } from './journal-types.js';
import { isRealDate, realDate } from '../front-ends.js';
import { notADateProblem } from './written-dates.js';
import { separatedNumberAt } from './written-numbers.js';
import { closest } from '../util/closest.js';
import { listText } from '../wording.js';
import { hasKeyword, nodeForProperty } from '../util/cst-search.js';
import { rangeOfReference } from '../references/charter-linker.js';
import {
    AssessedModel, DecidedModel, DeclaredIssueName, DeliveredModel, EMPTY_RANGE, EntryName, syntaxOf, EntryPrincipal, EscalatedModel, MeasuredModel, MetModel, MissedModel, NoteModel,
    RaisedModel, ResolvedModel, ReviewedModel
} from './journal-entry-models.js';

/** Builds the model of one journal from its linked syntax tree. */
export function buildJournalModel(journal: ast.Journal, uri: string, sourceOf: (node: AstNode, uri: string) => SourceRef): JournalModel {
    const source = sourceOf(journal, uri);
    const charterRef = journal.charter;
    const charter = charterRef?.ref;
    const name = journal.name ?? '';
    const seated: SeatedParties = new Map();
    return {
        name,
        title: journal.title,
        charterText: charterRef?.$refText || undefined,
        charter: charter?.name,
        charterUri: charter ? AstUtils.findRootNode(charter).$document?.uri.toString() : undefined,
        charterRange: (charterRef && rangeOfReference(charterRef)) ?? source.nameRange,
        ...entriesOf(journal, name, uri, seated),
        source
    };
}

/** The journal's entries, and apart from them those cut short (`Unfinished`): those record nothing. */
function entriesOf(journal: ast.Journal, name: string, uri: string, seated: SeatedParties): Pick<JournalModel, 'entries' | 'unfinished'> {
    const entries: JournalEntry[] = [];
    const unfinished: UnfinishedEntry[] = [];
    for (let index = 0; index < journal.entries.length; index++) {
        const entry = journal.entries[index];
        if (entry.$type === ast.Unfinished.$type) {
            const { date, word } = entry as ast.Unfinished;
            unfinished.push({ date, word, range: entry.$cstNode?.range ?? EMPTY_RANGE, wordRange: word === undefined ? undefined : nodeForProperty(entry.$cstNode, 'word')?.range });
        } else {
            entries.push(buildEntry(entry, index, name, uri, seated));
        }
    }
    return { entries, unfinished };
}

/**
 * An entry's model: one class per kind (model/journal-entry-models.ts), each
 * made with its fields in the same order, the span left to its syntax node.
 */
function buildEntry(entry: ast.Entry, index: number, journal: string, uri: string, seated: SeatedParties): JournalEntry {
    const node = entry.$cstNode;
    // A date that is none (being typed, 2026-11-2, or 2026-02-30) is a `syntax` finding; the entry is undated to the rules.
    const date = realDate(entry.date) ?? '';
    switch (entry.$type) {
        case ast.Met.$type: {
            const met = entry as ast.Met;
            // Attendees mean `with`; asked of the syntax only when there are none (`with` written alone), which reads a deferred entry's nodes.
            const hasWith = met.attendees.length > 0 || hasKeyword(met.$cstNode, 'with');
            return new MetModel(date, journal, uri, index, node, nameRef(met.body), hasWith ? met.attendees.map(ref => principalRef(ref, seated)) : undefined);
        }
        case ast.Delivered.$type:
            return new DeliveredModel(date, journal, uri, index, node, nameRef((entry as ast.Delivered).commitment));
        case ast.Missed.$type: {
            const missed = entry as ast.Missed;
            return new MissedModel(date, journal, uri, index, node, nameRef(missed.commitment), missed.reason);
        }
        case ast.Measured.$type: {
            const measured = entry as ast.Measured;
            // `measured Revenue 1,000,000 USD` is read as a reading of 1: no reading at all, and the syntax finding says what to write.
            const value = measured.unit === undefined && measured.scale === undefined && cutBySeparator(node) ? undefined : measured.value;
            return new MeasuredModel(date, journal, uri, index, node, nameRef(measured.metric), value, measured.unit, measured.scale);
        }
        case ast.Decided.$type: {
            const decided = entry as ast.Decided;
            return new DecidedModel(date, journal, uri, index, node, nameRef(decided.decision), decided.text, decided.deciders.map(ref => principalRef(ref, seated)));
        }
        case ast.Raised.$type: {
            const raised = entry as ast.Raised;
            const issue = raised.issue?.name ? new DeclaredIssueName(raised.issue.name, raised.issue.$cstNode, node) : undefined;
            return new RaisedModel(date, journal, uri, index, node, issue, raised.title, nameRef(raised.escalation), nameRef(raised.decision));
        }
        case ast.Escalated.$type:
            return new EscalatedModel(date, journal, uri, index, node, nameRef((entry as ast.Escalated).issue));
        case ast.Resolved.$type: {
            const resolved = entry as ast.Resolved;
            return new ResolvedModel(date, journal, uri, index, node, nameRef(resolved.issue), resolved.text);
        }
        case ast.Reviewed.$type:
            return new ReviewedModel(date, journal, uri, index, node, (entry as ast.Reviewed).text);
        case ast.Assessed.$type: {
            const assessed = entry as ast.Assessed;
            return new AssessedModel(date, journal, uri, index, node, nameRef(assessed.party), assessedScores(assessed));
        }
        default:
            return new NoteModel(date, journal, uri, index, node, (entry as ast.Note).text);
    }
}

/** Whether an entry ends at a separator within a number (`1,000,000`): its value is a `1` the parser stopped after. */
function cutBySeparator(node: CstNode | undefined): boolean {
    return node !== undefined && separatedNumberAt(node.root.fullText, node.end) !== undefined;
}

/**
 * The span of a reading's value and unit (or scale), for a finding about
 * them. Worked out when asked: it needs the entry's syntax nodes, which a
 * journal's entries are read without (parser/deferred-parts.ts).
 */
export function valueRangeOf(entry: MeasuredEntry): Range | undefined {
    const measured = syntaxOf(entry);
    if (!ast.isMeasured(measured)) {
        return undefined;
    }
    const value = nodeForProperty(measured.$cstNode, 'value');
    const unit = nodeForProperty(measured.$cstNode, measured.scale !== undefined ? 'scale' : 'unit');
    return value ? { start: value.range.start, end: (unit ?? value).range.end } : undefined;
}

/**
 * An assessment's scores by pillar: only scores an assessment can give (1–5),
 * as the model keeps no date that is none. A score out of range, or a pillar
 * scored twice, is the `syntax` rule's finding (`assessmentProblems`), and the
 * perceived layer, the gap and the radar read the scores that are left.
 */
function assessedScores(entry: ast.Assessed): Partial<Record<Pillar, number>> {
    const written = entry.scores;
    // The four pillars once each, in their usual order (almost every assessment): one literal, one shape for all of them.
    if (isUsualAssessment(written)) {
        return { trust: written[0].value, commitment: written[1].value, coordination: written[2].value, communication: written[3].value };
    }
    const scores: Partial<Record<Pillar, number>> = {};
    for (const score of written) {
        const pillar = score.pillar as Pillar;
        if (!PILLARS.includes(pillar)) continue;
        // A pillar scored twice: the last score counts, as its finding says, and only if it is one an assessment can give.
        if (isValidScore(score.value)) scores[pillar] = score.value;
        else delete scores[pillar];
    }
    return scores;
}

/** The four pillars once each, in their usual order, each scored from 1 to 5: almost every assessment, and nothing to find in it. */
function isUsualAssessment(written: readonly ast.PillarScore[]): boolean {
    return written.length === 4 && written[0].pillar === 'trust' && written[1].pillar === 'commitment' && written[2].pillar === 'coordination'
        && written[3].pillar === 'communication' && isValidScore(written[0].value) && isValidScore(written[1].value)
        && isValidScore(written[2].value) && isValidScore(written[3].value);
}

/** Whether a score is one an assessment can give: a whole number from 1 to 5. */
function isValidScore(score: number | undefined): boolean {
    return score !== undefined && score >= 1 && score <= 5 && Number.isInteger(score);
}

/**
 * A score no assessment can give, said with what it may be: `trust 7` is out
 * of range; `trust 3.5` is in range but not a whole number, so the message
 * names the two it lies between rather than saying 1 to 5 as if 3.5 were not.
 */
function scoreOutOfRangeMessage(pillar: string, value: number): string {
    const between = value > 1 && value < 5 ? `: write ${Math.floor(value)} or ${Math.ceil(value)}` : '';
    return `An assessment scores each pillar with a whole number from 1 to 5; ${pillar} is ${value}${between}.`;
}

/**
 * What is wrong with an assessment's scores as written: a score out of 1–5, a
 * pillar scored twice, one of the four pillars left out. Read from the syntax
 * (the model keeps only the scores that stand), each at the span of its score.
 */
function assessmentProblems(entry: AssessedEntry, assessed: ast.Assessed): SyntaxProblem[] {
    if (isUsualAssessment(assessed.scores)) {
        return [];
    }
    const problems: SyntaxProblem[] = [];
    // A score's span is worked out for its finding alone: it is read from the entry's syntax, which a journal keeps
    // unread (parser/deferred-parts.ts), and almost every assessment has nothing to find.
    const rangeOf = (score: ast.PillarScore) => score.$cstNode?.range ?? entry.range;
    const seen = new Map<string, ast.PillarScore>();
    for (const score of assessed.scores) {
        if (!score.pillar) continue; // cut short by a syntax error, which has its own finding
        if (score.value === undefined) {
            problems.push({ message: `This assessment gives ${score.pillar} no score: write a whole number from 1 to 5 after it.`, range: rangeOf(score) });
        } else if (!isValidScore(score.value)) {
            problems.push({ message: scoreOutOfRangeMessage(score.pillar, score.value), range: rangeOf(score) });
        }
        const earlier = seen.get(score.pillar);
        if (earlier) {
            problems.push({ message: `This assessment scores ${score.pillar} again further on, and the last score counts: remove this one.`, range: rangeOf(earlier) });
        }
        seen.set(score.pillar, score);
    }
    const left = CORE_PILLARS.filter(pillar => !seen.has(pillar));
    if (seen.size > 0 && left.length > 0) {
        problems.push({
            message: `This assessment leaves out ${listText(left)}: a party's view scores ${listText(CORE_PILLARS)} from 1 to 5 (openness, equality and conflict may follow).`,
            range: entry.range
        });
    }
    return problems;
}

function nameRef(ref: Reference<AstNode> | undefined): NameRef | undefined {
    if (!ref || !ref.$refText) {
        return undefined;
    }
    return new EntryName(ref.$refText, ref.ref !== undefined, ref);
}

/**
 * What each principal a journal names stands for (its kind, name and
 * parties; a body's parties are those seated on it, through member bodies
 * too), worked out once per principal and shared by every entry naming it:
 * a journal names the same few bodies, roles and parties in thousands of
 * entries.
 */
type SeatedParties = Map<ast.Principal, Pick<PrincipalRef, 'kind' | 'name' | 'parties'>>;

/** A principal written in an entry. */
function principalRef(ref: Reference<ast.Principal>, seated: SeatedParties): PrincipalRef {
    const target = ref.ref;
    if (!target) {
        return new EntryPrincipal(ref.$refText, undefined, ref.$refText, [], ref);
    }
    let principal = seated.get(target);
    if (principal === undefined) {
        principal = ast.isBody(target)
            ? { kind: 'body', name: target.name, parties: seatedParties(target) }
            : ast.isRole(target)
                ? { kind: 'role', name: `${target.$container.name}.${target.name}`, parties: [target.$container.name] }
                : { kind: 'party', name: target.name, parties: [target.name] };
        seated.set(target, principal);
    }
    return new EntryPrincipal(ref.$refText, principal.kind, principal.name, principal.parties, ref);
}

function seatedParties(body: ast.Body): string[] {
    const parties = new Set<string>();
    const seen = new Set<ast.Body>();
    const stack = [body];
    while (stack.length) {
        const current = stack.pop()!;
        if (seen.has(current)) continue;
        seen.add(current);
        for (const member of current.members) {
            const target = member.ref;
            if (ast.isBody(target)) stack.push(target);
            else if (ast.isRole(target)) parties.add(target.$container.name);
            else if (ast.isParty(target)) parties.add(target.name);
        }
    }
    return [...parties].sort();
}

/** Entry dates that match YYYY-MM-DD but are not of the calendar. */
export function journalDateProblems(journal: ast.Journal): SyntaxProblem[] {
    const problems: SyntaxProblem[] = [];
    for (let index = 0; index < journal.entries.length; index++) {
        const entry = journal.entries[index];
        if (entry.date !== undefined && !isRealDate(entry.date)) {
            const cst = nodeForProperty(entry.$cstNode, 'date');
            problems.push(notADateProblem(entry.date, cst?.range ?? entry.$cstNode?.range ?? EMPTY_RANGE));
        }
    }
    return problems;
}

/** What a half-written journal leaves out: findings of the `syntax` rule (the text cannot mean anything yet), never a crash. */
export function journalProblems(journal: JournalModel): SyntaxProblem[] {
    const problems: SyntaxProblem[] = [];
    if (!journal.charterText) {
        problems.push({ message: `Journal ${journal.name || '(unnamed)'} names no charter: write \`for\` and the charter's name.`, range: journal.source.nameRange });
    }
    for (const entry of journal.unfinished) {
        problems.push(unfinishedProblem(entry));
    }
    const missing = (entry: JournalEntry, what: string) => problems.push({ message: `This ${entry.kind} entry names no ${what}.`, range: entry.range });
    for (let index = 0; index < journal.entries.length; index++) {
        const entry = journal.entries[index];
        switch (entry.kind) {
            case 'met': if (!entry.body) missing(entry, 'body'); break;
            case 'delivered': case 'missed': if (!entry.commitment) missing(entry, 'commitment'); break;
            case 'measured':
                if (!entry.metric) missing(entry, 'metric');
                else if (entry.value === undefined && !cutBySeparator(syntaxOf(entry)?.$cstNode)) missing(entry, 'value');
                break;
            case 'decided': if (!entry.decision) missing(entry, 'decision'); break;
            case 'raised':
                if (!entry.issue) missing(entry, 'issue (a new name for the dispute)');
                else if (!entry.escalation) missing(entry, 'escalation (`via` and the escalation\'s name)');
                break;
            case 'escalated': case 'resolved': if (!entry.issue) missing(entry, 'issue'); break;
            case 'assessed': {
                if (!entry.party) {
                    missing(entry, 'party (`by` and the party\'s name)');
                    break;
                }
                const written = syntaxOf(entry);
                const scoresWritten = ast.isAssessed(written) ? written.scores.length : Object.keys(entry.scores).length;
                if (scoresWritten === 0) missing(entry, 'scores (`{ trust 4 commitment 4 coordination 3 communication 4 }`)');
                else if (ast.isAssessed(written)) problems.push(...assessmentProblems(entry, written));
                break;
            }
        }
    }
    return problems;
}

/** The kinds of entry, as written after the date. */
export const ENTRY_KINDS = ['met', 'delivered', 'missed', 'measured', 'decided', 'raised', 'escalated', 'resolved', 'reviewed', 'assessed', 'note'] as const;

/** What an entry cut short is missing: its kind, with the kinds a word may mean (`deliv` → `delivered`), each a quick fix. */
function unfinishedProblem(entry: UnfinishedEntry): SyntaxProblem {
    const { word, wordRange } = entry;
    const kinds = `${ENTRY_KINDS.slice(0, -1).join(', ')} or ${ENTRY_KINDS.at(-1)}`;
    if (word === undefined) {
        return { message: `This entry has a date and nothing else: write what happened after it (${kinds}).`, range: entry.range };
    }
    // The kinds the word begins (`de` → delivered, decided), else the nearest if the word is long enough to say.
    const begun = ENTRY_KINDS.filter(kind => kind.startsWith(word));
    const nearest = begun.length > 0 ? begun : word.length >= 3 ? [closest(word, [...ENTRY_KINDS])].filter(kind => kind !== undefined) : [];
    const guess = nearest.length > 0 ? ` (did you mean ${nearest.map(kind => `\`${kind}\``).join(' or ')}?)` : '';
    const range = wordRange ?? entry.range;
    return {
        message: `\`${word}\` is no kind of entry${guess}: an entry is ${kinds}.`,
        range,
        replacements: nearest.map(kind => ({ title: `Change \`${word}\` to \`${kind}\``, range, newText: kind }))
    };
}
