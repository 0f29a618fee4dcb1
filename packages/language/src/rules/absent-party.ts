import type { MetEntry } from '../model/types.js';
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
                const recorded = entriesAbout(history, 'met', body.name).filter(entry => entry.date <= today).filter((entry): entry is MetEntry & { attendees: NonNullable<MetEntry['attendees']> } =>
                    entry.kind === 'met' && entry.body?.text === body.name && entry.attendees !== undefined);
                if (recorded.length < 2) continue;
                const lastTwo = recorded.slice(-2);
                const attended = new Set(lastTwo.flatMap(entry => entry.attendees.flatMap(attendee => attendee.parties)));
                for (const party of history.charter.parties) {
                    if ((body.seatsByParty[party] ?? 0) > 0 && !attended.has(party)) {
                        report({
                            message: `${party} is seated on ${body.name} but attended neither of its last two recorded meetings (${lastTwo[0].date}, ${lastTwo[1].date}).`,
                            range: charterRange(journal),
                            element: `${history.charter.name}.${body.name}`,
                            related: lastTwo.map(entry => ({ uri: entry.uri, range: entry.range, message: `${body.name} met without ${party}.` })),
                            data: { charter: history.charter.name, body: body.name, party }
                        });
                    }
                }
            }
        }
    }
});
