/**
 * From the partnership model to the journal views' input: a charter's model
 * and its history (all its journals read as one, `CharterHistory` of
 * @entente/language) become the lanes, events, disputes, series and
 * assessments the views draw. Types only from the language package: no
 * parser, no syntax tree.
 */
import type { CharterHistory, CharterModel, JournalEntry, PrincipalRef } from '@entente/language';
import type {
    Assessment, BodyLane, DisputeBar, EntryRef, JournalViewInput, MetricReading, MetricSeries, Pillar, TimelineEvent
} from './types.js';

/** What of a charter's history the views need (the history as the server sends it has no `charter`). */
export type HistoryForViews = Pick<CharterHistory, 'journals' | 'entries' | 'disputes' | 'readings' | 'today'>;

/** A finding as the adapter needs it: which rule, and where (the file and 1-based line of the entry it is on). */
export interface EntryFinding {
    ruleId: string;
    uri?: string;
    line?: number;
    /** The element it is about (`Charter.Body`, `Charter.Metric`): marks the body's lane or the metric's panel. */
    element?: string;
}

/** About how many days a cadence's period lasts (for the timeline's "no meeting for 1.5 periods" marks). */
const CADENCE_DAYS: Record<string, number> = { weekly: 7, monthly: 30.44, quarterly: 91.31, yearly: 365.25 };

/**
 * The journal views' input for one charter. Without a history (the charter
 * has no journal) the views say so; findings on an entry's line mark it.
 */
