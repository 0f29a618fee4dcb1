import { charterRange, charterReporters, entriesUpToToday, reviewWindow, windowStart } from '../journal/rule-helpers.js';
import { listText, verb } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

export const staleAssessment = defineRule({
    meta: {
        id: 'stale-assessment',
        severity: 'info',
        dimension: 'perception',
        summary: 'A charter party has not assessed the partnership within the review interval, while another has.',
        docs: docsPath('stale-assessment')
    },
    check({ today, report, ...context }) {
        for (const { journal, history } of charterReporters(context)) {
            const period = reviewWindow(history.charter);
            const from = windowStart(today, period);
            const recent = new Set(entriesUpToToday(history).filter(entry => entry.kind === 'assessed' && entry.date > from).map(entry => entry.kind === 'assessed' ? entry.party?.text : undefined));
            const fresh = history.charter.parties.filter(party => recent.has(party));
            if (fresh.length === 0) continue;
            for (const party of history.charter.parties.filter(party => !recent.has(party))) {
                const last = history.latestAssessments[party];
                const since = last && last.date <= today ? `last assessed the partnership on ${last.date}` : 'has never assessed the partnership';
                report({
                    message: `${party} ${since}, while ${listText(fresh)} ${verb(fresh.length, 'has')} within the review interval (${period.label}).`,
                    range: charterRange(journal),
                    element: `${history.charter.name}.${party}`,
                    data: { charter: history.charter.name, party }
                });
            }
        }
    }
});
