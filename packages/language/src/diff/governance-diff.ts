import { compareText } from '../util/compare-text.js';
import { DIMENSION_IDS, type CharterHealth, type DimensionId } from '../health/types.js';
import type { CharterModel, PartyInfo } from '../model/types.js';
import type { JournalEntry } from '../model/journal-types.js';
import type { Finding, Severity } from '../rules/rule.js';
import {
    bodyAttributes, charterAttributes, commitmentAttributes, decisionAttributes, escalationAttributes, metricAttributes, NameMap,
    objectiveAttributes, partyAttributes, roleAttributes, SAME_NAMES, type Attributes
} from './element-views.js';
import { sayShares } from '../health/say.js';
import { rangeWithin } from '../front-ends.js';
import { diffJournalEntries, entriesFor } from './journal-diff.js';
import { listText } from '../wording.js';
import type {
    AttributeChange, CharterDiff, CheckDelta, SayDelta, DiffElementKind, DiffFinding, DiffSide, DiffSummary, ElementChange, FindingChanges, GovernanceDiff, HealthDelta,
    JournalWithoutCharter, ScoreDelta
} from './types.js';

interface CharterEntry {
    charter: CharterModel;
    health?: CharterHealth;
}

interface Named {
    name: string;
}

/** A charter's element kinds in the order renames are resolved: a kind only refers to kinds before it. */
const INNER_KINDS: ReadonlyArray<{
    kind: DiffElementKind;
    of(charter: CharterModel): Named[];
    attributes(element: Named, names: NameMap): Attributes;
}> = [
    { kind: 'objective', of: charter => charter.objectives, attributes: element => objectiveAttributes(element as CharterModel['objectives'][number]) },
    { kind: 'body', of: charter => charter.bodies, attributes: (element, names) => bodyAttributes(element as CharterModel['bodies'][number], names) },
    { kind: 'escalation', of: charter => charter.escalations, attributes: (element, names) => escalationAttributes(element as CharterModel['escalations'][number], names) },
    { kind: 'decision', of: charter => charter.decisions, attributes: (element, names) => decisionAttributes(element as CharterModel['decisions'][number], names) },
    { kind: 'commitment', of: charter => charter.commitments, attributes: (element, names) => commitmentAttributes(element as CharterModel['commitments'][number], names) },
    { kind: 'metric', of: charter => charter.metrics, attributes: (element, names) => metricAttributes(element as CharterModel['metrics'][number], names) }
];

/**
 * The semantic governance diff of two workspaces: pure over their models,
 * findings and health. Elements are matched by name within their container;
 * an element that disappeared and one that appeared in the same container
 * with otherwise identical content (references to renamed elements read by
 * their new names) is a rename. Layout and comments never show.
 */
