import type { Finding, Severity } from '@entente/language';
import { notShownNote, plural, sortedFindings, summarise, type Reporter, type Summary } from './reporter.js';
import { terminalSafe } from './terminal-text.js';

const COLORS: Record<Severity | 'dim' | 'bold' | 'ok', string> = {
    error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m', dim: '\x1b[90m', bold: '\x1b[1m', ok: '\x1b[32m'
};
const RESET = '\x1b[0m';

/** `path:line:col  severity  message  rule-id`, grouped by file, then a summary line. */
export const prettyReporter: Reporter = (files, { color, notShown }) => {
    const paint = (style: keyof typeof COLORS, text: string) => (color ? `${COLORS[style]}${text}${RESET}` : text);
    const blocks: string[] = [];
    for (const file of files) {
        const findings = sortedFindings(file);
        if (findings.length === 0) {
            continue;
        }
        const lines = findings.map(finding => findingLine(file.file.displayPath, finding, color));
        blocks.push(lines.join('\n'));
    }
    const summary = summarise(files);
    const total = summary.errors + summary.warnings + summary.infos + summary.hints;
    const counts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.infos, 'info')];
    if (summary.hints) {
        counts.push(plural(summary.hints, 'hint'));
    }
    const line = notShown
        ? quietLine(summary, notShown, paint)
        : total === 0
            ? paint('ok', `✔ No findings in ${plural(summary.files, 'file')}.`)
            : paint(summary.errors ? 'error' : 'warning', `✖ ${plural(total, 'finding')} (${counts.join(', ')}) in ${summary.filesWithFindings} of ${plural(summary.files, 'file')}.`);
    return [...blocks, line].join('\n\n') + '\n';
};

/** One finding as check's pretty format prints it: `path:line:col  severity  message  rule-id` (also fmt's word on a file it cannot read). */
export function findingLine(displayPath: string, finding: Finding, color: boolean): string {
    const paint = (style: keyof typeof COLORS, text: string) => (color ? `${COLORS[style]}${text}${RESET}` : text);
    // File names and messages (which quote charter text) may hold escape sequences: shown, never run.
    const where = `${terminalSafe(displayPath)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    return `${where}  ${paint(finding.severity, finding.severity.padEnd(7))}  ${terminalSafe(finding.message)}  ${paint('dim', terminalSafe(finding.ruleId))}`;
}

/** With --quiet, errors only are shown: the summary counts them and says what else was found, never "no findings". */
function quietLine(shown: Summary, notShown: Summary, paint: (style: keyof typeof COLORS, text: string) => string): string {
    const rest = notShownNote(notShown);
    return shown.errors === 0
        ? paint('ok', `✔ No errors in ${plural(shown.files, 'file')}${rest}.`)
        : paint('error', `✖ ${plural(shown.errors, 'error')} in ${shown.filesWithFindings} of ${plural(shown.files, 'file')}${rest}.`);
}
