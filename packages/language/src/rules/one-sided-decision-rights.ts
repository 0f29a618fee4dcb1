import { compareText } from '../util/compare-text.js';
import { defineRule, docsPath } from './rule.js';
import { listText, nameOf } from '../wording.js';

interface Options {
    /** The leader must control at least this many more decisions than the party that controls the fewest. */
    minDifference: number;
    /** …and at least this share of all decisions more. */
    minShare: number;
}

export const oneSidedDecisionRights = defineRule<Options>({
    meta: {
        id: 'one-sided-decision-rights',
        severity: 'warning',
        dimension: 'equality',
        summary: 'The party that controls the most decisions controls at least 2 more, and at least a third of all decisions more, than the party that controls the fewest.',
        docs: docsPath('one-sided-decision-rights'),
        options: { minDifference: 2, minShare: 1 / 3 },
        optionRanges: { minDifference: { min: 0, whole: true }, minShare: { min: 0, max: 1 } }
    },
    check({ document, options, report }) {
        for (const charter of document.charters) {
            if (charter.parties.length < 2 || charter.decisions.length === 0) {
                continue;
            }
            const controlled = new Map(charter.parties.map(party => [party, charter.decisions.filter(d => d.controllingParties.includes(party))]));
            const ranked = [...controlled.entries()].sort(([a, x], [b, y]) => y.length - x.length || compareText(a, b));
            const [leader, leaderDecisions] = ranked[0];
            const [trailer, trailerDecisions] = ranked[ranked.length - 1];
            const difference = leaderDecisions.length - trailerDecisions.length;
            const total = charter.decisions.length;
            if (difference >= options.minDifference && difference >= options.minShare * total - 1e-9) {
                const others = listText(ranked.slice(1).map(([party, decisions]) => `${party} controls ${decisions.length}`));
                report({
                    message: `${leader} alone controls ${leaderDecisions.length} of ${total} decisions; ${others}.`,
                    range: charter.source.nameRange,
                    element: charter.name,
                    data: { leader, trailer, controlled: leaderDecisions.length, total },
                    related: leaderDecisions.map(decision => ({ uri: charter.uri, range: decision.source.nameRange, message: `${leader} controls ${nameOf('decision', decision.name)}.` }))
                });
            }
        }
    }
});
