import { defineRule, docsPath } from './rule.js';

export const syntax = defineRule({
    meta: {
        id: 'syntax',
        severity: 'error',
        dimension: 'structure',
        summary: 'The parser cannot read the text: a missing brace, a misspelt keyword, a clause cut short, or a date that does not exist (`2026-02-30`).',
        docs: docsPath('syntax'),
        structural: true
    },
    check({ document, report }) {
        for (const problem of document.syntaxProblems) {
            report({ message: sentence(problem.message), range: problem.range });
        }
    }
});

function sentence(message: string): string {
    const trimmed = message.replace(/\s+/g, ' ').trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
