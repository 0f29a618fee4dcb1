import type { CharterModel, Range, SourceRef } from '../../model/types.js';
import type { Fix, FixContext, SourceText, TextEdit } from '../rule.js';

/**
 * Edits shared by the rules' quick fixes: each writes in the charter's own
 * layout, so a fixed charter reads as if written by hand.
 */

/** The data of a finding about one element of a charter (a commitment, a decision, a metric, an escalation, a body). */
export type ElementData = { charter: string; kind: string; name: string };

const CLAUSE_INDENT = '    ';

/**
 * Inserts a clause into an element: before its closing brace, on a line of
 * its own when the block spans lines, inline when it is written on one line
 * with clauses in it, or as a new block when the element has none or an
 * empty one. An element written on a line of its own (as `entente fmt` lays
 * charters out) gets its new or empty block opened onto lines, and a clause
 * with a block of its own (`exit { notice 90 days }`) is laid out on lines
 * where it stands on one: the fixed charter stays in `fmt`'s layout.
 */
export function insertClause(text: SourceText, source: SourceRef, clause: string): TextEdit {
    const content = text.getText();
    const start = text.offsetAt(source.range.start);
    const lineStart = content.lastIndexOf('\n', start - 1) + 1;
    const indent = /^[ \t]*/.exec(content.slice(lineStart))![0];
    const ownLine = content.slice(lineStart, start).trim() === '';
    const onLines = (blockIndent: string) => `{\n${blockIndent}${CLAUSE_INDENT}${clauseOnLines(clause, blockIndent + CLAUSE_INDENT)}\n${blockIndent}}`;
    if (source.blockEndOffset === undefined) {
        const end = source.range.end;
        return { range: { start: end, end }, newText: ownLine ? ` ${onLines(indent)}` : ` { ${clause} }` };
    }
    const braceOffset = source.blockEndOffset;
    const openOffset = content.lastIndexOf('{', braceOffset - 1);
    if (ownLine && openOffset >= start && content.slice(openOffset + 1, braceOffset).trim() === '') {
        // An empty block, `{}` or `{ }`: opened onto lines.
        return { range: { start: text.positionAt(openOffset), end: text.positionAt(braceOffset + 1) }, newText: onLines(indent) };
    }
    const braceLineStart = content.lastIndexOf('\n', braceOffset - 1) + 1;
    if (braceLineStart > start && content.slice(braceLineStart, braceOffset).trim() === '') {
        const position = text.positionAt(braceLineStart);
        // fmt sets a charter's blocks apart by blank lines: before a clause with a block, and after the block the line before ends.
        const previousLine = content.slice(content.lastIndexOf('\n', braceLineStart - 2) + 1, braceLineStart - 1).trim();
        const apart = previousLine !== '' && !previousLine.endsWith('{') && (clause.includes('{') || previousLine === '}') ? '\n' : '';
        return { range: { start: position, end: position }, newText: `${apart}${indent}${CLAUSE_INDENT}${clauseOnLines(clause, indent + CLAUSE_INDENT)}\n` };
    }
    const position = text.positionAt(braceOffset);
    const before = content[braceOffset - 1];
    return { range: { start: position, end: position }, newText: `${before === ' ' || before === '{' ? (before === '{' ? ' ' : '') : ' '}${clause} ` };
}

