import { defineRule, docsPath } from './rule.js';

export const unusedSuppression = defineRule({
    meta: {
        id: 'unused-suppression',
        severity: 'info',
        dimension: 'housekeeping',
        summary: 'A suppression comment suppresses nothing: no such finding on the next line, an unknown or structural rule id, an expiry date that has passed or is no date, or a comment meant as a suppression that is not written as one.',
        docs: docsPath('unused-suppression'),
        phase: 'suppressions'
    },
    check({ suppressionOutcomes, today, report }) {
        for (const outcome of suppressionOutcomes ?? []) {
            const { comment } = outcome;
            if (comment.unrecognised !== undefined) {
                report({ message: `This comment is not read as a suppression, so it suppresses nothing: ${comment.unrecognised}.`, range: comment.range });
                continue;
            }
            if (comment.ruleIds.length === 0) {
                report({ message: 'This suppression names no rule id.', range: comment.range });
                continue;
            }
            for (const { id, range } of comment.ruleIds) {
                const suggestion = outcome.suggestions[id];
                const why = outcome.unknown.includes(id) ? `no rule is called '${id}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}`
                    : outcome.structural.includes(id) ? `'${id}' is a structural rule and cannot be suppressed`
                        : outcome.badDate ? `its expiry '${comment.badUntil}' is no date of the calendar (write until YYYY-MM-DD)`
                            : outcome.expired ? `it expired on ${comment.until} (today is ${today}), so the finding is back`
                                : !outcome.used.includes(id) ? `there is no ${id} finding on the next line` : undefined;
                if (why) {
                    report({ message: `This suppression of ${id} suppresses nothing: ${why}.`, range, data: { ruleId: id } });
                }
            }
        }
    }
});
