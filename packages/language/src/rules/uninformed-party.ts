import { extendList, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';
import { listText, nameOf } from '../wording.js';

const INVOLVING = new Set(['proposers', 'deciders', 'consulted', 'informed']);

export const uninformedParty = defineRule<NoOptions, ElementData & { missingParties: string[] }>({
    meta: {
        id: 'uninformed-party',
        severity: 'info',
        dimension: 'openness',
        summary: 'A party neither decides, is consulted on, nor is informed of a decision (directly, through a role, or through a body it sits on).',
        docs: docsPath('uninformed-party'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const decision of charter.decisions) {
                const left = charter.parties.filter(party => !decision.involvedParties.includes(party));
                // A list of who takes part cut short while it is typed (`informs` and the block's end) may yet name them: its syntax error is the finding.
                if (left.length > 0 && decision.involvedParties.length > 0 && !decision.cutShort?.some(field => INVOLVING.has(field))) {
                    report({
                        message: `${listText(left)} ${left.length === 1 ? 'is' : 'are'} not told of ${nameOf('decision', decision.name)}: ${left.length === 1 ? 'it neither decides, is consulted nor is' : 'they neither decide, are consulted nor are'} informed.`,
                        range: decision.source.nameRange,
                        element: `${charter.name}.${decision.name}`,
                        data: { charter: charter.name, kind: 'decision', name: decision.name, missingParties: left }
                    });
                }
            }
        }
    },
    fix({ finding, charter, text }) {
        const decision = charter?.decisions.find(candidate => candidate.name === finding.data.name);
        const missing = finding.data.missingParties;
        if (!decision || missing.length === 0) {
            return [];
        }
        return [{ title: `Inform ${listText(missing)}`, edits: [extendList(text, decision.source, decision.informed, 'informs', missing)], preferred: true }];
    }
});
