/**
 * A charter's history: the entries of all its journals read as one, sorted by
 * date (stably), with the disputes and readings worked out. Built from the
 * model (the charter's and its journals'), never from syntax trees; the
 * execution rules, the execution and perceived layers and the journal views
 * read it.
 */
import type { CharterModel, EscalationModel, MetricModel, TargetModel } from '../model/types.js';
import type {
    AssessedEntry, EscalatedEntry, IsoDate, JournalEntry, JournalModel, MeasuredEntry, Pillar, RaisedEntry, ResolvedEntry
} from '../model/journal-types.js';
import { daysBetween } from './periods.js';

/** A dispute: `raised` → `escalated`* → `resolved`. */
export interface DisputeModel {
    issue: string;
    title?: string;
    escalation?: string;
    about?: string;
    raised: RaisedEntry;
    /** Each `escalated` entry, by date. */
    escalated: EscalatedEntry[];
    resolved?: ResolvedEntry;
    /** How far it climbed: 1 = the first level; `levels + 1` = the escalation's final step. */
    reachedLevel: number;
    /** Levels of its escalation (0 when the escalation is unknown). */
    levels: number;
    /** The time boxes of the levels it reached, added up, in days; undefined when one of them has none. */
    timeBoxDays?: number;
    /** Days from raised to resolved, or to today while open. */
    openDays: number;
    /** Open or closed longer than its time boxes allow. */
    overTime: boolean;
}

/** One reading of a metric with the verdict of its target. */
export interface ReadingModel {
    entry: MeasuredEntry;
    value: number;
    /** Undefined when the metric has no target or the reading's unit is not the target's. */
    onTarget?: boolean;
}

export interface CharterHistory {
    charter: CharterModel;
    /** Its journals, in workspace order. */
    journals: JournalModel[];
    /** Every entry of every journal, by date (stable: equal dates keep journal, then text order). */
    entries: JournalEntry[];
    /** The disputes, as of today: an escalation or a resolution dated later has not happened yet. */
    disputes: DisputeModel[];
    /** Readings per metric name, by date. */
    readings: Record<string, ReadingModel[]>;
    /** Each party's latest assessment up to today (by date; the later written wins a tie). */
    latestAssessments: Record<string, AssessedEntry>;
    today: IsoDate;
    /**
     * The entries about one element, by kind, then the element's name (by
     * date): `met` → `Body`, `delivered` → `Commitment`, `reviewed` → ''.
     * Filled by `entriesAbout`, a kind when it is first asked about.
     */
    byTarget: Map<JournalEntry['kind'], Map<string, JournalEntry[]>>;
    /** The entries of each kind (by date), sorted out as the history is built: see `entriesOfKind`. */
    byKind: Map<JournalEntry['kind'], JournalEntry[]>;
}

/** The history's entries of one kind, by date: a rule about one kind reads only those, not the whole history. */
export function entriesOfKind(history: CharterHistory, kind: JournalEntry['kind']): readonly JournalEntry[] {
    return history.byKind.get(kind) ?? [];
}

/** The history's entries of one kind about one element (by date): `entriesAbout(history, 'met', 'Board')`. */
export function entriesAbout(history: CharterHistory, kind: JournalEntry['kind'], name = ''): readonly JournalEntry[] {
    let ofKind = history.byTarget.get(kind);
    if (ofKind === undefined) {
        // Indexed on demand: the rules and layers ask about a few kinds (met, delivered, reviewed); indexing every
        // entry's target when the history was built (every issue raised and resolved among them) was a third of its time.
        ofKind = new Map();
        const entries = entriesOfKind(history, kind);
        for (let index = 0; index < entries.length; index++) {
            const entry = entries[index];
            const target = targetOf(entry);
            const list = ofKind.get(target);
            if (list) list.push(entry);
            else ofKind.set(target, [entry]);
        }
        history.byTarget.set(kind, ofKind);
    }
    return ofKind.get(name) ?? [];
}

/** The last of `items` (sorted by date) dated on or before `today`, undated ones left out: what `filter(...).at(-1)` finds, without the filtered copy. */
export function lastUpTo<T>(items: readonly T[], today: IsoDate, dateOf: (item: T) => IsoDate): T | undefined {
    for (let index = items.length - 1; index >= 0; index--) {
        const date = dateOf(items[index]);
        // Undated entries sort first: the first one met ends the search.
        if (date === '') return undefined;
        if (date <= today) return items[index];
    }
    return undefined;
}

