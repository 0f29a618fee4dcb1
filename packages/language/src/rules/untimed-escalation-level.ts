import { nameOf } from '../wording.js';
import type { Position } from '../model/types.js';
import type { ElementData } from './fixes/edits.js';
import { defineRule, docsPath, lacks, type NoOptions } from './rule.js';

export const untimedEscalationLevel = defineRule<NoOptions, ElementData & { level: number; levelEnd: Position }>({
    meta: {
        id: 'untimed-escalation-level',
        severity: 'warning',
        dimension: 'conflict',
        summary: 'An escalation level has no `within` time box.',
        docs: docsPath('untimed-escalation-level'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const escalation of charter.escalations) {
                for (const level of escalation.levels.filter(l => lacks(l, 'within'))) {
                    report({
                        message: `Level ${level.index + 1} of ${nameOf('escalation', escalation.name)} has no time box, so a dispute can stall there.`,
                        range: level.range,
                        element: `${charter.name}.${escalation.name}`,
                        data: { charter: charter.name, kind: 'escalation', name: escalation.name, level: level.index, levelEnd: level.range.end }
                    });
                }
            }
        }
    },
    fix({ finding }) {
        const end = finding.data.levelEnd;
        return [{ title: 'Add within 14 days', edits: [{ range: { start: end, end }, newText: ' within 14 days' }], preferred: true }];
    }
});