export function diffGovernance(oldSide: DiffSide, newSide: DiffSide): GovernanceDiff {
    const names = new NameMap();
    const parties = diffParties(collectParties(oldSide), collectParties(newSide), names);
    // The charters the compared documents' journals are for: a context document brings only these.
    const journalled = new Set([oldSide, newSide].flatMap(side => side.documents.filter(document => !document.context)
        .flatMap(document => (document.model.journals ?? []).flatMap(journal => journal.charter ?? journal.charterText ?? []))));
    const oldCharters = collectCharters(oldSide, journalled);
    const newCharters = collectCharters(newSide, journalled);
    const charterPairs = pairCharters(oldCharters, newCharters, names);
    const oldFindings = byOwner(oldSide);
    const newFindings = byOwner(newSide);
    const claimedOld = new Set<string>();
    const claimedNew = new Set<string>();
    const charters: CharterDiff[] = charterPairs.map(([before, after]) => {
        const charterNames = names.forCharter();
        const changes = before && after ? diffCharterElements(before.charter, after.charter, charterNames)
            : before ? wholeCharter(before.charter, 'removed', names) : wholeCharter(after!.charter, 'added', SAME_NAMES);
        const ofCharter = (findings: Map<string, Finding[]>, name: string, claimed: Set<string>) => {
            claimed.add(name);
            return findings.get(name) ?? [];
        };
        // A side's findings under the charter's name there; and, where the charter is absent or named otherwise, those
        // under its name on the other side: a journal left `for` that name (its unresolved `for`) is about this charter.
        const owned = (findings: Map<string, Finding[]>, claimed: Set<string>, own: CharterEntry | undefined, other: CharterEntry | undefined) => [
            ...(own ? ofCharter(findings, own.charter.name, claimed) : []),
            ...(other && other.charter.name !== own?.charter.name ? ofCharter(findings, other.charter.name, claimed) : [])
        ];
        const oldOwn = owned(oldFindings, claimedOld, before, after);
        const newOwn = owned(newFindings, claimedNew, after, before);
        const renameElement = (element: string | undefined) => {
            if (!element || !before || !after) {
                return element;
            }
            const rest = element.slice(before.charter.name.length + 1);
            return rest ? `${after.charter.name}.${charterNames.element(rest)}` : after.charter.name;
        };
        const charterChanges = before && after ? attributeChanges(charterAttributes(before.charter, names), charterAttributes(after.charter, SAME_NAMES)) : [];
        const renamed = !!before && !!after && before.charter.name !== after.charter.name;
        const ownChange: ElementChange[] = charterChanges.length
            ? [{ change: 'changed', element: 'charter', name: after!.charter.name, ...(renamed ? { oldName: before!.charter.name } : {}), attributes: charterChanges }]
            : [];
        const allChanges = [...ownChange, ...changes];
        const journal = diffJournalEntries(entriesOf(oldSide, before, after), entriesOf(newSide, after, before), before && after ? charterNames : SAME_NAMES, attributeChanges);
        const change: CharterDiff['change'] = !before ? 'added' : !after ? 'removed' : renamed ? 'renamed' : allChanges.length || journal.length ? 'changed' : 'unchanged';
        return {
            name: (after ?? before)!.charter.name,
            ...(renamed ? { oldName: before!.charter.name } : {}),
            change,
            ...(before ? { oldUri: before.charter.uri } : {}),
            ...(after ? { newUri: after.charter.uri } : {}),
            changes: allChanges,
            findings: notResolvedByUnlinking(matchFindings(oldOwn, newOwn, renameElement), oldSide, newSide, before),
            health: healthDelta(before?.health, after?.health),
            say: sayDelta(before?.charter, after?.charter, charterNames),
            regressions: before && after ? regressionsOf(before.charter, after.charter, charterNames) : [],
            journal
        };
    });
    // Findings about no compared charter, but those of context documents (loaded only for the journals' charters).
    const unclaimed = (findings: Map<string, Finding[]>, claimed: Set<string>, side: DiffSide) => {
        const context = new Set(side.documents.filter(document => document.context).map(document => document.uri));
        return [...findings].flatMap(([owner, owned]) => (claimed.has(owner) ? [] : owned.filter(finding => !context.has(finding.uri))));
    };
    const findings = matchFindings(
        unclaimed(oldFindings, claimedOld, oldSide),
        unclaimed(newFindings, claimedNew, newSide),
        element => (element === undefined ? undefined : names.role(element))
    );
    return { parties, charters, findings, journalsWithoutCharter: journalsWithoutCharter(oldSide, newSide), summary: summarise(parties, charters, findings) };
}

/**
 * The entries of a charter's journals on one side; and, when the charter is
 * absent from that side or named otherwise there, of the journals left `for`
 * its name on the other side, which resolve to nothing (a charter removed or
 * renamed while its journal stays as it was): those entries are still
 * written, not removed, and the diff compares them as such. The broken `for`
 * is the side's `unresolved-reference` finding and its
 * `journalsWithoutCharter` line.
 */
function entriesOf(side: DiffSide, own: CharterEntry | undefined, other: CharterEntry | undefined): JournalEntry[] {
    const entries = own ? entriesFor(side.documents, own.charter.name) : [];
    const left = other?.charter.name;
    if (left === undefined || left === own?.charter.name) {
        return entries;
    }
    return [...entries, ...side.documents.flatMap(document => (document.model.journals ?? [])
        .filter(journal => journal.charter === undefined && journal.charterText === left)
        .flatMap(journal => journal.entries))];
}