export function journalViewInput(charter: CharterModel, history: HistoryForViews | undefined, today: string, findings: readonly EntryFinding[] = []): JournalViewInput {
    const byLine = new Map<string, string[]>();
    for (const finding of findings) {
        if (finding.uri !== undefined && finding.line !== undefined) {
            const key = `${finding.uri}#${finding.line}`;
            const rules = byLine.get(key) ?? [];
            if (!rules.includes(finding.ruleId)) {
                rules.push(finding.ruleId);
            }
            byLine.set(key, rules);
        }
    }
    const findingsOf = (entry: JournalEntry) => byLine.get(`${entry.uri}#${entry.line}`);
    const byElement = new Map<string, string[]>();
    for (const finding of findings) {
        if (finding.element) {
            const rules = byElement.get(finding.element) ?? [];
            if (!rules.includes(finding.ruleId)) {
                rules.push(finding.ruleId);
            }
            byElement.set(finding.element, rules);
        }
    }
    const findingsAbout = (name: string) => byElement.get(`${charter.name}.${name}`);
    const ref = (entry: JournalEntry): EntryRef => ({ journal: entry.journal, line: entry.line });
    const inOrder = (parties: Iterable<string>) => {
        const set = new Set(parties);
        return [...charter.parties.filter(party => set.has(party)), ...[...set].filter(party => !charter.parties.includes(party)).sort()];
    };
    const partiesOf = (principals: readonly PrincipalRef[]) => inOrder(principals.flatMap(principal => principal.parties));
    const commitments = new Map(charter.commitments.map(commitment => [commitment.name, commitment]));
    const decisions = new Map(charter.decisions.map(decision => [decision.name, decision]));
    const bodies: BodyLane[] = charter.bodies.map(body => ({
        name: body.name,
        title: body.title,
        seatedParties: inOrder(Object.keys(body.seatsByParty).filter(party => (body.seatsByParty[party] ?? 0) > 0)),
        cadence: body.meets,
        cadenceDays: body.meets ? CADENCE_DAYS[body.meets] : undefined,
        findings: findingsAbout(body.name)
    }));

    const events: TimelineEvent[] = [];
    const assessments: Assessment[] = [];
    for (const entry of history?.entries ?? []) {
        const base = { date: entry.date, source: ref(entry), findings: findingsOf(entry) };
        switch (entry.kind) {
            case 'met':
                events.push({
                    ...base, kind: 'meeting', body: entry.body?.text ?? '?',
                    attendanceRecorded: entry.attendees !== undefined,
                    attendees: (entry.attendees ?? []).map(attendee => attendee.text),
                    attendingParties: partiesOf(entry.attendees ?? [])
                });
                break;
            case 'delivered':
            case 'missed': {
                const commitment = entry.commitment ? commitments.get(entry.commitment.text) : undefined;
                const common = { ...base, commitment: entry.commitment?.text ?? '?', title: commitment?.title, parties: inOrder(commitment?.ownerParties ?? []) };
                if (entry.kind === 'delivered') {
                    const due = commitment?.due;
                    events.push({ ...common, kind: 'delivery', due, late: due !== undefined && entry.date > due ? true : undefined });
                } else {
                    events.push({ ...common, kind: 'miss', reason: entry.reason });
                }
                break;
            }
            case 'decided': {
                const body = entry.deciders.find(decider => decider.kind === 'body');
                events.push({
                    ...base, kind: 'decision', decision: entry.decision?.text ?? '?', title: entry.decision ? decisions.get(entry.decision.text)?.title : undefined,
                    what: entry.text, by: entry.deciders.map(decider => decider.text), parties: partiesOf(entry.deciders), body: body?.name
                });
                break;
            }
            case 'reviewed':
                events.push({ ...base, kind: 'review', summary: entry.summary });
                break;
            case 'note':
                events.push({ ...base, kind: 'note', text: entry.text ?? '' });
                break;
            case 'assessed':
                if (entry.party) {
                    events.push({ ...base, kind: 'assessment', party: entry.party.text });
                    if (entry.party.resolved) {
                        assessments.push({ party: entry.party.text, date: entry.date, scores: { ...entry.scores } as Partial<Record<Pillar, number>>, source: ref(entry), findings: findingsOf(entry) });
                    }
                }
                break;
            default:
                // measured: the trends'; raised, escalated, resolved: the disputes'.
                break;
        }
    }

    const disputes: DisputeBar[] = (history?.disputes ?? []).map(dispute => ({
        issue: dispute.issue,
        title: dispute.title,
        escalation: dispute.escalation ?? '?',
        about: dispute.about,
        raised: { date: dispute.raised.date, source: ref(dispute.raised) },
        escalated: dispute.escalated.map(step => ({ date: step.date, source: ref(step) })),
        resolved: dispute.resolved ? { date: dispute.resolved.date, source: ref(dispute.resolved), how: dispute.resolved.how } : undefined,
        reachedLevel: dispute.reachedLevel,
        levels: dispute.levels,
        timeBoxDays: dispute.timeBoxDays,
        overTime: dispute.overTime,
        findings: [dispute.raised, ...dispute.escalated, ...(dispute.resolved ? [dispute.resolved] : [])].flatMap(entry => findingsOf(entry) ?? [])
    }));

    const metrics: MetricSeries[] = charter.metrics.map(metric => ({
        metric: metric.name,
        title: metric.title,
        target: metric.target ? {
            comparator: (['>=', '<=', '=', '>', '<'] as const).find(comparator => comparator === metric.target!.comparator) ?? '>=',
            value: metric.target.value,
            unit: metric.target.unit,
            scale: metric.target.scale
        } : undefined,
        cadence: metric.cadence,
        parties: inOrder([...metric.ownerParties, ...metric.beneficiaryParties]),
        readings: (history?.readings[metric.name] ?? []).map((reading): MetricReading => ({
            date: reading.entry.date,
            value: reading.value,
            unit: reading.entry.unit,
            scale: reading.entry.scale,
            onTarget: reading.onTarget,
            // The history leaves a reading in another unit than the target's unjudged, as the rules do.
            unjudged: metric.target !== undefined && reading.onTarget === undefined ? true : undefined,
            source: ref(reading.entry),
            findings: findingsOf(reading.entry)
        })),
        findings: findingsAbout(metric.name)
    }));

    return {
        charter: charter.name,
        title: charter.title,
        journals: (history?.journals ?? []).map(journal => journal.name),
        parties: charter.parties,
        bodies,
        term: charter.term ? { start: charter.term.start, end: charter.term.end } : undefined,
        today: history?.today ?? today,
        events,
        disputes,
        metrics,
        assessments
    };
}
