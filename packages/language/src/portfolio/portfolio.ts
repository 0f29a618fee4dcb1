import { compareText } from '../util/compare-text.js';
import { belongsToCharter } from '../front-ends.js';
import type { CharterHealth } from '../health/types.js';
import type { CharterModel, PrincipalRef, Range, SourceRef } from '../model/types.js';
import type { Finding, Severity } from '../rules/rule.js';
import { entriesAboutUpTo, type CharterHistory } from '../journal/history.js';
import type { JournalEntry } from '../model/journal-types.js';
import { portfolioLayers, type PortfolioLayers } from './layers.js';
import { roleLoadsOfCharter, type RoleLoad } from './role-load.js';
import { addDays, daysBetween } from '../journal/periods.js';
import {
    cadenceRecurrence, durationRecurrence, firstInstance, instancesBetween, LAST_DATE, nextInstance, periodRecurrence, previousInstance, type Recurrence
} from './schedule.js';

/** One charter of the workspace as the portfolio reads it. */
export interface PortfolioEntry {
    charter: CharterModel;
    /** The charter's file as shown to the user (relative path). */
    path: string;
    health?: CharterHealth;
    /** The findings of the charter's document (those that belong to this charter are counted: `belongsToCharter`). */
    findings: readonly Finding[];
    /** How many charters the document declares: with one, every finding of the document is the charter's. */
    chartersInDocument: number;
    /**
     * The history of the charter's journals, when it has any: the meetings each
     * role attended, and what the due list leaves out (a commitment delivered,
     * a meeting held) or adds (a period that passed without one).
     */
    history?: CharterHistory;
}

export interface PortfolioOptions {
    /** YYYY-MM-DD. */
    today: string;
    /** Days ahead the due list looks: a whole number from 0 to `MAX_HORIZON_DAYS` (default 90). */
    horizonDays?: number;
    /** Thresholds of `overloaded-role` (default 6 in one charter, 15 across the workspace). */
    maxPerCharter?: number;
    maxInWorkspace?: number;
}

export type FindingCounts = Record<Severity, number>;

export interface PortfolioCharter {
    name: string;
    title?: string;
    path: string;
    uri: string;
    /** The charter's name in its source (a click opens it). */
    range: Range;
    parties: string[];
    layers: PortfolioLayers;
    termEnd?: string;
    nextReview?: string;
    findings: FindingCounts;
}

/** One role's load across the portfolio. */
export interface PersonLoad {
    /** Qualified name, `Acme.AllianceLead`. */
    role: string;
    party: string;
    title?: string;
    /** Where the role is declared, when the workspace declares it. */
    source?: SourceRef;
    seats: number;
    decisions: number;
    commitments: number;
    metrics: number;
    escalationLevels: number;
    /** The sum of the above: the responsibilities `overloaded-role` counts. */
    total: number;
    /** Meetings the role attended (`met ... with` entries of the journals); activity, not counted in `total`. */
    meetings: number;
    /** Its load in each charter that names it, heaviest first. */
    charters: RoleLoad[];
    /** Over a threshold of `overloaded-role`. */
    overloaded: boolean;
}

export type DueKind = 'review' | 'commitment' | 'term-end' | 'meeting' | 'metric';

/** A recurring source of due dates, as a calendar stores it (one RRULE). */
export interface DueSeries {
    recurrence: Recurrence;
    /** The series counts its steps from here (the term start, else 1 January of today's year); the first instance is one step on. */
    anchor: string;
    /** The first instance. */
    first: string;
    /** No instance after this date (the term end). */
    until?: string;
    /**
     * Instances that are not the series' any more, in date order: every one
     * the journal shows done, past or in the horizon (the meeting held, the
     * delivery, reading or review made in the period that ends on the
     * instance), and the last past one when it is listed overdue on its own.
     * The due list leaves them out, and a calendar excludes them from the
     * series (EXDATE).
     */
    except?: string[];
}