/**
 * The findings "resolved" only because the journal they stand in is still
 * there on the new side but left `for` the charter's old name (a charter
 * removed or renamed), so nothing checks its entries: they are not resolved,
 * and are left out of `resolved`. The journal's broken `for` (a new
 * `unresolved-reference`, saying its entries are not checked) and its
 * `journalsWithoutCharter` line tell the reviewer so.
 */
function notResolvedByUnlinking(findings: FindingChanges, oldSide: DiffSide, newSide: DiffSide, before: CharterEntry | undefined): FindingChanges {
    const unlinked = new Set(before === undefined ? [] : newSide.documents.flatMap(document => (document.model.journals ?? [])
        .filter(journal => journal.charter === undefined && journal.charterText === before.charter.name).map(journal => journal.name)));
    if (unlinked.size === 0) {
        return findings;
    }
    const inUnlinked = (finding: DiffFinding) => oldSide.documents.some(document => document.uri === finding.uri && (document.model.journals ?? [])
        .some(journal => unlinked.has(journal.name) && journal.source.range.start.line <= finding.line && finding.line <= journal.source.range.end.line));
    return { introduced: findings.introduced, resolved: findings.resolved.filter(finding => !inUnlinked(finding)) };
}

/** The compared documents' journals whose `for` resolves to no charter of their side, each once (by journal name and charter). */
function journalsWithoutCharter(oldSide: DiffSide, newSide: DiffSide): JournalWithoutCharter[] {
    const found = new Map<string, JournalWithoutCharter>();
    for (const [side, key] of [[oldSide, 'oldUri'], [newSide, 'newUri']] as const) {
        for (const document of side.documents.filter(each => !each.context)) {
            for (const journal of (document.model.journals ?? []).filter(each => each.charter === undefined && each.name)) {
                const id = `${journal.name}\u0000${journal.charterText ?? ''}`;
                const entry = found.get(id) ?? { journal: journal.name, charter: journal.charterText ?? null };
                entry[key] ??= document.uri;
                found.set(id, entry);
            }
        }
    }
    return [...found.values()].sort((a, b) => compareText(a.journal, b.journal) || compareText(a.charter ?? '', b.charter ?? ''));
}

/** Findings by the first part of their element (a charter's or a party's name), or by the charter a finding naming no element stands in (or whose journal); `''` for the rest. */
function byOwner(side: DiffSide): Map<string, Finding[]> {
    const owned = groupBy(side.documents.flatMap(document => {
        // The charter a finding naming no element stands in (`decided by Nobody`), or whose journal it stands in
        // (an entry naming what the charter renamed): it is about that charter, which the reviewer reads it under.
        const spans = [
            ...document.model.charters.map(charter => ({ owner: charter.name, range: charter.source.range })),
            ...(document.model.journals ?? []).flatMap(journal => {
                const owner = journal.charter ?? journal.charterText;
                return owner ? [{ owner, range: journal.source.range }] : [];
            })
        ];
        // A finding's element is `Charter` or `Charter.Element` (charter names hold no dot), or a party's name.
        return document.findings.map(finding => ({
            finding, owner: finding.element?.split('.')[0] ?? spans.find(span => rangeWithin(finding.range, span.range))?.owner ?? ''
        }));
    }), entry => entry.owner);
    return new Map([...owned].map(([owner, entries]) => [owner, entries.map(entry => entry.finding)]));
}

