import { defineRule, docsPath } from './rule.js';

export const untimedEscalationLevel = defineRule({
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
                for (const level of escalation.levels.filter(l => !l.within)) {
                    report({
                        message: `Level ${level.index + 1} of ${escalation.name} has no time box, so a dispute can stall there.`,
                        range: level.range,
                        element: `${charter.name}.${escalation.name}`,
                        data: { charter: charter.name, kind: 'escalation', name: escalation.name, level: level.index, levelEnd: level.range.end }
                    });
                }
            }
        }
    }
});
