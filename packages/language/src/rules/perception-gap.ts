import { PILLARS, type AssessedEntry, type Pillar } from '../model/journal-types.js';
import { charterRange, charterReporters } from '../journal/rule-helpers.js';
import { defineRule, docsPath } from './rule.js';

/** The largest difference between two parties' latest assessments on one pillar. */
export function largestGap(latest: Record<string, AssessedEntry>, parties: readonly string[]): { pillar: Pillar; gap: number; high: AssessedEntry; low: AssessedEntry } | undefined {
    let best: { pillar: Pillar; gap: number; high: AssessedEntry; low: AssessedEntry } | undefined;
    const assessed = parties.map(party => latest[party]).filter((entry): entry is AssessedEntry => entry !== undefined);
    for (const pillar of PILLARS) {
        const scored = assessed.filter(entry => entry.scores[pillar] !== undefined);
        if (scored.length < 2) continue;
        const high = scored.reduce((a, b) => (b.scores[pillar]! > a.scores[pillar]! ? b : a));
        const lowest = scored.reduce((a, b) => (b.scores[pillar]! < a.scores[pillar]! ? b : a));
        // Two parties even when all agree (a gap of 0): the first is then both the highest and the lowest.
        const low = lowest === high ? scored[1] : lowest;
        const gap = high.scores[pillar]! - low.scores[pillar]!;
        if (!best || gap > best.gap) best = { pillar, gap, high, low };
    }
    return best;
}

export const perceptionGap = defineRule<{ gap: number }>({
    meta: {
        id: 'perception-gap',
        severity: 'warning',
        dimension: 'perception',
        summary: 'In the latest assessment of each party, two parties differ by 2 or more on one pillar.',
        docs: docsPath('perception-gap'),
        options: { gap: 2 },
        optionRanges: { gap: { min: 0, max: 4 } }
    },
    check({ today, options, report, ...context }) {
        for (const { journal, history } of charterReporters(context)) {
            const latest = Object.fromEntries(Object.entries(history.latestAssessments).filter(([, entry]) => entry.date <= today));
            const found = largestGap(latest, history.charter.parties);
            if (found && found.gap >= options.gap) {
                const { pillar, gap, high, low } = found;
                report({
                    message: `${high.party!.text} rates ${pillar} ${high.scores[pillar]} and ${low.party!.text} rates it ${low.scores[pillar]} (gap ${gap}) in their latest assessments.`,
                    range: charterRange(journal),
                    element: history.charter.name,
                    related: [high, low].map(entry => ({ uri: entry.uri, range: entry.range, message: `${entry.party!.text}'s assessment of ${entry.date}.` })),
                    data: { charter: history.charter.name, pillar, gap }
                });
            }
        }
    }
});
