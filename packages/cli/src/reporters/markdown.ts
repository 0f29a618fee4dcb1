import { DOCS_BASE_URL, type Severity } from '@entente/language';
import { notShownNote, plural, sortedFindings, summarise, type Reporter } from './reporter.js';
import { terminalSafe } from './terminal-text.js';

/** Rows shown before the rest are folded into a count, to keep a comment readable. */
const MAX_ROWS = 100;
/** A finding's severity at a glance, in the check comment and the diff comment alike. */
export const ICONS: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵', hint: '⚪' };

/** A summary for a pull-request comment: counts, then a table of findings linking each rule to its docs. */
export const markdownReporter: Reporter = (files, { notShown }) => {
    const summary = summarise(files);
    const total = summary.errors + summary.warnings + summary.infos + summary.hints;
    const lines = ['### Entente check', ''];
    // With --quiet, only errors are listed: the counts are of errors, and say what else was found.
    const rest = notShown ? notShownNote(notShown) : '';
    if (total === 0) {
        lines.push(notShown ? `✅ No errors in ${plural(summary.files, 'charter file')}${rest}.` : `✅ No findings in ${plural(summary.files, 'charter file')}.`);
        return lines.join('\n') + '\n';
    }
    const counts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning'), plural(summary.infos + summary.hints, 'info')];
    lines.push(notShown
        ? `❌ **${plural(summary.errors, 'error')}** in ${summary.filesWithFindings} of ${plural(summary.files, 'charter file')}${rest}.`
        : `${summary.errors ? '❌' : '⚠️'} **${plural(total, 'finding')}** (${counts.join(', ')}) in ${summary.filesWithFindings} of ${plural(summary.files, 'charter file')}.`, '');
    lines.push('| | Where | Finding | Rule |', '|---|---|---|---|');
    const rows = files.flatMap(file => sortedFindings(file).map(finding =>
        `| ${ICONS[finding.severity]} ${finding.severity} | ${codeSpan(`${file.file.displayPath}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`)} | ${escapeMarkdown(finding.message)} | ${ruleLink(finding.ruleId)} |`));
    lines.push(...rows.slice(0, MAX_ROWS));
    if (rows.length > MAX_ROWS) {
        lines.push('', `…and ${plural(rows.length - MAX_ROWS, 'more finding')}: run \`entente check\` to see them all.`);
    }
    return lines.join('\n') + '\n';
};

/** The rule's id, linked to its docs page (an id that is no rule's, from a plugin say, as text). */
export function ruleLink(ruleId: string): string {
    return /^[a-z0-9-]+$/.test(ruleId) ? `[${ruleId}](${DOCS_BASE_URL}docs/rules/${ruleId}.md)` : escapeMarkdown(ruleId);
}

/** Text as inline code, safe inside a table cell: one line, no backtick to close it early, no column break. */
export function codeSpan(text: string): string {
    return `\`${terminalSafe(oneLine(text)).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/**
 * Makes text inert in Markdown (and in a table cell): no emphasis, links,
 * HTML, headings or column breaks; one line; no @mention that would ping
 * someone from a pull-request comment (a zero-width space after the @);
 * control and bidirectional characters shown as escapes.
 */
export function escapeMarkdown(text: string): string {
    return terminalSafe(oneLine(text))
        .replace(/[\\`*_{}[\]()<>#+!|~&-]/g, character => `\\${character}`)
        .replace(/@(?=[\w-])/g, '@\u200b');
}

function oneLine(text: string): string {
    return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