/** The same, without undated entries and those after `today` (a delivery written ahead has not happened yet). */
export function entriesAboutUpTo(history: CharterHistory, kind: JournalEntry['kind'], name: string | undefined, today: IsoDate): JournalEntry[] {
    return entriesAbout(history, kind, name).filter(entry => entry.date !== '' && entry.date <= today);
}

function targetOf(entry: JournalEntry): string {
    switch (entry.kind) {
        case 'met': return entry.body?.text ?? '';
        case 'delivered': case 'missed': return entry.commitment?.text ?? '';
        case 'measured': return entry.metric?.text ?? '';
        case 'decided': return entry.decision?.text ?? '';
        case 'assessed': return entry.party?.text ?? '';
        case 'escalated': case 'resolved': case 'raised': return entry.issue?.text ?? '';
        default: return '';
    }
}

/** Whether a value meets a target (same comparator semantics as the charter's `target`). */
export function meetsTarget(value: number, target: TargetModel): boolean {
    switch (target.comparator) {
        case '>=': return value >= target.value;
        case '<=': return value <= target.value;
        case '>': return value > target.value;
        case '<': return value < target.value;
        default: return value === target.value;
    }
}

/** Whether a reading's unit agrees with the metric's target (none written agrees with anything). */
export function unitAgrees(entry: MeasuredEntry, metric: MetricModel): boolean {
    const target = metric.target;
    if (!target) return true;
    if (entry.scale !== undefined) return target.scale === entry.scale;
    if (entry.unit === undefined) return true;
    // The same text as the target's (most readings): agrees without the two replacements below.
    if (target.scale === undefined && entry.unit === target.unit) return true;
    const norm = (unit: string | undefined) => unit?.replace(/s$/, '');
    return target.scale === undefined && norm(entry.unit) === norm(target.unit);
}

/** What follows a value to give its unit: ` USD`, ` days`, ` of 5`, or nothing. */
export function unitSuffix(measure: { unit?: string; scale?: number }): string {
    return measure.scale !== undefined ? ` of ${measure.scale}` : measure.unit ? ` ${measure.unit}` : '';
}

/**
 * A metric's latest reading up to a date that its target can judge: a reading
 * in another unit than the target's (`mismatched-unit`) is not compared with
 * it, so it neither hides an earlier reading off target nor counts as one.
 */
export function latestJudgedReading(history: CharterHistory, metric: string, until: IsoDate): ReadingModel | undefined {
    const readings = history.readings[metric] ?? [];
    for (let index = readings.length - 1; index >= 0; index--) {
        const reading = readings[index];
        if (reading.entry.date <= until && reading.onTarget !== undefined) return reading;
    }
    return undefined;
}

/** Entries sorted by date, stably (journal order, then text order, for equal dates). */
export function sortEntries(journals: readonly JournalModel[]): JournalEntry[] {
    const all: JournalEntry[] = [];
    for (const journal of journals) {
        const entries = journal.entries;
        for (let index = 0; index < entries.length; index++) all.push(entries[index]);
    }
    return sortByDate(all);
}

/** Positions of entries that fit in a sort key beside the date (yyyymmdd + 1 < 2^27, so the key stays below 2^53). */
const POSITIONS = 2 ** 20;

/**
 * Entries sorted by date, stably. When every date is written `YYYY-MM-DD`
 * (or is missing), each entry's date and position make one number and a
 * native sort of numbers orders them: comparing date texts in a comparator
 * read each entry's date again at every comparison, a tenth of building a
 * 10,000-entry journal's history. Any other date: the texts are compared.
 */
function sortByDate(entries: JournalEntry[]): JournalEntry[] {
    const count = entries.length;
    if (count > 1 && count <= POSITIONS) {
        const keys = new Float64Array(count);
        let keyed = true;
        for (let i = 0; i < count && keyed; i++) {
            const day = dateNumber(entries[i].date);
            keyed = day !== undefined;
            keys[i] = (day! + 1) * POSITIONS + i;
        }
        if (keyed) {
            keys.sort();
            const sorted = new Array<JournalEntry>(count);
            for (let i = 0; i < count; i++) {
                sorted[i] = entries[keys[i] % POSITIONS];
            }
            return sorted;
        }
    }
    // Array.prototype.sort is stable: equal dates keep journal, then text order.
    return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A `YYYY-MM-DD` date as the number yyyymmdd (ordered as the texts are), a missing one ('') as -1; undefined for any other text. */
function dateNumber(date: string): number | undefined {
    if (date === '') return -1;
    if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined;
    let value = 0;
    for (let i = 0; i < 10; i++) {
        if (i === 4 || i === 7) continue;
        const digit = date.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) return undefined;
        value = value * 10 + digit;
    }
    return value;
}

