import type { TextReplacement } from '../model/types.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';

export const syntax = defineRule<NoOptions, { replacements: TextReplacement[] }>({
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
            report({ message: sentence(problem.message), range: problem.range, data: { replacements: problem.replacements ?? [] } });
        }
    },
    // What the text probably meant, where that is clear (a kind of journal entry misspelt, a typographic quote); preferred when it is the only guess.
    fix({ finding }) {
        const { replacements } = finding.data;
        return replacements.map(({ title, range, newText }) => ({ title, edits: [{ range, newText }], preferred: replacements.length === 1 }));
    }
});

function sentence(message: string): string {
    const trimmed = message.replace(/\s+/g, ' ').trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