/** Items grouped by a key, in their order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T, index: number) => string): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    items.forEach((item, index) => {
        const key = keyOf(item, index);
        const group = groups.get(key);
        if (group) {
            group.push(item);
        } else {
            groups.set(key, [item]);
        }
    });
    return groups;
}

function collectParties(side: DiffSide): Map<string, PartyInfo> {
    const parties = new Map<string, PartyInfo>();
    for (const document of side.documents.filter(each => !each.context)) {
        for (const party of document.model.parties) {
            if (party.name && !parties.has(party.name)) {
                parties.set(party.name, party);
            }
        }
    }
    return parties;
}

/** The side's charters by name; a context document's only when a compared journal is for them. */
function collectCharters(side: DiffSide, journalled: ReadonlySet<string>): Map<string, CharterEntry> {
    const charters = new Map<string, CharterEntry>();
    for (const document of side.documents) {
        for (const charter of document.model.charters) {
            if (charter.name && !charters.has(charter.name) && (!document.context || journalled.has(charter.name))) {
                charters.set(charter.name, { charter, health: document.health.find(health => health.charter === charter.name) });
            }
        }
    }
    return charters;
}

/**
 * Pairs old and new elements: by name, then the leftovers whose signatures
 * (content without the name) are equal and unambiguous as renames.
 */
function pairByName<T>(
    olds: Map<string, T>,
    news: Map<string, T>,
    signature: (element: T, side: 'old' | 'new') => string
): { pairs: Array<[T, T]>; renames: Array<[T, T]>; removed: T[]; added: T[] } {
    const pairs: Array<[T, T]> = [];
    const leftOld: T[] = [];
    for (const [name, element] of olds) {
        const match = news.get(name);
        if (match !== undefined) {
            pairs.push([element, match]);
        } else {
            leftOld.push(element);
        }
    }
    const leftNew = [...news].filter(([name]) => !olds.has(name)).map(([, element]) => element);
    const oldSignatures = leftOld.map(element => signature(element, 'old'));
    const newSignatures = leftNew.map(element => signature(element, 'new'));
    const renames: Array<[T, T]> = [];
    const renamedOld = new Set<number>();
    const renamedNew = new Set<number>();
    // Positions of the elements by signature.
    const indexBySignature = (signatures: string[]) => groupBy(signatures.map((_, position) => position), position => signatures[position]);
    const newBySignature = indexBySignature(newSignatures);
    const oldBySignature = indexBySignature(oldSignatures);
    oldSignatures.forEach((oldSignature, oldIndex) => {
        const candidates = newBySignature.get(oldSignature) ?? [];
        const rivals = oldBySignature.get(oldSignature)?.length ?? 0;
        if (candidates.length === 1 && rivals === 1) {
            renames.push([leftOld[oldIndex], leftNew[candidates[0]]]);
            renamedOld.add(oldIndex);
            renamedNew.add(candidates[0]);
        }
    });
    return {
        pairs,
        renames,
        removed: leftOld.filter((_, index) => !renamedOld.has(index)),
        added: leftNew.filter((_, index) => !renamedNew.has(index))
    };
}

/** Elements by name; the first of a duplicated name wins, and a nameless one (half-written text) cannot be compared, so it is left out (its syntax finding shows). */
function byName<T extends Named>(elements: T[]): Map<string, T> {
    const map = new Map<string, T>();
    for (const element of elements) {
        if (element.name && !map.has(element.name)) {
            map.set(element.name, element);
        }
    }
    return map;
}

function written(attributes: Attributes, side: 'before' | 'after'): AttributeChange[] {
    return attributes.filter(([, value]) => value !== undefined).map(([attribute, value]) => ({ attribute, [side]: value }));
}

function attributeChanges(before: Attributes, after: Attributes): AttributeChange[] {
    const keys = [...new Set([...after.map(([key]) => key), ...before.map(([key]) => key)])];
    const oldValues = new Map(before);
    const newValues = new Map(after);
    return keys.flatMap(attribute => {
        const oldValue = oldValues.get(attribute);
        const newValue = newValues.get(attribute);
        if (oldValue === newValue) {
            return [];
        }
        return [{ attribute, ...(oldValue !== undefined ? { before: oldValue } : {}), ...(newValue !== undefined ? { after: newValue } : {}) }];
    });
}

