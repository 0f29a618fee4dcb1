/**
 * What the journal's views (timeline, metric trends, perception radar) draw:
 * plain data, no parser or editor types. An adapter in the language/CLI side
 * builds one `JournalViewInput` per charter from the charter's model and the
 * history read from all its journals (entries in any order: the views sort).
 *
 * Conventions:
 * - Dates are ISO calendar dates, `YYYY-MM-DD` (as written in the journal).
 * - Names are as in the charter: parties `Acme`, roles `Acme.Sponsor`, the
 *   charter's elements by their simple name (`SteeringCommittee`, `ShareRoadmap`).
 * - Every entry carries its `EntryRef` (journal name + 1-based line) so the
 *   drawing can say where it came from: `data-element="Journal:line"`
 *   (see `entryElementId`), which the preview maps back to the line.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Where an entry was written: its journal (a top-level name, so it names the file) and its 1-based line. */
export interface EntryRef {
    journal: string;
    line: number;
}

/** The `data-element` id of a journal entry, `Journal:line` (charter elements are `Charter.Element`). */
export function entryElementId(ref: EntryRef): string {
    return `${ref.journal}:${ref.line}`;
}

/** The pillars of a partnership assessment, in the order the radar draws its axes. */
export type Pillar = 'trust' | 'commitment' | 'coordination' | 'communication' | 'openness' | 'equality' | 'conflict';

/** The four pillars every assessment has, then the three optional HPP factors. */
export const PILLARS: readonly Pillar[] = ['trust', 'commitment', 'coordination', 'communication', 'openness', 'equality', 'conflict'];

/** Fields every dated entry has. */
interface EntryBase {
    date: IsoDate;
    source: EntryRef;
    /**
     * Rule ids of findings reported on this entry (`future-entry`,
     * `late-delivery`, `decided-without-right` …): the views mark the entry
     * and list them in its tooltip. Empty or absent: none.
     */
    findings?: string[];
}

/** `met Body with …`: a meeting held. Drawn on the body's lane. */
export interface MeetingEvent extends EntryBase {
    kind: 'meeting';
    body: string;
    /** Whether the entry has a `with` list (without one, attendance is unknown, not "nobody came"). */
    attendanceRecorded: boolean;
    /** Who attended, as written (`Acme.AllianceLead`, `Globex`). */
    attendees: string[];
    /** The parties of the attendees (each once, in the charter's party order). */
    attendingParties: string[];
}

/** `delivered Commitment`: one instance delivered. Drawn on its owner parties' lanes. */
export interface DeliveryEvent extends EntryBase {
    kind: 'delivery';
    commitment: string;
    title?: string;
    /** The commitment's owner parties (its lane; none: the partnership's lane). */
    parties: string[];
    /** The due date of a dated commitment. */
    due?: IsoDate;
    /** Delivered after its due date. */
    late?: boolean;
}

/** `missed Commitment "reason"`: one instance explicitly missed. */
export interface MissEvent extends EntryBase {
    kind: 'miss';
    commitment: string;
    title?: string;
    parties: string[];
    reason?: string;
}

/** `decided Decision "what" by …`: a decision taken. */
export interface DecisionEvent extends EntryBase {
    kind: 'decision';
    decision: string;
    /** The decision's title in the charter. */
    title?: string;
    /** The entry's text ("List prices +4% from Q2"). */
    what?: string;
    /** Who decided, as written (`Acme`, `Acme.Sponsor`, `SteeringCommittee`). */
    by: string[];
    /** The parties of `by` (their lanes). */
    parties: string[];
    /** When `by` names a body: drawn on the body's lane instead. */
    body?: string;
}

/** `reviewed "summary"`: the charter review was held. Drawn on the partnership's lane. */
export interface ReviewEvent extends EntryBase {
    kind: 'review';
    summary?: string;
}

/** `note "text"`: drawn on the partnership's lane, checked for nothing. */
export interface NoteEvent extends EntryBase {
    kind: 'note';
    text: string;
}

/** `assessed by Party { … }`: drawn on the party's lane as a dot (the scores are the radar's). */
export interface AssessmentEvent extends EntryBase {
    kind: 'assessment';
    party: string;
}

/** Every point event of the timeline. */
export type TimelineEvent = MeetingEvent | DeliveryEvent | MissEvent | DecisionEvent | ReviewEvent | NoteEvent | AssessmentEvent;

