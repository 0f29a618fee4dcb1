/**
 * The journal's part of the governance diff: which entries of a charter's
 * journals were added, removed or changed. Entries have no names, so they
 * are matched by what they record (kind, date, what they are about and
 * their details), never by line or by the file they stand in: moving
 * entries between a charter's journals, or reordering them, changes nothing.
 */
import { compareText } from '../util/compare-text.js';
import { PILLARS, type JournalEntry, type JournalModel, type NameRef } from '../model/journal-types.js';
import type { DocumentModel } from '../model/types.js';
import { SAME_NAMES, type Attributes, type NameMap } from './element-views.js';
import type { AttributeChange, JournalEntryChange } from './types.js';

/** An entry as the diff compares it. */
interface EntryView {
    entry: JournalEntry;
    /** What the entry is about, whatever its date: `delivery ShareRoadmap` (delivered or missed), `assessed Acme`, `resolved NordicLeads`. */
    identity: string;
    /** Whether a charter records this identity once (a dispute's raise, escalation or resolution): a lone pair is then one entry edited. */
    once: boolean;
    /** `kind`, `date`, then the entry's details, as display text. */
    attributes: Attributes;
    /** The entry as written (an old one read through the name map): `2026-05-02 missed TrainSellers "No owner"`. */
    text: string;
    /** The date, kind and subject: `2026-06-30 assessed by Acme`. */
    headline: string;
}

const quoted = (text: string | undefined) => (text === undefined ? undefined : JSON.stringify(text));
const names = (items: string[]) => (items.length ? [...new Set(items)].sort(compareText).join(', ') : undefined);

/**
 * What an entry is about and its details (keyword, value). An old entry's
 * names are read as new through `map`; a new entry's as written, but a name
 * that does not resolve on the new side (a journal left naming what the
 * charter renamed), read through `map` as what it meant before, so an entry
 * left untouched is no change: the broken name is the new side's
 * `unresolved-reference` finding, not an entry edited.
 */
function entryParts(entry: JournalEntry, map: NameMap, side: 'old' | 'new'): { subject?: string; details: Attributes } {
    const read = (ref: NameRef | undefined, as: (name: string) => string) => (ref === undefined ? undefined : side === 'old' || !ref.resolved ? as(ref.text) : ref.text);
    const element = (ref: NameRef | undefined) => read(ref, name => map.element(name));
    const principals = side === 'old' ? map : SAME_NAMES;
    switch (entry.kind) {
        case 'met':
            return { subject: element(entry.body), details: [['with', entry.attendees && names(entry.attendees.map(ref => principals.principal(ref)))]] };
        case 'delivered':
            return { subject: element(entry.commitment), details: [] };
        case 'missed':
            return { subject: element(entry.commitment), details: [['reason', quoted(entry.reason)]] };
        case 'measured': {
            const value = entry.value === undefined ? undefined
                : `${entry.value}${entry.scale !== undefined ? ` of ${entry.scale}` : entry.unit !== undefined ? ` ${entry.unit}` : ''}`;
            return { subject: element(entry.metric), details: [['value', value]] };
        }
        case 'decided':
            return { subject: element(entry.decision), details: [['text', quoted(entry.text)], ['by', names(entry.deciders.map(ref => principals.principal(ref)))]] };
        case 'raised':
            return { subject: entry.issue?.text, details: [['title', quoted(entry.title)], ['via', element(entry.escalation)], ['about', element(entry.about)]] };
        case 'escalated':
            return { subject: entry.issue?.text, details: [] };
        case 'resolved':
            return { subject: entry.issue?.text, details: [['how', quoted(entry.how)]] };
        case 'reviewed':
            return { details: [['summary', quoted(entry.summary)]] };
        case 'assessed':
            return { subject: read(entry.party, name => map.party(name)), details: PILLARS.map(pillar => [pillar, entry.scores[pillar]?.toString()]) };
        case 'note':
            return { details: [['text', quoted(entry.text)]] };
    }
}

const KEYWORDS = new Set(['with', 'by', 'via', 'about']);

