import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { CharterServices } from '../charter-module.js';
import type { CharterModelBuilder } from '../model/model-builder.js';
import type { BodyModel, CharterModel, Range, SourceRef } from '../model/types.js';
import { listText } from '../wording.js';

/** What a fix needs to know about the diagnostic it answers. */
interface FixContext {
    document: LangiumDocument;
    diagnostic: Diagnostic;
    charter: CharterModel;
    data: Record<string, unknown>;
}

type Fixer = (context: FixContext) => CodeAction[];

const CLAUSE_INDENT = '    ';

/**
 * Quick fixes wherever the fix is mechanical: the missing clause is added
 * to the element the finding is about, in the charter's own layout. Each
 * fix leaves a charter that parses and no longer has that finding.
 */
export class CharterCodeActionProvider implements CodeActionProvider {
    protected readonly modelBuilder: CharterModelBuilder;
    protected readonly fixers: Record<string, Fixer> = {
        // Owners and deciders are offered from the parties that owe or control the fewest, so a fix never tips the balance further.
        'unowned-commitment': context => this.forEachPrincipal(context, 'commitments', principal => `owner ${principal}`, 'Add owner',
            leastLoaded(context.charter, party => context.charter.commitments.filter(c => c.ownerParties.includes(party)).length)),
        'undecided-decision': context => this.forEachPrincipal(context, 'decisions', principal => `decided by ${principal}`, 'Add decided by',
            leastLoaded(context.charter, party => context.charter.decisions.filter(d => d.controllingParties.includes(party)).length)),
        'unowned-metric': context => this.forEachPrincipal(context, 'metrics', principal => `owner ${principal}`, 'Add owner', context.charter.parties),
        'commitment-without-beneficiary': context => this.forEachParty(context, 'commitments', party => `to ${party}`, 'Owe it to'),
        'unresolved-escalation': context => this.addClause(context, 'escalations', 'finally mediation', 'Add finally mediation'),
        'untimed-escalation-level': context => this.timeBoxLevel(context),
        'deadlock-risk': context => this.escalateDecision(context),
        'uninformed-party': context => this.informParties(context),
        'unbalanced-body': context => this.seatMissingParties(context, false),
        'empty-body': context => this.seatMissingParties(context, false),
        'no-joint-forum': context => this.seatMissingParties(context, true),
        'no-review': context => this.addCharterClause(context, 'review every 12 months', 'Add review every 12 months'),
        'missing-exit-terms': context => this.addCharterClause(context, 'exit { notice 90 days }', 'Add exit { notice 90 days }'),
        'outsider-reference': context => this.fixOutsider(context)
    };

    /** Fixes of journal findings: they edit the entry itself, which stands in the journal's file. */
    protected readonly journalFixers: Record<string, (document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>) => CodeAction[]> = {
        'future-entry': (document, diagnostic, data) => typeof data.today === 'string'
            ? [this.journalAction(document, diagnostic, `Change the date to today (${data.today})`, [{ range: diagnostic.range, newText: data.today }])]
            : [],
        'decided-without-right': (document, diagnostic, data) => Array.isArray(data.deciders) && data.deciders.length > 0
            ? [this.journalAction(document, diagnostic, `Record it as decided by ${data.deciders.join(', ')}`, [{ range: diagnostic.range, newText: data.deciders.join(', ') }])]
            : []
    };