/** A dispute, `raised` → `escalated`* → `resolved`: a bar on the disputes lane. */
export interface DisputeBar {
    /** The issue's name (`NordicLeads`). */
    issue: string;
    title?: string;
    /** The escalation it runs through. */
    escalation: string;
    /** The decision it is about (`about Decision`). */
    about?: string;
    raised: { date: IsoDate; source: EntryRef };
    /** Each `escalated` entry, in date order. */
    escalated: Array<{ date: IsoDate; source: EntryRef }>;
    /** Absent while it is open (the bar runs to today). */
    resolved?: { date: IsoDate; source: EntryRef; how?: string };
    /** How far it climbed: 1 = the first level; `levels + 1` = the final step (the escalation's `finally`). */
    reachedLevel: number;
    /** How many levels the escalation has (0 when unknown, e.g. an unresolved escalation name). */
    levels: number;
    /** The added-up time boxes of the levels it reached, in days (undefined: a level without a time box). */
    timeBoxDays?: number;
    /** Open (until today) or closed longer than `timeBoxDays` (`dispute-over-time`). */
    overTime?: boolean;
    findings?: string[];
}

/** A lane of the timeline for one body of the charter. */
export interface BodyLane {
    name: string;
    title?: string;
    /** Parties seated on the body, in the charter's party order (an attendance shows who of them came). */
    seatedParties: string[];
    /** `meets monthly` …, as written. */
    cadence?: string;
    /** The cadence's period in days (about: 7, 30, 91, 365), to mark gaps longer than 1.5 periods. */
    cadenceDays?: number;
    /** Rule ids of findings about the body's meetings (`missed-meeting`, `absent-party`): the lane is marked. */
    findings?: string[];
}

/** A metric target as in the charter: `target >= 2000000 USD`, `target <= 7 days`, `target >= 4 of 5`. */
export interface MetricTarget {
    comparator: '>=' | '<=' | '=' | '>' | '<';
    value: number;
    unit?: string;
    /** `of 5` scales. */
    scale?: number;
}

/** One reading of a metric. */
export interface MetricReading {
    date: IsoDate;
    value: number;
    /** The unit as written on the reading (none written: the target's). */
    unit?: string;
    /** `of 5` as written on the reading. */
    scale?: number;
    /** Whether it meets the target (as the rules judge it); absent: the view judges by the target, or none without one. */
    onTarget?: boolean;
    /** Not to be judged against the target (its unit is not the target's): drawn as unjudged. */
    unjudged?: boolean;
    source: EntryRef;
    findings?: string[];
}

/** One metric of the charter with its readings: one small multiple of the trends view. */
export interface MetricSeries {
    /** The metric's name in the charter. */
    metric: string;
    title?: string;
    target?: MetricTarget;
    /** `cadence monthly` …, as written. */
    cadence?: string;
    /** The parties the metric concerns: its owners and those it benefits (in the charter's order); `viewAsParty` dims the others' panels. */
    parties: string[];
    /** Readings in any order (the view sorts by date, then line). */
    readings: MetricReading[];
    /** Rule ids of findings about the metric (`unreported-metric`, `off-target-metric`): the panel is marked. */
    findings?: string[];
}

/** One party's assessment of the partnership: 1–5 per pillar (the optional factors only when given). */
export interface Assessment {
    party: string;
    date: IsoDate;
    scores: Partial<Record<Pillar, number>>;
    source: EntryRef;
    findings?: string[];
}

/** Everything the three journal views draw for one charter. */
export interface JournalViewInput {
    /** The charter's name (`data-element` ids of charter elements are `Charter.Element`). */
    charter: string;
    title?: string;
    /** The journals read, in order (names only; an empty list: the charter has no journal). */
    journals: string[];
    /** The charter's parties in its `parties` order (their colours). */
    parties: string[];
    /** The charter's bodies in their order (a lane each). */
    bodies: BodyLane[];
    /** The charter's term. */
    term?: { start?: IsoDate; end?: IsoDate };
    /**
     * The day the views are drawn for (`--today` / `entente.today`): marked on
     * the timeline, the end of open disputes. The views read the entries up to
     * it, as the rules and the score do: what is dated later (a meeting, a
     * reading, an assessment, a dispute's escalation or resolution) is left out
     * of every view, and the timeline says how many entries that is.
     */
    today: IsoDate;
    events: TimelineEvent[];
    disputes: DisputeBar[];
    /** Every metric of the charter (also those without readings: their panel says so). */
    metrics: MetricSeries[];
    /** Every assessment of every party (the radar takes each party's latest up to today; the rest are history). */
    assessments: Assessment[];
}

/** The journal views, in the order a report shows them (after the charter's views). */
export type JournalViewId = 'timeline' | 'trends' | 'radar';

export const JOURNAL_VIEW_IDS: readonly JournalViewId[] = ['timeline', 'trends', 'radar'];

export interface JournalRenderOptions {
    /** Show the journal from one party's side: what does not concern it is dimmed. */
    viewAsParty?: string;
}