function diffParties(olds: Map<string, PartyInfo>, news: Map<string, PartyInfo>, names: NameMap): ElementChange[] {
    const partySignature = (party: PartyInfo) => JSON.stringify([partyAttributes(party), party.roles.map(role => [role.name, roleAttributes(role)]).sort()]);
    const { pairs, renames, removed, added } = pairByName(olds, news, partySignature);
    for (const [before, after] of renames) {
        names.parties.set(before.name, after.name);
    }
    const changes: ElementChange[] = [
        ...removed.map(party => ({ change: 'removed' as const, element: 'party' as const, name: party.name, attributes: written(withRoles(party), 'before') })),
        ...added.map(party => ({ change: 'added' as const, element: 'party' as const, name: party.name, attributes: written(withRoles(party), 'after') })),
        ...renames.map(([before, after]) => ({ change: 'renamed' as const, element: 'party' as const, name: after.name, oldName: before.name, attributes: [] }))
    ];
    for (const [before, after] of pairs) {
        const attributes = attributeChanges(partyAttributes(before), partyAttributes(after));
        if (attributes.length) {
            changes.push({ change: 'changed', element: 'party', name: after.name, attributes });
        }
        const roles = pairByName(byName(before.roles), byName(after.roles), role => JSON.stringify(roleAttributes(role)));
        for (const [oldRole, newRole] of roles.renames) {
            names.roles.set(oldRole.qualifiedName, newRole.qualifiedName);
            changes.push({ change: 'renamed', element: 'role', name: newRole.qualifiedName, oldName: oldRole.qualifiedName, attributes: [] });
        }
        changes.push(
            ...roles.removed.map(role => ({ change: 'removed' as const, element: 'role' as const, name: role.qualifiedName, attributes: written(roleAttributes(role), 'before') })),
            ...roles.added.map(role => ({ change: 'added' as const, element: 'role' as const, name: role.qualifiedName, attributes: written(roleAttributes(role), 'after') }))
        );
        for (const [oldRole, newRole] of roles.pairs) {
            const roleChanges = attributeChanges(roleAttributes(oldRole), roleAttributes(newRole));
            if (roleChanges.length) {
                changes.push({ change: 'changed', element: 'role', name: newRole.qualifiedName, attributes: roleChanges });
            }
        }
    }
    return sortChanges(changes);
}

/** A party added or removed whole, with its roles (a kept party reports its roles one by one). */
function withRoles(party: PartyInfo): Attributes {
    return [...partyAttributes(party), ['roles', party.roles.length ? party.roles.map(role => role.name).sort().join(', ') : undefined]];
}

/** The whole content of a charter but its name, for rename detection. */
function charterSignature(charter: CharterModel, names: NameMap): string {
    return JSON.stringify([
        charterAttributes(charter, names),
        INNER_KINDS.map(({ kind, of, attributes }) => of(charter).map(element => [kind, element.name, attributes(element, names)]))
    ]);
}

function pairCharters(olds: Map<string, CharterEntry>, news: Map<string, CharterEntry>, names: NameMap): Array<[CharterEntry | undefined, CharterEntry | undefined]> {
    const { pairs, renames, removed, added } = pairByName(olds, news, (entry, side) => charterSignature(entry.charter, side === 'old' ? names : SAME_NAMES));
    const all: Array<[CharterEntry | undefined, CharterEntry | undefined]> = [
        ...pairs, ...renames, ...removed.map(entry => [entry, undefined] as [CharterEntry, undefined]), ...added.map(entry => [undefined, entry] as [undefined, CharterEntry])
    ];
    return all.sort(([a1, a2], [b1, b2]) => compareText((a2 ?? a1)!.charter.name, (b2 ?? b1)!.charter.name));
}

/** A charter added or removed whole: its clauses and every element, so a reviewer sees the governance it brings or takes away. */
function wholeCharter(charter: CharterModel, change: 'added' | 'removed', names: NameMap): ElementChange[] {
    const side = change === 'added' ? 'after' : 'before';
    return [
        { change, element: 'charter', name: charter.name, attributes: written(charterAttributes(charter, names), side) },
        ...sortChanges(INNER_KINDS.flatMap(({ kind, of, attributes }) => of(charter).filter(element => element.name).map(element => ({ change, element: kind, name: element.name, attributes: written(attributes(element, names), side) }))))
    ];
}

