/**
 * The journal's two health layers (docs/journal.md, "Three layers of
 * health"): execution (what the journal shows was done, over the last 12
 * months) and perceived (each party's latest assessment), each 0–100 with the
 * design score's bands, shown beside the design score and never blended into
 * it. Without a journal both are "not measured", never 100.
 */
import { nameOf } from '../wording.js';
import { largestGap } from '../rules/perception-gap.js';
import type { CharterHistory } from '../journal/history.js';
import { dueInstances } from '../journal/instances.js';
import { cadencePeriod, fullPeriods, reviewPeriod, type Period } from '../journal/periods.js';
import { activeUntil, windowStart } from '../journal/rule-helpers.js';
import type { JournalEntry, Pillar } from '../model/types.js';
import { entriesAbout, latestJudgedReading, pillarPercent } from '../journal/history.js';
import { bandOf, type Band } from './types.js';

export type LayerId = 'execution' | 'perceived';

/** An entry that pulled a check down, as the views and the editor point at it. */
export interface LayerEntryRef {
    journal: string;
    uri: string;
    /** 1-based. */
    line: number;
    date: string;
    kind: string;
    /** Why it counts against the check. */
    reason: string;
}

/** One check of a layer: a ratio with its numbers, like the design checks. */
export interface LayerCheck {
    /** Stable id, e.g. `execution.meetings-on-cadence`. */
    id: string;
    layer: LayerId;
    title: string;
    numerator: number;
    denominator: number;
    ratio: number;
    explanation: string;
    /** The entries that pulled it down (empty when the shortfall is an absence, e.g. a meeting never held: `missing` says what). */
    entries: LayerEntryRef[];
    /** What is missing, in words (`Steering: no meeting from 2026-07-01 to 2026-10-01`). */
    missing: string[];
}

export interface LayerScore {
    id: LayerId;
    /** 0–100 whole; null when not measured. */
    score: number | null;
    band?: Band;
    /** Why it is not measured (`no journal`, `no assessment`), when score is null. */
    notMeasured?: string;
    checks: LayerCheck[];
}

/** The largest difference between two parties' latest assessments on one pillar. */
export interface PerceptionGap {
    pillar: Pillar;
    /** In points of the 1–5 scale. */
    points: number;
    /** The same in the layer's 0–100 scale (25 a point). */
    percent: number;
    high: { party: string; score: number };
    low: { party: string; score: number };
}

export interface PerceivedScore extends LayerScore {
    id: 'perceived';
    /** Each assessing party's latest view, 0–100 overall and per pillar. */
    byParty: Record<string, { date: string; score: number; pillars: Partial<Record<Pillar, number>> }>;
    gap?: PerceptionGap;
}

/** The three layers side by side (design is the charter's overall score). */
export interface HealthLayers {
    design: number | null;
    execution: LayerScore;
    perceived: PerceivedScore;
    /** The perceived gap, beside the perceived score (never folded into it). */
    gap: PerceptionGap | null;
}

const YEAR: Period = { unit: 'month', count: 12, label: '12 months' };

function entryRef(entry: JournalEntry, reason: string): LayerEntryRef {
    return { journal: entry.journal, uri: entry.uri, line: entry.line, date: entry.date, kind: entry.kind, reason };
}

function check(id: string, title: string, numerator: number, denominator: number, explanation: string, entries: LayerEntryRef[] = [], missing: string[] = []): LayerCheck | undefined {
    if (!(denominator > 0)) return undefined;
    const ratio = Math.round(Math.min(1, Math.max(0, numerator / denominator)) * 10_000) / 10_000;
    return { id, layer: id.startsWith('execution') ? 'execution' : 'perceived', title, numerator, denominator, ratio, explanation, entries, missing };
}

function layer<T extends LayerScore>(base: T, checks: Array<LayerCheck | undefined>, notMeasured: string): T {
    const measured = checks.filter((c): c is LayerCheck => c !== undefined);
    const score = measured.length ? Math.round((measured.reduce((sum, c) => sum + c.ratio, 0) / measured.length) * 100) : null;
    return { ...base, score, band: score === null ? undefined : bandOf(score), checks: measured, ...(score === null ? { notMeasured } : {}) };
}

