import { nameOf } from '../wording.js';
import { defineRule, docsPath } from './rule.js';

interface Options {
    /** Only charters with at least this many commitments are judged. */
    minCommitments: number;
    /** The share of commitments one party owes that makes the balance one-sided. */
    share: number;
}

export const unbalancedCommitments = defineRule<Options>({
    meta: {
        id: 'unbalanced-commitments',
        severity: 'warning',
        dimension: 'equality',
        summary: 'With 4 or more commitments, one party owes 75% or more of them.',
        docs: docsPath('unbalanced-commitments'),
        options: { minCommitments: 4, share: 0.75 },
        optionRanges: { minCommitments: { min: 0, whole: true }, share: { min: 0, max: 1 } }
    },
    check({ document, options, report }) {
        for (const charter of document.charters) {
            const total = charter.commitments.length;
            if (total < options.minCommitments || charter.parties.length < 2) {
                continue;
            }
            for (const party of charter.parties) {
                const owed = charter.commitments.filter(commitment => commitment.ownerParties.includes(party));
                if (owed.length >= options.share * total) {
                    const others = charter.parties.filter(other => other !== party)
                        .map(other => `${other} owes ${charter.commitments.filter(c => c.ownerParties.includes(other)).length}`);
                    report({
                        message: `${party} owes ${owed.length} of ${total} commitments; ${others.join(', ')}.`,
                        range: charter.source.nameRange,
                        element: charter.name,
                        data: { party, owed: owed.length, total },
                        related: owed.map(commitment => ({ uri: charter.uri, range: commitment.source.nameRange, message: `${party} owes ${nameOf('commitment', commitment.name)}.` }))
                    });
                }
            }
        }
    }
});
