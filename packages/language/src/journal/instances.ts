import type { CommitmentModel, DeliveredEntry, IsoDate, MissedEntry } from '../model/types.js';
import { entriesAboutUpTo, type CharterHistory } from './history.js';
import { fullPeriods, recurrencePeriod } from './periods.js';
import { activeUntil } from './rule-helpers.js';

/** One instance of a commitment that fell due: a period of a recurring one, or the due date of a dated one. */
export interface DueInstance {
    commitment: CommitmentModel;
    /** The period's start (recurring commitments). */
    start?: IsoDate;
    /** Due by: the period's end (exclusive) or the due date (inclusive). */
    due: IsoDate;
    delivered?: DeliveredEntry;
    missed?: MissedEntry;
    /** Delivered within its period, or by its due date. */
    onTime: boolean;
}

/**
 * The instances of the charter's commitments that fell due between `from`
 * (exclusive) and today: each full period of a recurring commitment counted
 * from the term start, and each dated commitment's due date.
 */
export function dueInstances(history: CharterHistory, from: IsoDate): DueInstance[] {
    // Nothing falls due after the term: a due date counts up to the term's last day, and its last period, which ends
    // the day after that day, counts as the rules count it (activeUntil).
    const end = history.charter.term?.end;
    const today = end && end < history.today ? end : history.today;
    const until = activeUntil(history.charter, history.today);
    const instances: DueInstance[] = [];
    const anchor = history.charter.term?.start;
    for (const commitment of history.charter.commitments) {
        // The history's lists of deliveries and misses by commitment (by date), rather than a pass over every entry; an
        // entry naming no commitment is listed under '', which names no commitment here.
        const delivered = commitment.name ? entriesAboutUpTo(history, 'delivered', commitment.name, today) as DeliveredEntry[] : [];
        const missed = commitment.name ? entriesAboutUpTo(history, 'missed', commitment.name, today) as MissedEntry[] : [];
        if (commitment.recurrence) {
            const period = recurrencePeriod(commitment.recurrence);
            if (!period || !anchor) continue;
            for (const { start, end } of fullPeriods(anchor, period, from, until)) {
                const inPeriod = delivered.find(entry => entry.date >= start && entry.date < end);
                instances.push({
                    commitment, start, due: end, delivered: inPeriod ?? delivered.find(entry => entry.date >= end),
                    missed: missed.find(entry => entry.date >= start && entry.date < end), onTime: inPeriod !== undefined
                });
            }
        } else if (commitment.due && commitment.due > from && commitment.due <= today) {
            const first = delivered[0];
            instances.push({ commitment, due: commitment.due, delivered: first, missed: missed[0], onTime: first !== undefined && first.date <= commitment.due });
        }
    }
    return instances;
}