/** The changes of a charter's elements; fills `names.inner` with the renames it finds. */
function diffCharterElements(before: CharterModel, after: CharterModel, names: NameMap): ElementChange[] {
    const changes: ElementChange[] = [];
    for (const { kind, of, attributes } of INNER_KINDS) {
        const { pairs, renames, removed, added } = pairByName(byName(of(before)), byName(of(after)),
            (element, side) => JSON.stringify(attributes(element, side === 'old' ? names : SAME_NAMES)));
        for (const [oldElement, newElement] of renames) {
            names.inner.set(oldElement.name, newElement.name);
            changes.push({ change: 'renamed', element: kind, name: newElement.name, oldName: oldElement.name, attributes: [] });
        }
        changes.push(
            ...removed.map(element => ({ change: 'removed' as const, element: kind, name: element.name, attributes: written(attributes(element, names), 'before') })),
            ...added.map(element => ({ change: 'added' as const, element: kind, name: element.name, attributes: written(attributes(element, SAME_NAMES), 'after') }))
        );
        for (const [oldElement, newElement] of pairs) {
            const differences = attributeChanges(attributes(oldElement, names), attributes(newElement, SAME_NAMES));
            if (differences.length) {
                changes.push({ change: 'changed', element: kind, name: newElement.name, attributes: differences });
            }
        }
    }
    return sortChanges(changes);
}

const KIND_ORDER: DiffElementKind[] = ['charter', 'party', 'role', 'objective', 'body', 'decision', 'escalation', 'commitment', 'metric'];

function sortChanges(changes: ElementChange[]): ElementChange[] {
    return changes.sort((a, b) => KIND_ORDER.indexOf(a.element) - KIND_ORDER.indexOf(b.element) || a.name.localeCompare(b.name, 'en', { numeric: true }));
}

