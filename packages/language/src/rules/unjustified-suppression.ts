import { defineRule, docsPath } from './rule.js';

export const unjustifiedSuppression = defineRule({
    meta: {
        id: 'unjustified-suppression',
        severity: 'info',
        dimension: 'housekeeping',
        summary: 'A suppression comment gives no reason after `--`.',
        docs: docsPath('unjustified-suppression'),
        phase: 'suppressions'
    },
    check({ suppressionOutcomes, report }) {
        for (const { comment } of suppressionOutcomes ?? []) {
            // A comment not read as a suppression is reported by unused-suppression, once.
            if (!comment.reason && comment.unrecognised === undefined) {
                report({
                    message: `This suppression of ${comment.ruleIds.map(r => r.id).join(', ') || 'nothing'} gives no reason; add one after '--' so reviewers know why.`,
                    range: comment.range,
                    data: { line: comment.line }
                });
            }
        }
    }
});