/** One date on the due list. */
export interface DueItem {
    /** Stable across runs and edits that keep the names: one per source, shared by the instances of a series. */
    key: string;
    date: string;
    kind: DueKind;
    charter: string;
    path: string;
    uri: string;
    /** Where the source stands (a click opens it). */
    range: Range;
    /** The element the date comes from (the charter itself for reviews and term ends). */
    element: string;
    title: string;
    owner?: string;
    /**
     * Past its date and not done: a dated commitment not `done` (nor delivered
     * in the journal), a term that has ended, or, with a journal, the last
     * period of a recurring item that passed without its meeting, delivery,
     * reading or review (then the item has no `series`, and its key ends in
     * `.overdue`).
     */
    overdue: boolean;
    series?: DueSeries;
}

/**
 * A recurring source of due dates (a review cycle, a meeting cadence, a
 * recurring commitment, a metric's reporting) with its whole series, whether
 * or not an instance of it is due in the horizon: what a calendar writes as
 * one event with an RRULE.
 */
export type RecurringItem = Omit<DueItem, 'date' | 'overdue' | 'series'> & { series: DueSeries };

export interface Portfolio {
    today: string;
    horizonDays: number;
    /** The last day the due list looks at. */
    until: string;
    charters: PortfolioCharter[];
    people: PersonLoad[];
    due: DueItem[];
    /** Every recurring source of every charter, in the order of its first instance; its instances in the horizon, less those done, are on `due`. */
    recurring: RecurringItem[];
}

export const DEFAULT_HORIZON_DAYS = 90;
/** The farthest the due list looks: ten years (and a day or two for the leap days). */
export const MAX_HORIZON_DAYS = 3660;
export const DEFAULT_MAX_PER_CHARTER = 6;
export const DEFAULT_MAX_IN_WORKSPACE = 15;

/** The portfolio of a workspace: pure, over the charters' models, health and findings. */
export function buildPortfolio(entries: readonly PortfolioEntry[], options: PortfolioOptions): Portfolio {
    const today = options.today;
    const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
    if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > MAX_HORIZON_DAYS) {
        throw new RangeError(`The horizon is a whole number of days from 0 to ${MAX_HORIZON_DAYS}, not ${horizonDays}`);
    }
    const until = addDays(today, horizonDays);
    const sources = entries.map(entry => dueItemsOf(entry, today, until));
    const due = sources.flatMap(source => source.due);
    due.sort((a, b) => compareText(a.date, b.date) || compareText(a.charter, b.charter) || compareText(a.kind, b.kind) || compareText(a.element, b.element));
    const recurring = sources.flatMap(source => source.recurring);
    recurring.sort((a, b) => compareText(a.series.first, b.series.first) || compareText(a.charter, b.charter) || compareText(a.kind, b.kind) || compareText(a.element, b.element));
    const charters = entries.map(entry => charterRow(entry, today, until));
    charters.sort((a, b) => compareText(a.name, b.name));
    return {
        today, horizonDays, until, charters,
        people: peopleOf(entries, options.maxPerCharter ?? DEFAULT_MAX_PER_CHARTER, options.maxInWorkspace ?? DEFAULT_MAX_IN_WORKSPACE),
        due,
        recurring
    };
}

function charterRow(entry: PortfolioEntry, today: string, until: string): PortfolioCharter {
    const { charter } = entry;
    const findings: FindingCounts = { error: 0, warning: 0, info: 0, hint: 0 };
    // The findings the report and the health card show for the charter.
    for (const finding of entry.findings) {
        if (belongsToCharter(finding, charter, entry.chartersInDocument)) {
            findings[finding.severity]++;
        }
    }
    const review = reviewSeries(charter, today);
    const reviewsHeld = doneDates(entry.history, today, 'reviewed');
    // The next review may lie beyond the horizon: look ten years further, and no further than dates go.
    const lookAhead = daysBetween(until, LAST_DATE) < 3660 ? LAST_DATE : addDays(until, 3660);
    const nextReview = review ? upcomingInstances(review, today, review.until ?? lookAhead, doneInstancesOf(review, reviewsHeld)).find(instance => !instance.done)?.date : undefined;
    return {
        name: charter.name,
        ...(charter.title === undefined ? {} : { title: charter.title }),
        path: entry.path,
        uri: charter.uri,
        range: charter.source.nameRange,
        parties: charter.parties,
        layers: portfolioLayers(charter, entry.health),
        ...(charter.term?.end ? { termEnd: charter.term.end } : {}),
        ...(nextReview ? { nextReview } : {}),
        findings
    };
}