/** The execution layer of a charter's history (undefined history: no journal, not measured). */
export function scoreExecution(history: CharterHistory | undefined): LayerScore {
    const base: LayerScore = { id: 'execution', score: null, checks: [] };
    if (!history) return { ...base, notMeasured: 'no journal' };
    const { charter } = history;
    const today = activeUntil(charter, history.today);
    const from = windowStart(today, YEAR);
    const anchor = charter.term?.start;

    // Meetings held on cadence: each full cadence period of the last 12 months (from the term start) with a meeting.
    let periods = 0, held = 0;
    const missingMeetings: string[] = [];
    for (const body of charter.bodies) {
        if (!body.meets) continue;
        const meetings = entriesAbout(history, 'met', body.name).filter(entry => entry.date <= today);
        const start = anchor ?? meetings[0]?.date;
        if (!start) continue;
        for (const period of fullPeriods(start, cadencePeriod(body.meets), from, today)) {
            periods++;
            if (meetings.some(entry => entry.date >= period.start && entry.date < period.end)) held++;
            else missingMeetings.push(`${nameOf('body', body.name, true)}: no meeting from ${period.start} to ${period.end}`);
        }
    }
    const meetings = check('execution.meetings-on-cadence', 'Meetings held on cadence', held, periods,
        `${held} of ${periods} cadence periods of the last 12 months had their body's meeting.`, [], missingMeetings);

    // Reviews held on time.
    const period = reviewPeriod(charter.review);
    let reviewsDue = 0, reviewsHeld = 0;
    const missingReviews: string[] = [];
    if (period && anchor) {
        const reviews = entriesAbout(history, 'reviewed').filter(entry => entry.date <= today);
        for (const window of fullPeriods(anchor, period, from, today)) {
            reviewsDue++;
            if (reviews.some(entry => entry.date >= window.start && entry.date < window.end)) reviewsHeld++;
            else missingReviews.push(`no review from ${window.start} to ${window.end}`);
        }
    }
    const reviews = check('execution.reviews-on-time', 'Reviews held on time', reviewsHeld, reviewsDue,
        `${reviewsHeld} of ${reviewsDue} review intervals of the last 12 months had their review.`, [], missingReviews);

    // Instances delivered on time.
    const instances = dueInstances(history, from);
    const late = instances.filter(instance => !instance.onTime);
    const deliveries = check('execution.delivered-on-time', 'Commitment instances delivered on time', instances.length - late.length, instances.length,
        `${instances.length - late.length} of ${instances.length} commitment instances due in the last 12 months were delivered on time.`,
        late.flatMap(instance => {
            const entry = instance.missed ?? instance.delivered;
            return entry ? [entryRef(entry, entry.kind === 'missed' ? `${nameOf('commitment', instance.commitment.name, true)} missed` : `${nameOf('commitment', instance.commitment.name, true)} delivered late (due ${instance.due})`)] : [];
        }),
        late.filter(instance => !instance.missed && !instance.delivered).map(instance => `${nameOf('commitment', instance.commitment.name, true)}: nothing recorded for the instance due ${instance.due}`));

    // Metrics reported on cadence, and on target.
    let readingsDue = 0, readingsMade = 0;
    const missingReadings: string[] = [];
    let judged = 0, onTarget = 0;
    const offTarget: LayerEntryRef[] = [];
    for (const metric of charter.metrics) {
        const readings = (history.readings[metric.name] ?? []).filter(reading => reading.entry.date <= today);
        const start = anchor ?? readings[0]?.entry.date;
        if (metric.cadence && start) {
            for (const window of fullPeriods(start, cadencePeriod(metric.cadence), from, today)) {
                readingsDue++;
                if (readings.some(reading => reading.entry.date >= window.start && reading.entry.date < window.end)) readingsMade++;
                else missingReadings.push(`${nameOf('metric', metric.name, true)}: no reading from ${window.start} to ${window.end}`);
            }
        }
        const latest = latestJudgedReading(history, metric.name, today);
        if (latest && latest.entry.date > from) {
            judged++;
            if (latest.onTarget) onTarget++;
            else offTarget.push(entryRef(latest.entry, `${nameOf('metric', metric.name, true)} off target`));
        }
    }
    const reported = check('execution.metrics-reported', 'Metrics reported on cadence', readingsMade, readingsDue,
        `${readingsMade} of ${readingsDue} metric cadence periods of the last 12 months have a reading.`, [], missingReadings);
    const targets = check('execution.metrics-on-target', 'Metrics on target', onTarget, judged,
        `${onTarget} of ${judged} metrics read in the last 12 months are on target at their latest reading.`, offTarget);

    // Disputes closed within their time boxes.
    const disputes = history.disputes.filter(dispute => dispute.raised.date <= today && (!dispute.resolved || dispute.resolved.date > from) && dispute.timeBoxDays !== undefined);
    const overTime = disputes.filter(dispute => dispute.overTime);
    const inTime = check('execution.disputes-in-time', 'Disputes closed within their time boxes', disputes.length - overTime.length, disputes.length,
        `${disputes.length - overTime.length} of ${disputes.length} disputes of the last 12 months stayed within their time boxes.`,
        overTime.map(dispute => entryRef(dispute.raised, `${dispute.issue} open ${dispute.openDays} days, ${dispute.timeBoxDays} allowed`)));

    return layer(base, [meetings, reviews, deliveries, reported, targets, inTime], 'nothing in the journal to measure yet');
}