/** A clause with a block of its own (`exit { notice 90 days }`) laid out on lines at the indentation it stands at. */
function clauseOnLines(clause: string, indent: string): string {
    const block = /^([^{]*?)\s*\{\s*(.*?)\s*\}$/.exec(clause);
    return block ? `${block[1]} {\n${indent}${CLAUSE_INDENT}${block[2]}\n${indent}}` : clause;
}

/**
 * Adds names to a list clause (`members`, `informs`, `parties`): after its
 * last name when the element has the clause, else as a new clause.
 */
export function extendList(text: SourceText, source: SourceRef, listed: ReadonlyArray<{ range: Range }>, keyword: string, added: readonly string[]): TextEdit {
    const last = listed[listed.length - 1];
    return last
        ? { range: { start: last.range.end, end: last.range.end }, newText: `, ${added.join(', ')}` }
        : insertClause(text, source, `${keyword} ${added.join(', ')}`);
}

/** The one fix that adds a clause to an element. */
export function clauseFix(text: SourceText, source: SourceRef, clause: string, title: string): Fix {
    return { title, edits: [insertClause(text, source, clause)], preferred: true };
}

/** One fix for each choice (an owner, a beneficiary, an escalation), each adding its clause; the first is preferred. */
export function choiceFixes(text: SourceText, source: SourceRef, choices: readonly string[], clause: (choice: string) => string, title: string): Fix[] {
    return choices.map((choice, index) => ({ title: `${title} ${choice}`, edits: [insertClause(text, source, clause(choice))], preferred: index === 0 }));
}

/** Each party followed by its roles, as principals a clause can name. */
export function principalsOf(charter: CharterModel, parties: readonly string[]): string[] {
    return parties.flatMap(party => [party, ...(charter.partyInfo[party]?.roles.map(role => role.qualifiedName) ?? [])]);
}

/** The charter's parties that carry the least load (fewest decisions controlled, commitments owed), so a fix never tips the balance further. */
export function leastLoaded(charter: CharterModel, load: (party: string) => number): string[] {
    const loads = charter.parties.map(party => [party, load(party)] as const);
    const least = Math.min(...loads.map(([, n]) => n));
    return loads.filter(([, n]) => n === least).map(([party]) => party);
}

/**
 * Seats the parties a body lacks (one role each, enough to even the seats)
 * and, for a joint forum, a meeting cadence; with no body to seat them on, a
 * joint forum is a new joint committee of all parties.
 */
export function seatMissingParties(context: Pick<FixContext, 'charter' | 'text'>, bodyName: string | undefined, jointForum: boolean): Fix[] {
    const { charter, text } = context;
    if (!charter) {
        return [];
    }
    const body = charter.bodies.find(candidate => candidate.name === bodyName);
    if (!body) {
        if (!jointForum || charter.parties.length < 2) {
            return [];
        }
        const members = charter.parties.map(party => seatsFor(charter, party, 1, new Set())[0]).join(', ');
        return [clauseFix(text, charter.source, `body JointCommittee "Joint committee" { members ${members} votes by consensus chair rotates yearly meets quarterly }`,
            'Add a joint committee of all parties')];
    }
    const most = Math.max(...charter.parties.map(party => body.seatsByParty[party] ?? 0), 1);
    const taken = new Set(body.members.map(member => member.name));
    const added = charter.parties.flatMap(party => seatsFor(charter, party, most - (body.seatsByParty[party] ?? 0), taken));
    const edits: TextEdit[] = [];
    if (added.length > 0) {
        edits.push(extendList(text, body.source, body.members, 'members', added));
    }
    const addMeets = jointForum && !body.meets;
    if (addMeets) {
        edits.push(insertClause(text, body.source, 'meets quarterly'));
    }
    if (edits.length === 0) {
        return [];
    }
    const title = added.length ? `Seat ${added.join(', ')} on ${body.name}${addMeets ? ' and meet quarterly' : ''}` : `${body.name} meets quarterly`;
    return [{ title, edits, preferred: true }];
}

/** Up to `count` principals that give the party seats: its roles not yet seated, then the party itself. */
function seatsFor(charter: CharterModel, party: string, count: number, taken: ReadonlySet<string>): string[] {
    const roles = charter.partyInfo[party]?.roles.map(role => role.qualifiedName).filter(role => !taken.has(role)) ?? [];
    const seats = roles.slice(0, Math.max(count, 0));
    while (seats.length < count) {
        seats.push(party);
    }
    return seats;
}