/** Builds a charter's history from its model and its journals. */
export function buildHistory(charter: CharterModel, journals: readonly JournalModel[], today: IsoDate): CharterHistory {
    const entries = sortEntries(journals);
    const metrics = new Map(charter.metrics.map(metric => [metric.name, metric]));
    const escalations = new Map(charter.escalations.map(escalation => [escalation.name, escalation]));
    const readings: Record<string, ReadingModel[]> = {};
    const latestAssessments: Record<string, AssessedEntry> = {};
    const raised = new Map<string, { entry: RaisedEntry; escalated: EscalatedEntry[]; resolved?: ResolvedEntry }>();
    const byKind = new Map<JournalEntry['kind'], JournalEntry[]>();
    // Loops over a history's entries are indexed: each runs once a build, before V8 optimizes it, and a for...of then makes an object per entry.
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        const ofKind = byKind.get(entry.kind);
        if (ofKind) ofKind.push(entry);
        else byKind.set(entry.kind, [entry]);
        switch (entry.kind) {
            case 'measured': {
                const metric = entry.metric && metrics.get(entry.metric.text);
                if (metric && entry.value !== undefined) {
                    const onTarget = metric.target && unitAgrees(entry, metric) ? meetsTarget(entry.value, metric.target) : undefined;
                    (readings[metric.name] ??= []).push({ entry, value: entry.value, onTarget });
                }
                break;
            }
            case 'assessed':
                // One dated after today has not been made yet: the party's latest is the one before it.
                if (entry.party?.resolved && entry.date <= today) latestAssessments[entry.party.text] = entry;
                break;
            case 'raised':
                if (entry.issue && !raised.has(entry.issue.text)) raised.set(entry.issue.text, { entry, escalated: [] });
                break;
            // An escalation or a resolution dated after today has not happened yet: the dispute is open, at its level of today.
            case 'escalated': {
                const dispute = entry.issue && raised.get(entry.issue.text);
                if (dispute && !dispute.resolved && entry.date <= today) dispute.escalated.push(entry);
                break;
            }
            case 'resolved': {
                const dispute = entry.issue && raised.get(entry.issue.text);
                if (dispute && !dispute.resolved && entry.date <= today) dispute.resolved = entry;
                break;
            }
        }
    }
    const disputes = [...raised.values()].map(({ entry, escalated, resolved }) =>
        dispute(entry, escalated, resolved, entry.escalation ? escalations.get(entry.escalation.text) : undefined, today));
    return { charter, journals: [...journals], entries, disputes, readings, latestAssessments, today, byTarget: new Map(), byKind };
}

function dispute(raised: RaisedEntry, escalated: EscalatedEntry[], resolved: ResolvedEntry | undefined, escalation: EscalationModel | undefined, today: IsoDate): DisputeModel {
    const levels = escalation?.levels.length ?? 0;
    const reachedLevel = Math.min(1 + escalated.length, levels + 1);
    let timeBoxDays: number | undefined = 0;
    for (const level of escalation?.levels.slice(0, Math.min(reachedLevel, levels)) ?? []) {
        timeBoxDays = level.within && timeBoxDays !== undefined ? timeBoxDays + level.within.days : undefined;
    }
    if (!escalation || levels === 0) timeBoxDays = undefined;
    const end = resolved?.date ?? today;
    const openDays = Math.max(0, daysBetween(raised.date, end));
    return {
        issue: raised.issue!.text,
        title: raised.title,
        escalation: raised.escalation?.text,
        about: raised.about?.text,
        raised,
        escalated,
        resolved,
        reachedLevel,
        levels,
        timeBoxDays,
        openDays,
        overTime: timeBoxDays !== undefined && openDays > timeBoxDays
    };
}

/** A pillar's 1–5 score as 0–100 (1 → 0, 5 → 100). */
export function pillarPercent(score: number): number {
    return Math.round(((Math.min(5, Math.max(1, score)) - 1) / 4) * 100);
}

export type { Pillar };