/** Where a charter's series start: its term start, else 1 January of today's year (quarters then end with the calendar's). */
function anchorOf(charter: CharterModel, today: string): string {
    return charter.term?.start ?? `${today.slice(0, 4)}-01-01`;
}

function series(charter: CharterModel, today: string, recurrence: Recurrence | undefined): DueSeries | undefined {
    if (!recurrence) {
        return undefined;
    }
    const anchor = anchorOf(charter, today);
    const until = charter.term?.end;
    const first = firstInstance(anchor, recurrence, until);
    return first ? { recurrence, anchor, first, ...(until ? { until } : {}) } : undefined;
}

function reviewSeries(charter: CharterModel, today: string): DueSeries | undefined {
    const review = charter.review;
    if (!review) {
        return undefined;
    }
    return series(charter, today, review.every ? durationRecurrence(review.every) : review.cadence ? cadenceRecurrence(review.cadence) : undefined);
}

function ownerText(ref: PrincipalRef | undefined): string | undefined {
    return ref?.text;
}

function dueItemsOf(entry: PortfolioEntry, today: string, until: string): { due: DueItem[]; recurring: RecurringItem[] } {
    const { charter, path, history } = entry;
    const items: DueItem[] = [];
    const recurring: RecurringItem[] = [];
    const base = { charter: charter.name, path, uri: charter.uri };
    const doneOn = (kind: JournalEntry['kind'], name?: string) => doneDates(history, today, kind, name);
    const everyInstance = (kind: DueKind, element: string, source: SourceRef, title: string, owner: string | undefined, dueSeries: DueSeries | undefined, done: readonly string[] | undefined) => {
        if (!dueSeries) {
            return;
        }
        const { anchor, recurrence, until: last } = dueSeries;
        const key = keyOf(kind, charter.name, element);
        const item = { ...base, key, kind, range: source.nameRange, element, title, ...(owner ? { owner } : {}) };
        const doneInstances = doneInstancesOf(dueSeries, done);
        const except = new Set(doneInstances);
        // With a journal, the last period that has passed is known to be done or not.
        const lastPast = done ? previousInstance(anchor, recurrence, today, last) : undefined;
        if (lastPast && !doneInstances.has(lastPast)) {
            items.push({ ...item, key: `${key}.overdue`, date: lastPast, overdue: true });
            except.add(lastPast);
        }
        for (const instance of upcomingInstances(dueSeries, today, until, doneInstances)) {
            if (!instance.done) {
                items.push({ ...item, date: instance.date, overdue: false, series: dueSeries });
            }
        }
        if (except.size > 0) {
            dueSeries.except = [...except].sort(compareText);
        }
        // The series is the calendar's whatever the horizon holds: all its instances there may be done.
        recurring.push({ ...item, series: dueSeries });
    };
    const parties = charter.parties.join(', ');
    everyInstance('review', charter.name, charter.source, `Review of ${charter.name}`, parties || undefined, reviewSeries(charter, today), doneOn('reviewed'));
    if (charter.term?.end && charter.term.end <= until) {
        items.push({
            ...base, key: keyOf('term-end', charter.name, charter.name), date: charter.term.end, kind: 'term-end', range: charter.source.nameRange,
            element: charter.name, title: `Term of ${charter.name} ends`, ...(parties ? { owner: parties } : {}), overdue: charter.term.end < today
        });
    }
    for (const body of charter.bodies) {
        const owner = body.chair?.text ?? body.name;
        everyInstance('meeting', body.name, body.source, `${body.title ?? body.name} meets`, owner, body.meets ? series(charter, today, cadenceRecurrence(body.meets)) : undefined, doneOn('met', body.name));
    }
    for (const commitment of charter.commitments) {
        const title = commitment.title ?? commitment.name;
        const delivered = doneOn('delivered', commitment.name);
        if (commitment.due && commitment.status !== 'done' && commitment.due <= until && !delivered?.length) {
            items.push({
                ...base, key: keyOf('commitment', charter.name, commitment.name), date: commitment.due, kind: 'commitment', range: commitment.source.nameRange,
                element: commitment.name, title, ...(commitment.owner ? { owner: ownerText(commitment.owner) } : {}), overdue: commitment.due < today
            });
        }
        if (commitment.recurrence) {
            everyInstance('commitment', commitment.name, commitment.source, title, ownerText(commitment.owner), series(charter, today, periodRecurrence(commitment.recurrence)), delivered);
        }
    }
    for (const metric of charter.metrics) {
        everyInstance('metric', metric.name, metric.source, `Report ${metric.title ?? metric.name}`, ownerText(metric.owner), metric.cadence ? series(charter, today, cadenceRecurrence(metric.cadence)) : undefined, doneOn('measured', metric.name));
    }
    return { due: items, recurring };
}

