import { nameOf } from '../wording.js';
import { count, defineRule, docsPath } from './rule.js';

export const orphanParty = defineRule({
    meta: {
        id: 'orphan-party',
        severity: 'warning',
        dimension: 'equality',
        summary: 'A charter party has no seat on any body and decides no decision: it has no say.',
        docs: docsPath('orphan-party'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const party of charter.parties) {
                const seated = charter.bodies.some(body => (body.seatsByParty[party] ?? 0) > 0);
                const decides = charter.decisions.some(decision => (decision.seatsByParty[party] ?? 0) > 0);
                if (!seated && !decides) {
                    const mention = charter.partyRefs.find(ref => ref.name === party);
                    report({
                        message: charter.decisions.length === 1
                            ? `${party} has no seat on any body and does not decide ${nameOf('decision', charter.decisions[0].name)}, the only decision of ${nameOf('charter', charter.name)}.`
                            : charter.decisions.length
                                ? `${party} has no seat on any body and decides none of the ${count(charter.decisions.length, 'decision')} of ${nameOf('charter', charter.name)}.`
                                : `${party} has no seat on any body and ${nameOf('charter', charter.name)} has no decision for it to take.`,
                        range: mention?.range ?? charter.source.nameRange,
                        element: charter.name,
                        data: { party }
                    });
                }
            }
        }
    }
});
