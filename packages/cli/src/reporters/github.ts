import type { Severity } from '@entente/language';
import { notShownNote, plural, sortedFindings, summarise, type Reporter } from './reporter.js';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its
 * line of the pull request (`::warning file=…,line=…::message`).
 */
export const githubReporter: Reporter = (files, { notShown }) => {
    const lines: string[] = [];
    for (const file of files) {
        for (const finding of sortedFindings(file)) {
            const properties = {
                file: file.file.displayPath.split('\\').join('/'),
                line: finding.range.start.line + 1,
                col: finding.range.start.character + 1,
                endLine: finding.range.end.line + 1,
                endColumn: finding.range.end.character + 1,
                title: finding.ruleId
            };
            const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
            lines.push(`::${COMMANDS[finding.severity]} ${list}::${escapeData(finding.message)}`);
        }
    }
    const summary = summarise(files);
    lines.push(notShown
        ? `Entente: ${plural(summary.errors, 'error')} in ${plural(summary.files, 'file')}${notShownNote(notShown)}.`
        : `Entente: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos + summary.hints, 'info')} in ${plural(summary.files, 'file')}.`);
    return lines.join('\n') + '\n';
};

/** Escapes a workflow command's message, as `@actions/core` does. */
export function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: the message escapes, plus `:` and `,`. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