/** The dates of the history's entries of a kind about an element, up to today; undefined without a journal. */
function doneDates(history: CharterHistory | undefined, today: string, kind: JournalEntry['kind'], name?: string): string[] | undefined {
    return history ? entriesAboutUpTo(history, kind, name, today).map(entry => entry.date) : undefined;
}

/**
 * The instances of a series the journal shows done. An instance is done when
 * the journal records what it asks in its period, from the instance before it
 * (or the anchor) up to the day before it: so each entry from the anchor on
 * does the first instance after it. Without a journal, none is.
 */
function doneInstancesOf(dueSeries: DueSeries, done: readonly string[] | undefined): Set<string> {
    const { anchor, recurrence, until } = dueSeries;
    const entries = (done ?? []).filter(date => date >= anchor).sort(compareText);
    const doneInstances = new Set<string>();
    if (entries.length === 0) {
        return doneInstances;
    }
    const lastEntry = entries[entries.length - 1];
    const to = nextInstance(anchor, recurrence, lastEntry, until) ?? lastEntry;
    let next = 0;
    for (const instance of instancesBetween(anchor, recurrence, addDays(entries[0], 1), to, until)) {
        if (next < entries.length && entries[next] < instance) {
            doneInstances.add(instance);
        }
        while (next < entries.length && entries[next] < instance) {
            next++;
        }
    }
    return doneInstances;
}

/** The instances of a series from today to `to`, each with whether it is one of the done instances. */
function upcomingInstances(dueSeries: DueSeries, today: string, to: string, doneInstances: ReadonlySet<string>): Array<{ date: string; done: boolean }> {
    const { anchor, recurrence, until } = dueSeries;
    return instancesBetween(anchor, recurrence, today, to, until).map(date => ({ date, done: doneInstances.has(date) }));
}

function keyOf(kind: DueKind, charter: string, element: string): string {
    return kind === 'review' || kind === 'term-end' ? `${kind}.${charter}` : `${kind}.${charter}.${element}`;
}

function peopleOf(entries: readonly PortfolioEntry[], maxPerCharter: number, maxInWorkspace: number): PersonLoad[] {
    const byRole = new Map<string, PersonLoad>();
    const personOf = (charter: CharterModel, role: string, party: string) => {
        let person = byRole.get(role);
        if (!person) {
            const declared = charter.partyInfo[party]?.roles.find(candidate => candidate.qualifiedName === role);
            person = {
                role, party,
                ...(declared?.title === undefined ? {} : { title: declared.title }),
                ...(declared?.source === undefined ? {} : { source: declared.source }),
                seats: 0, decisions: 0, commitments: 0, metrics: 0, escalationLevels: 0, total: 0, meetings: 0, charters: [], overloaded: false
            };
            byRole.set(role, person);
        }
        return person;
    };
    for (const { charter, history } of entries) {
        for (const entry of history?.entries ?? []) {
            if (entry.kind === 'met') {
                for (const role of new Set((entry.attendees ?? []).filter(ref => ref.kind === 'role').map(ref => ref.name))) {
                    personOf(charter, role, role.split('.')[0]).meetings++;
                }
            }
        }
        for (const load of roleLoadsOfCharter(charter)) {
            const person = personOf(charter, load.role, load.party);
            person.seats += load.seats;
            person.decisions += load.decisions;
            person.commitments += load.commitments;
            person.metrics += load.metrics;
            person.escalationLevels += load.escalationLevels;
            person.total += load.total;
            person.charters.push(load);
        }
    }
    const people = [...byRole.values()];
    for (const person of people) {
        person.charters.sort((a, b) => b.total - a.total || compareText(a.charter, b.charter));
        person.overloaded = person.total > maxInWorkspace || person.charters.some(load => load.total > maxPerCharter);
    }
    return people.sort((a, b) => b.total - a.total || compareText(a.role, b.role));
}