/** An entry as compared (read through `map` as `entryParts` says) and as shown: an old entry with new names, a new one as written. */
function viewOf(entry: JournalEntry, map: NameMap, side: 'old' | 'new'): EntryView {
    const compared = entryParts(entry, map, side);
    const { subject, details } = side === 'new' ? entryParts(entry, SAME_NAMES, side) : compared;
    const about = subject === undefined ? '' : entry.kind === 'assessed' ? ` by ${subject}` : ` ${subject}`;
    const headline = `${entry.date || '(no date)'} ${entry.kind}${about}`;
    const written = details.filter(([, value]) => value !== undefined);
    const pillars = written.filter(([key]) => (PILLARS as readonly string[]).includes(key));
    const rest = written.filter(([key]) => !(PILLARS as readonly string[]).includes(key)).map(([key, value]) => (KEYWORDS.has(key) ? `${key} ${value}` : value!));
    const scores = pillars.length ? [`{ ${pillars.map(([key, value]) => `${key} ${value}`).join(' ')} }`] : [];
    return {
        entry,
        identity: `${entry.kind === 'delivered' || entry.kind === 'missed' ? 'delivery' : entry.kind}\u0000${compared.subject ?? ''}`,
        once: (entry.kind === 'raised' || entry.kind === 'escalated' || entry.kind === 'resolved') && compared.subject !== undefined,
        attributes: [['kind', entry.kind], ['date', entry.date || undefined], ...compared.details],
        text: [headline, ...rest, ...scores].join(' '),
        headline
    };
}

/** The entries of the journals written for `charter` (by its name on that side) in these documents. */
export function entriesFor(documents: ReadonlyArray<{ model: DocumentModel }>, charter: string): JournalEntry[] {
    return documents.flatMap(document => (document.model.journals ?? [])
        .filter((journal: JournalModel) => (journal.charter ?? journal.charterText) === charter)
        .flatMap(journal => journal.entries));
}

/**
 * The changes between a charter's entries on the old side and the new one.
 * Equal entries cancel out; what is left pairs as one entry edited when it
 * records the same thing on the same date (`delivered` → `missed`, a score
 * of an assessment), or the same dispute step, or the same entry on another
 * date; the rest is added or removed.
 */
export function diffJournalEntries(olds: JournalEntry[], news: JournalEntry[], map: NameMap, attributeChanges: (before: Attributes, after: Attributes) => AttributeChange[]): JournalEntryChange[] {
    const signature = (view: EntryView) => JSON.stringify(view.attributes);
    const waiting = new Map<string, EntryView[]>();
    for (const view of olds.map(entry => viewOf(entry, map, 'old'))) {
        const queue = waiting.get(signature(view));
        if (queue) {
            queue.push(view);
        } else {
            waiting.set(signature(view), [view]);
        }
    }
    let added: EntryView[] = [];
    for (const view of news.map(entry => viewOf(entry, map, 'new'))) {
        const queue = waiting.get(signature(view));
        if (queue?.length) {
            queue.shift();
        } else {
            added.push(view);
        }
    }
    let removed = [...waiting.values()].flat();
    const changed: Array<[EntryView, EntryView]> = [];
    const pairUp = (keyOf: (view: EntryView) => string, accept: (before: EntryView[], after: EntryView[]) => boolean) => {
        const byKey = new Map<string, EntryView[]>();
        for (const view of removed) {
            byKey.set(keyOf(view), [...(byKey.get(keyOf(view)) ?? []), view]);
        }
        const paired = new Set<EntryView>();
        for (const view of added) {
            const candidates = (byKey.get(keyOf(view)) ?? []).filter(candidate => !paired.has(candidate));
            if (candidates.length && accept(candidates, added.filter(other => keyOf(other) === keyOf(view)))) {
                changed.push([candidates[0], view]);
                paired.add(candidates[0]);
                paired.add(view);
            }
        }
        removed = removed.filter(view => !paired.has(view));
        added = added.filter(view => !paired.has(view));
    };
    // The same thing recorded on the same date, with other details (or delivered become missed).
    pairUp(view => `${view.identity}\u0000${view.entry.date}`, () => true);
    // One entry on each side about the same dispute step, or the same entry on another date.
    const sameButDate = (view: EntryView) => JSON.stringify(view.attributes.filter(([key]) => key !== 'date'));
    pairUp(view => view.identity, (before, after) => before.length === 1 && after.length === 1 && (before[0].once || sameButDate(before[0]) === sameButDate(after[0])));
    const change = (kind: JournalEntryChange['change'], view: EntryView, attributes: AttributeChange[]): JournalEntryChange => ({
        change: kind,
        journal: view.entry.journal,
        kind: view.entry.kind,
        date: view.entry.date,
        entry: view.text,
        headline: view.headline,
        attributes,
        uri: view.entry.uri,
        line: view.entry.range.start.line
    });
    return [
        ...removed.map(view => change('removed', view, [])),
        ...added.map(view => change('added', view, [])),
        ...changed.map(([before, after]) => change('changed', after, attributeChanges(before.attributes, after.attributes)))
    ].sort((a, b) => compareText(a.date, b.date) || compareText(a.entry, b.entry) || compareText(a.change, b.change));
}