/** The perceived layer: each party's latest assessment as 0–100, the mean over parties, and the largest gap beside it. */
export function scorePerceived(history: CharterHistory | undefined): PerceivedScore {
    const base: PerceivedScore = { id: 'perceived', score: null, checks: [], byParty: {} };
    if (!history) return { ...base, notMeasured: 'no journal' };
    const latest = Object.fromEntries(Object.entries(history.latestAssessments).filter(([party, entry]) => entry.date <= history.today && history.charter.parties.includes(party)));
    const checks: Array<LayerCheck | undefined> = [];
    const byParty: PerceivedScore['byParty'] = {};
    for (const party of history.charter.parties) {
        const entry = latest[party];
        if (!entry) continue;
        const pillars = Object.entries(entry.scores) as Array<[Pillar, number]>;
        if (pillars.length === 0) continue;
        const percents = Object.fromEntries(pillars.map(([pillar, score]) => [pillar, pillarPercent(score)])) as Partial<Record<Pillar, number>>;
        const points = pillars.reduce((sum, [, score]) => sum + Math.min(5, Math.max(1, score)) - 1, 0);
        const made = check(`perceived.${party}`, `${party}'s view of the partnership`, points, pillars.length * 4,
            `${party} assessed on ${entry.date}: ${pillars.map(([pillar, score]) => `${pillar} ${score}`).join(', ')} (of 5).`,
            pillars.some(([, score]) => score < 5) ? [entryRef(entry, `${party}'s latest assessment`)] : []);
        checks.push(made);
        if (made) byParty[party] = { date: entry.date, score: Math.round(made.ratio * 100), pillars: percents };
    }
    const found = largestGap(latest, history.charter.parties);
    const gap: PerceptionGap | undefined = found ? {
        pillar: found.pillar, points: found.gap, percent: found.gap * 25,
        high: { party: found.high.party!.text, score: found.high.scores[found.pillar]! },
        low: { party: found.low.party!.text, score: found.low.scores[found.pillar]! }
    } : undefined;
    return { ...layer({ ...base, byParty }, checks, 'no assessment in the journal'), ...(gap ? { gap } : {}) };
}

/** The three layers of a charter, for `score`, the editor and the report. */
export function healthLayers(design: number | null, history: CharterHistory | undefined): HealthLayers {
    const perceived = scorePerceived(history);
    return { design, execution: scoreExecution(history), perceived, gap: perceived.gap ?? null };
}

/** `Design 92 · Execution 61 · Perceived 58 (gap 2 on trust)`, the one line every surface shows. */
export function layersLine(layers: HealthLayers): string {
    const value = (score: number | null) => (score === null ? 'not measured' : String(score));
    const gap = layers.gap && layers.gap.points > 0 ? ` (gap ${layers.gap.points} on ${layers.gap.pillar})` : '';
    return `Design ${value(layers.design)} · Execution ${value(layers.execution.score)} · Perceived ${value(layers.perceived.score)}${layers.perceived.score === null ? '' : gap}`;
}
