/**
 * Maps between the preview's drawn elements (`data-element` ids from
 * @entente/diagrams) and their source, from the model the server sent:
 * parties `Acme`, roles `Acme.Sponsor`, charter elements `AcmeGlobex.Budget`,
 * the charter itself `AcmeGlobex`. Pure (no `vscode` import).
 */
import type { CharterModel, PartyInfo, Position, Range, SourceRef } from '@entente/language';
import type { PreviewRequest } from '@entente/language/protocol';

/** Where an element's source is: select `selection`, reveal `range`. */
export interface ElementLocation {
    uri: string;
    /** The element's name (the smallest span that shows it). */
    selection: Range;
    /** The element's whole span. */
    range: Range;
}

interface NamedSource {
    id: string;
    source?: SourceRef;
}

function charterElements(charter: CharterModel): NamedSource[] {
    const elements = [
        ...charter.objectives, ...charter.bodies, ...charter.decisions,
        ...charter.escalations, ...charter.commitments, ...charter.metrics
    ];
    return elements.map(element => ({ id: `${charter.name}.${element.name}`, source: element.source }));
}

function partyElements(party: PartyInfo): NamedSource[] {
    return [
        { id: party.name, source: party.source },
        ...party.roles.map(role => ({ id: role.qualifiedName, source: role.source }))
    ];
}

/** The entries of a charter's journals, as the journal views name them (`Journal:line`); an entry's whole line is its name. */
function journalEntries(charter: PreviewRequest.Result['charters'][number]): NamedSource[] {
    return (charter.journal?.entries ?? []).map(entry => ({
        id: `${entry.journal}:${entry.line}`,
        source: { uri: entry.uri, range: entry.range, nameRange: entry.range }
    }));
}

/** Every element of a preview result with its source, charters' own elements first. */
function allElements(preview: PreviewRequest.Result): NamedSource[] {
    const parties = new Map<string, PartyInfo>();
    for (const party of preview.parties) {
        parties.set(party.name, party);
    }
    for (const charter of preview.charters) {
        for (const party of Object.values(charter.model.partyInfo)) {
            if (!parties.has(party.name)) {
                parties.set(party.name, party);
            }
        }
    }
    return [
        ...preview.charters.flatMap(charter => [...charterElements(charter.model), { id: charter.model.name, source: charter.model.source }, ...journalEntries(charter)]),
        ...[...parties.values()].flatMap(partyElements)
    ];
}

/** The source of a drawn element, or undefined when the model does not know it. */
export function locateElement(preview: PreviewRequest.Result, element: string): ElementLocation | undefined {
    const found = allElements(preview).find(candidate => candidate.id === element && candidate.source);
    if (!found?.source) {
        return undefined;
    }
    return { uri: found.source.uri, selection: found.source.nameRange, range: found.source.range };
}

function before(a: Position, b: Position): boolean {
    return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(range: Range, position: Position): boolean {
    return before(range.start, position) && before(position, range.end);
}

function size(range: Range): number {
    return (range.end.line - range.start.line) * 1_000_000 + (range.end.character - range.start.character);
}

/** The innermost element of the document whose source contains a position (the one the preview highlights). */
export function elementAt(preview: PreviewRequest.Result, uri: string, position: Position): string | undefined {
    let best: NamedSource | undefined;
    for (const candidate of allElements(preview)) {
        const source = candidate.source;
        if (source && source.uri === uri && contains(source.range, position) && (!best || size(source.range) < size(best.source!.range))) {
            best = candidate;
        }
    }
    return best?.id;
}

/** The charter of the document that contains a position, else the first one. */
export function charterAt(preview: PreviewRequest.Result, position?: Position): string | undefined {
    const containing = position && preview.charters.find(charter => charter.model.source.uri === preview.uri && contains(charter.model.source.range, position));
    return (containing ?? preview.charters[0])?.model.name;
}
