import { defineRule, docsPath } from './rule.js';

export const overdueCommitment = defineRule({
    meta: {
        id: 'overdue-commitment',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A commitment\'s `due` date is before today and its `status` is not `done`.',
        docs: docsPath('overdue-commitment'),
    },
    check({ document, today, report }) {
        for (const charter of document.charters) {
            for (const commitment of charter.commitments) {
                if (commitment.due && commitment.due < today && commitment.status !== 'done') {
                    const owner = commitment.owner ? ` by ${commitment.owner.text}` : '';
                    report({
                        message: `Commitment ${commitment.name} was due${owner} on ${commitment.due} and is not done (today is ${today}).`,
                        range: commitment.source.nameRange,
                        element: `${charter.name}.${commitment.name}`,
                        data: { charter: charter.name, kind: 'commitment', name: commitment.name, due: commitment.due }
                    });
                }
            }
        }
    }
});