function toDiffFinding(finding: Finding): DiffFinding {
    return {
        ruleId: finding.ruleId,
        severity: finding.severity,
        ...(finding.element !== undefined ? { element: finding.element } : {}),
        message: finding.message,
        uri: finding.uri,
        line: finding.range.start.line
    };
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** Findings matched by rule and element (read with new names), never by line; the rest are introduced or resolved. */
function matchFindings(olds: Finding[], news: Finding[], renameElement: (element: string | undefined) => string | undefined): FindingChanges {
    const keyOf = (finding: Finding, element: string | undefined) => `${finding.ruleId}\u0000${element ?? `\u0000${finding.message}`}`;
    const waiting = new Map<string, Finding[]>();
    for (const finding of olds) {
        const key = keyOf(finding, renameElement(finding.element));
        const queue = waiting.get(key);
        if (queue) {
            queue.push(finding);
        } else {
            waiting.set(key, [finding]);
        }
    }
    const unmatched: Finding[] = [];
    for (const finding of news) {
        const queue = waiting.get(keyOf(finding, finding.element));
        if (queue?.length) {
            queue.shift();
        } else {
            unmatched.push(finding);
        }
    }
    // A finding that names the element as written (a journal entry naming a commitment the charter renamed) keeps its
    // old element on the new side: the same finding, word for word, is still there, not one resolved and one introduced.
    const same = (finding: Finding) => `${finding.ruleId}\u0000${finding.element ?? ''}\u0000${finding.message}`;
    const left = [...waiting.values()].flat();
    const introduced: DiffFinding[] = [];
    for (const finding of unmatched) {
        const at = left.findIndex(old => same(old) === same(finding));
        if (at >= 0) {
            left.splice(at, 1);
        } else {
            introduced.push(toDiffFinding(finding));
        }
    }
    const resolved = left.map(toDiffFinding);
    // Errors first: what a change broke heads the list a reviewer reads.
    const order = (a: DiffFinding, b: DiffFinding) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || compareText(a.ruleId, b.ruleId) || compareText(a.element ?? '', b.element ?? '') || compareText(a.message, b.message);
    return { introduced: introduced.sort(order), resolved: resolved.sort(order) };
}

function scoreDelta(before: number | null | undefined, after: number | null | undefined): ScoreDelta {
    // A score that is not a finite number (a scorer fault) reads as not measured rather than as a change.
    const oldScore = typeof before === 'number' && Number.isFinite(before) ? before : null;
    const newScore = typeof after === 'number' && Number.isFinite(after) ? after : null;
    return { before: oldScore, after: newScore, delta: oldScore !== null && newScore !== null ? newScore - oldScore : null };
}

function healthDelta(before: CharterHealth | undefined, after: CharterHealth | undefined): HealthDelta {
    const checks: CheckDelta[] = [];
    if (before && after) {
        for (const id of DIMENSION_IDS) {
            const olds = new Map(before.dimensions[id].checks.map(check => [check.id, check]));
            const news = new Map(after.dimensions[id].checks.map(check => [check.id, check]));
            for (const checkId of [...new Set([...olds.keys(), ...news.keys()])]) {
                const [was, now] = [olds.get(checkId), news.get(checkId)];
                if (was?.ratio !== now?.ratio) {
                    checks.push({ id: checkId, dimension: id, title: (now ?? was)!.title, before: was?.ratio ?? null, after: now?.ratio ?? null });
                }
            }
        }
    }
    return {
        overall: scoreDelta(before?.score, after?.score),
        dimensions: Object.fromEntries(DIMENSION_IDS.map(id => [id, scoreDelta(before?.dimensions[id].score, after?.dimensions[id].score)])) as Record<DimensionId, ScoreDelta>,
        execution: scoreDelta(before?.layers?.execution.score, after?.layers?.execution.score),
        perceived: scoreDelta(before?.layers?.perceived.score, after?.layers?.perceived.score),
        checks
    };
}

/** Each party's share of say before and after, for the parties whose whole-percent share moved. */
function sayDelta(before: CharterModel | undefined, after: CharterModel | undefined, names: NameMap): SayDelta[] {
    if (!before || !after) {
        return [];
    }
    const was = Object.fromEntries(Object.entries(sayShares(before)).map(([party, share]) => [names.party(party), share]));
    const now = sayShares(after);
    const parties = [...new Set([...Object.keys(now), ...Object.keys(was)])].sort(compareText);
    return parties
        .map(party => ({ party, before: was[party] ?? null, after: now[party] ?? null }))
        .filter(({ before: a, after: b }) => (a === null ? null : Math.round(a * 100)) !== (b === null ? null : Math.round(b * 100)));
}

/**
 * Changes that make a dispute path one-sided: read as regressions even when the escalation got faster
 * (a shorter worst case does not make up for a dispute one side settles).
 */
function regressionsOf(before: CharterModel, after: CharterModel, names: NameMap): string[] {
    const regressions: string[] = [];
    const afterByName = new Map(after.escalations.map(escalation => [escalation.name, escalation]));
    for (const old of before.escalations) {
        const now = afterByName.get(names.element(old.name));
        if (!now) {
            continue;
        }
        const faster = old.worstCaseDays !== undefined && now.worstCaseDays !== undefined && now.worstCaseDays < old.worstCaseDays
            ? ` (even though its worst case fell from ${old.worstCaseDays} to ${now.worstCaseDays} days)` : '';
        if (now.finalStep?.oneSided && !old.finalStep?.oneSided) {
            regressions.push(`escalation ${now.name}: the final say is now ${now.finalStep.parties[0]}'s alone${faster}`);
        }
        const oneSided = (levels: typeof now.levels) => levels.filter(level => level.parties.length === 1).length;
        if (oneSided(now.levels) > oneSided(old.levels)) {
            const levels = now.levels.filter(level => level.parties.length === 1).map(level => `level ${level.index + 1} (${level.parties[0]})`);
            regressions.push(`escalation ${now.name}: ${listText(levels)} now ${levels.length === 1 ? 'seats' : 'seat'} one party only${faster}`);
        }
    }
    return regressions;
}

/** The health layers a charter's score is read on (docs/journal.md, "Three layers of health"). */
export type HealthLayer = 'design' | 'execution' | 'perceived';
export const HEALTH_LAYERS: readonly HealthLayer[] = ['design', 'execution', 'perceived'];

/** A layer's move: the overall score for `design`. */
export function layerDelta(health: HealthDelta, layer: HealthLayer): ScoreDelta | undefined {
    return layer === 'design' ? health.overall : health[layer];
}

/**
 * The layers the charter was measured on before the change and is not after it, of these: its journal deleted,
 * or unlinked by a charter rename or a broken `for`. A charter removed has no layer on the new side at all:
 * that is its removal (`--fail-on-removed`), not a layer lost, so none is listed for it.
 */
export function unmeasuredOn(charter: CharterDiff, layers: readonly HealthLayer[]): HealthLayer[] {
    if (charter.change === 'removed') {
        return [];
    }
    return layers.filter(layer => {
        const delta = layerDelta(charter.health, layer);
        return delta !== undefined && delta.before !== null && delta.after === null;
    });
}

/**
 * Whether the charter's score went down on one of these layers: a lower score, or a layer measured before
 * the change and no longer measured after it (`unmeasuredOn`), which a gate must not pass as no drop.
 */
export function droppedOn(charter: CharterDiff, layers: readonly HealthLayer[]): boolean {
    return layers.some(layer => (layerDelta(charter.health, layer)?.delta ?? 0) < 0) || unmeasuredOn(charter, layers).length > 0;
}

function summarise(parties: ElementChange[], charters: CharterDiff[], findings: FindingChanges): DiffSummary {
    const count = (change: CharterDiff['change']) => charters.filter(charter => charter.change === change).length;
    const journalChanges = charters.reduce((sum, charter) => sum + charter.journal.length, 0);
    const drops = (layers: readonly HealthLayer[]) => charters.filter(charter => droppedOn(charter, layers)).length;
    return {
        chartersAdded: count('added'),
        chartersRemoved: count('removed'),
        chartersRenamed: count('renamed'),
        chartersChanged: charters.filter(charter => (charter.change === 'changed' || charter.change === 'renamed') && (charter.changes.length > 0 || charter.journal.length > 0)).length,
        chartersUnchanged: count('unchanged'),
        changes: parties.length + charters.reduce((sum, charter) => sum + charter.changes.length, 0) + journalChanges,
        findingsIntroduced: findings.introduced.length + charters.reduce((sum, charter) => sum + charter.findings.introduced.length, 0),
        findingsResolved: findings.resolved.length + charters.reduce((sum, charter) => sum + charter.findings.resolved.length, 0),
        scoreDrops: drops(HEALTH_LAYERS),
        // Added after the first version of the JSON: after the keys it had, so their order stays.
        journalChanges,
        designDrops: drops(['design']),
        executionDrops: drops(['execution']),
        perceivedDrops: drops(['perceived']),
        noLongerMeasured: charters.filter(charter => unmeasuredOn(charter, HEALTH_LAYERS).length > 0).length
    };
}

/** Whether the diff shows anything at all (changes, findings or score moves). */
export function isEmptyDiff(diff: GovernanceDiff): boolean {
    return diff.summary.changes === 0 && diff.summary.findingsIntroduced === 0 && diff.summary.findingsResolved === 0 &&
        diff.charters.every(charter => charter.change === 'unchanged' && charter.health.overall.before === charter.health.overall.after &&
            DIMENSION_IDS.every(id => charter.health.dimensions[id].before === charter.health.dimensions[id].after) && !layersMoved(charter.health));
}

/** Whether a charter's execution or perceived layer moved (a journal change). */
export function layersMoved(health: HealthDelta): boolean {
    return (health.execution?.before ?? null) !== (health.execution?.after ?? null) || (health.perceived?.before ?? null) !== (health.perceived?.after ?? null);
}