    protected journalAction(document: LangiumDocument, diagnostic: Diagnostic, title: string, edits: TextEdit[]): CodeAction {
        return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri.toString()]: edits } } };
    }

    constructor(services: CharterServices) {
        this.modelBuilder = services.charter.ModelBuilder;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const model = this.modelBuilder.getModel(document);
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ?? {}) as Record<string, unknown>;
            const fixer = typeof data.ruleId === 'string' ? this.fixers[data.ruleId] : undefined;
            const charterName = typeof data.charter === 'string' ? data.charter : typeof data.element === 'string' ? data.element.split('.')[0] : undefined;
            const charter = model.charters.find(candidate => candidate.name === charterName);
            if (fixer && charter) {
                actions.push(...fixer({ document, diagnostic, charter, data }));
            } else if (typeof data.ruleId === 'string' && this.journalFixers[data.ruleId]) {
                actions.push(...this.journalFixers[data.ruleId](document, diagnostic, data));
            }
        }
        return actions;
    }

    /** The element of the charter a finding names, in one of its lists. */
    protected elementOf<K extends 'commitments' | 'decisions' | 'metrics' | 'escalations' | 'bodies'>(context: FixContext, list: K): CharterModel[K][number] | undefined {
        const name = typeof context.data.name === 'string' ? context.data.name
            : typeof context.data.element === 'string' ? context.data.element.split('.')[1] : undefined;
        return (context.charter[list] as Array<CharterModel[K][number]>).find(element => element.name === name);
    }

    protected forEachPrincipal(context: FixContext, list: 'commitments' | 'decisions' | 'metrics', clause: (principal: string) => string, title: string, parties: string[]): CodeAction[] {
        const element = this.elementOf(context, list);
        if (!element) {
            return [];
        }
        const principals = parties.flatMap(party => [party, ...(context.charter.partyInfo[party]?.roles.map(role => role.qualifiedName) ?? [])]);
        return principals.map((principal, index) => this.action(context, `${title} ${principal}`, [this.insertClause(context.document, element.source, clause(principal))], index === 0));
    }

    protected forEachParty(context: FixContext, list: 'commitments', clause: (party: string) => string, title: string): CodeAction[] {
        const element = this.elementOf(context, list);
        if (!element) {
            return [];
        }
        const owners = new Set(element.ownerParties);
        const parties = [...context.charter.parties].sort((a, b) => Number(owners.has(a)) - Number(owners.has(b)));
        return parties.map((party, index) => this.action(context, `${title} ${party}`, [this.insertClause(context.document, element.source, clause(party))], index === 0));
    }

    protected addClause(context: FixContext, list: 'escalations', clause: string, title: string): CodeAction[] {
        const element = this.elementOf(context, list);
        return element ? [this.action(context, title, [this.insertClause(context.document, element.source, clause)], true)] : [];
    }

    protected timeBoxLevel(context: FixContext): CodeAction[] {
        const levelEnd = context.data.levelEnd as Range['end'] | undefined;
        return levelEnd ? [this.action(context, 'Add within 14 days', [{ range: { start: levelEnd, end: levelEnd }, newText: ' within 14 days' }], true)] : [];
    }

    protected escalateDecision(context: FixContext): CodeAction[] {
        const decision = this.elementOf(context, 'decisions');
        if (!decision || decision.hasEscalatesClause) {
            return [];
        }
        return context.charter.escalations.map((escalation, index) =>
            this.action(context, `Add escalates to ${escalation.name}`, [this.insertClause(context.document, decision.source, `escalates to ${escalation.name}`)], index === 0));
    }

    protected informParties(context: FixContext): CodeAction[] {
        const decision = this.elementOf(context, 'decisions');
        const missing = (context.data.missingParties as string[] | undefined) ?? [];
        if (!decision || missing.length === 0) {
            return [];
        }
        const last = decision.informed[decision.informed.length - 1];
        const edit = last
            ? { range: { start: last.range.end, end: last.range.end }, newText: `, ${missing.join(', ')}` }
            : this.insertClause(context.document, decision.source, `informs ${missing.join(', ')}`);
        return [this.action(context, `Inform ${listText(missing)}`, [edit], true)];
    }

    /** Seats the parties a body lacks (one role each, enough to even the seats) and, for a joint forum, a meeting cadence. */
    protected seatMissingParties(context: FixContext, jointForum: boolean): CodeAction[] {
        const { charter, document } = context;
        const bodyName = typeof context.data.body === 'string' ? context.data.body : typeof context.data.name === 'string' ? context.data.name : undefined;
        const body = charter.bodies.find(candidate => candidate.name === bodyName);
        if (!body) {
            if (!jointForum || charter.parties.length < 2) {
                return [];
            }
            const members = charter.parties.map(party => this.seatsFor(charter, party, 1, new Set())[0]).join(', ');
            const text = `body JointCommittee "Joint committee" { members ${members} votes by consensus chair rotates yearly meets quarterly }`;
            return [this.action(context, 'Add a joint committee of all parties', [this.insertClause(document, charter.source, text)], true)];
        }
        const most = Math.max(...charter.parties.map(party => body.seatsByParty[party] ?? 0), 1);
        const taken = new Set(body.members.map(member => member.name));
        const added = charter.parties.flatMap(party => this.seatsFor(charter, party, most - (body.seatsByParty[party] ?? 0), taken));
        const edits: TextEdit[] = [];
        if (added.length > 0) {
            edits.push(this.addMembers(document, body, added));
        }
        if (jointForum && !body.meets) {
            edits.push(this.insertClause(document, body.source, 'meets quarterly'));
        }
        if (edits.length === 0) {
            return [];
        }
        const title = added.length ? `Seat ${added.join(', ')} on ${body.name}${jointForum && !body.meets ? ' and meet quarterly' : ''}` : `${body.name} meets quarterly`;
        return [this.action(context, title, edits, true)];
    }

    /** Up to `count` principals that give the party seats: its roles not yet seated, then the party itself. */
    protected seatsFor(charter: CharterModel, party: string, count: number, taken: Set<string>): string[] {
        const roles = charter.partyInfo[party]?.roles.map(role => role.qualifiedName).filter(role => !taken.has(role)) ?? [];
        const seats = roles.slice(0, Math.max(count, 0));
        while (seats.length < count) {
            seats.push(party);
        }
        return seats;
    }

    protected addMembers(document: LangiumDocument, body: BodyModel, added: string[]): TextEdit {
        const last = body.members[body.members.length - 1];
        if (last) {
            return { range: { start: last.range.end, end: last.range.end }, newText: `, ${added.join(', ')}` };
        }
        return this.insertClause(document, body.source, `members ${added.join(', ')}`);
    }

    /**
     * A party (or role of a party) the charter does not list: list the party in
     * `parties`, or name one of the charter's own principals instead (for a role,
     * the listed parties' roles of the same name first).
     */
    protected fixOutsider(context: FixContext): CodeAction[] {
        const { charter, document, diagnostic } = context;
        const party = typeof context.data.party === 'string' ? context.data.party : undefined;
        if (!party) {
            return [];
        }
        const written = document.textDocument.getText(diagnostic.range);
        const actions: CodeAction[] = [];
        const lastParty = charter.partyRefs[charter.partyRefs.length - 1];
        const addEdit: TextEdit = lastParty
            ? { range: { start: lastParty.range.end, end: lastParty.range.end }, newText: `, ${party}` }
            : this.insertClause(document, charter.source, `parties ${party}`);
        actions.push(this.action(context, `Add ${party} to \`parties\``, [addEdit], true));
        const role = written.includes('.') ? written.slice(written.indexOf('.') + 1).trim() : undefined;
        const replacements = role === undefined
            ? charter.parties
            : charter.parties.flatMap(listed => charter.partyInfo[listed]?.roles.map(candidate => candidate.qualifiedName) ?? [])
                .sort((a, b) => Number(b.endsWith(`.${role}`)) - Number(a.endsWith(`.${role}`)));
        for (const replacement of replacements.slice(0, 8)) {
            actions.push(this.action(context, `Replace ${written} with ${replacement}`, [{ range: diagnostic.range, newText: replacement }], false));
        }
        return actions;
    }

    protected addCharterClause(context: FixContext, clause: string, title: string): CodeAction[] {
        return [this.action(context, title, [this.insertClause(context.document, context.charter.source, clause)], true)];
    }

    /**
     * Inserts a clause into an element: before its closing brace, on a line of
     * its own when the block spans lines, inline when it is written on one line,
     * or as a new block when the element has none.
     */
    protected insertClause(document: LangiumDocument, source: SourceRef, clause: string): TextEdit {
        const text = document.textDocument.getText();
        const start = document.textDocument.offsetAt(source.range.start);
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
        if (source.blockEndOffset === undefined) {
            const end = source.range.end;
            return { range: { start: end, end }, newText: ` { ${clause} }` };
        }
        const braceOffset = source.blockEndOffset;
        const braceLineStart = text.lastIndexOf('\n', braceOffset - 1) + 1;
        if (braceLineStart > start && text.slice(braceLineStart, braceOffset).trim() === '') {
            const position = document.textDocument.positionAt(braceLineStart);
            return { range: { start: position, end: position }, newText: `${indent}${CLAUSE_INDENT}${clause}\n` };
        }
        const position = document.textDocument.positionAt(braceOffset);
        const before = text[braceOffset - 1];
        return { range: { start: position, end: position }, newText: `${before === ' ' || before === '{' ? (before === '{' ? ' ' : '') : ' '}${clause} ` };
    }

    protected action(context: FixContext, title: string, edits: TextEdit[], isPreferred: boolean): CodeAction {
        return {
            title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [context.diagnostic],
            isPreferred,
            edit: { changes: { [context.document.uri.toString()]: edits } }
        };
    }
}

/** The charter's parties that carry the least load (fewest decisions controlled, commitments owed). */
function leastLoaded(charter: CharterModel, load: (party: string) => number): string[] {
    const loads = charter.parties.map(party => [party, load(party)] as const);
    const least = Math.min(...loads.map(([, n]) => n));
    return loads.filter(([, n]) => n === least).map(([party]) => party);
}
