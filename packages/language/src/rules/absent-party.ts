import { nameOf } from '../wording.js';
import type { JournalEntry, MetEntry } from '../model/types.js';
import { charterRange, charterReporters } from '../journal/rule-helpers.js';
import { entriesAbout } from '../journal/history.js';
import { defineRule, docsPath } from './rule.js';

export const absentParty = defineRule({
    meta: {
        id: 'absent-party',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A party seated on a body attended none of that body\'s last two meetings that record `with`.',
        docs: docsPath('absent-party')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of charterReporters(context)) {
            for (const body of history.charter.bodies) {
                const lastTwo = lastTwoRecorded(entriesAbout(history, 'met', body.name), body.name, today);
                if (!lastTwo) continue;
                for (const party of history.charter.parties) {
                    if ((body.seatsByParty[party] ?? 0) > 0 && !lastTwo.some(entry => entry.attendees.some(attendee => attendee.parties.includes(party)))) {
                        report({
                            message: `${party} is seated on ${nameOf('body', body.name)} but attended neither of its last two recorded meetings (${lastTwo[0].date}, ${lastTwo[1].date}).`,
                            range: charterRange(journal),
                            element: `${history.charter.name}.${body.name}`,
                            related: lastTwo.map(entry => ({ uri: entry.uri, range: entry.range, message: `${nameOf('body', body.name, true)} met without ${party}.` })),
                            data: { charter: history.charter.name, body: body.name, party }
                        });
                    }
                }
            }
        }
    }
});

type RecordedMeeting = MetEntry & { attendees: NonNullable<MetEntry['attendees']> };

/** The body's last two meetings up to today that record `with`, oldest first; searched from the end rather than filtered (a body meets often). */
function lastTwoRecorded(meetings: readonly JournalEntry[], body: string, today: string): [RecordedMeeting, RecordedMeeting] | undefined {
    let later: RecordedMeeting | undefined;
    for (let index = meetings.length - 1; index >= 0; index--) {
        const entry = meetings[index];
        if (entry.date <= today && entry.kind === 'met' && entry.body?.text === body && entry.attendees !== undefined) {
            if (later) return [entry as RecordedMeeting, later];
            later = entry as RecordedMeeting;
        }
    }
    return undefined;
}
