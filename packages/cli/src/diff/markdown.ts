import { layersMoved } from '@entente/language';
import { changeHeadline, describeAttribute, describeCheckMoves, describeSay, DIMENSION_IDS, signed, type CharterDiff, type ElementChange, type FindingChanges, type ScoreDelta } from '@entente/language';
import { codeSpan, escapeMarkdown, ICONS, ruleLink } from '../reporters/markdown.js';
import { plural } from '../reporters/reporter.js';
import { charterPlace, entryPlace, findingPlace, journalWithoutCharterLine, summaryLine, type DiffReport } from './report.js';

const VERBS: Record<ElementChange['change'], string> = { added: '➕ added', removed: '➖ removed', renamed: '✏️ renamed', changed: '🔄 changed' };

/** The diff as a pull-request comment: heading, summary, a table of score moves, then a section a changed charter. */
export function markdownDiff(report: DiffReport): string {
    const { diff } = report;
    // What was compared (in a pull request: from the merge base, or a fallback to the base branch against the working tree).
    const lines = ['### Entente governance diff', '', `${escapeMarkdown(summaryLine(diff, plural))}`, '', `Compared ${codeSpan(report.oldLabel)} → ${codeSpan(report.newLabel)}.`,
        ...(diff.journalsWithoutCharter ?? []).flatMap(item => ['', `⚠️ ${escapeMarkdown(journalWithoutCharterLine(report, item))}`])];
    const shown = diff.charters.filter(charter => charter.change !== 'unchanged' || charter.findings.introduced.length || charter.findings.resolved.length ||
        charter.health.overall.before !== charter.health.overall.after || layersMoved(charter.health));
    // The journal's layers get their columns when a charter has a journal on either side.
    const withLayers = shown.some(charter => [charter.health.execution, charter.health.perceived].some(delta => delta && (delta.before !== null || delta.after !== null)));
    const layerIds = withLayers ? (['execution', 'perceived'] as const) : [];
    // The table has the charters the change touched; the others are named on one line, as the terminal report does,
    // so that in a repository of many charters the one a pull request changed is not lost among rows that did not move.
    if (shown.length) {
        lines.push('', `| Charter | overall | ${[...DIMENSION_IDS, ...layerIds].join(' | ')} |`, `|---|---|${[...DIMENSION_IDS, ...layerIds].map(() => '---').join('|')}|`);
        for (const charter of shown) {
            lines.push(`| ${escapeMarkdown(charter.name)} | ${cell(charter.health.overall, charter.change)} | ${[...DIMENSION_IDS.map(id => cell(charter.health.dimensions[id], charter.change)), ...layerIds.map(id => cell(charter.health[id] ?? { before: null, after: null, delta: null }, charter.change))].join(' | ')} |`);
        }
    }
    const unchanged = diff.charters.filter(charter => !shown.includes(charter));
    if (unchanged.length) {
        lines.push('', `Unchanged: ${escapeMarkdown(unchanged.map(charter => `${charter.name} (health ${charter.health.overall.after ?? 'not measured'})`).join(', '))}.`);
    }
    if (diff.parties.length) {
        lines.push('', '#### Parties', '', ...changeBullets(diff.parties));
    }
    for (const charter of shown) {
        const title = charter.oldName !== undefined ? `${charter.oldName} → ${charter.name}` : charter.name;
        lines.push('', `#### ${escapeMarkdown(title)} (${charter.change})`, '', `In ${codeSpan(charterPlace(report, charter))}.`, '');
        const moved = DIMENSION_IDS.filter(id => charter.health.dimensions[id].before !== charter.health.dimensions[id].after && describeCheckMoves(charter.health.checks ?? [], id));
        const bullets = [
            ...changeBullets(charter.changes),
            ...(charter.journal ?? []).map(change => `- ${VERBS[change.change]} entry **${escapeMarkdown(change.change === 'changed' ? change.headline : change.entry)}**${change.change === 'changed'
                ? `: ${escapeMarkdown(change.attributes.map(attribute => describeAttribute(attribute, 'changed')).join(', '))}` : ''} (${codeSpan(entryPlace(report, change))})`),
            ...findingBullets(report, charter.findings),
            ...(charter.regressions ?? []).map(regression => `- 🔻 regression: ${escapeMarkdown(regression)}`),
            ...((charter.say ?? []).length ? [`- ⚖️ say: ${escapeMarkdown(charter.say.map(describeSay).join('; '))}`] : []),
            ...moved.map(id => `- 📉 ${id} moved by: ${escapeMarkdown(describeCheckMoves(charter.health.checks, id))}`),
            // The journal's layers, as the terminal's `health:` line gives them: what a journal entry or a broken link did.
            ...(['execution', 'perceived'] as const).flatMap(id => {
                const score = charter.health[id];
                return score && score.before !== score.after ? [`- 📓 ${id} ${scoreMove(score, charter.change)}`] : [];
            })
        ];
        lines.push(...(bullets.length ? bullets : ['- No change to its elements.']));
    }
    if (diff.findings.introduced.length || diff.findings.resolved.length) {
        lines.push('', '#### Other findings', '', ...findingBullets(report, diff.findings));
    }
    return fitComment(lines);
}

/** GitHub refuses comments over 65,536 characters: keep whole lines up to a margin below that and say what was left out. */
const MAX_COMMENT_CHARS = 60_000;

function fitComment(lines: string[]): string {
    const text = lines.join('\n') + '\n';
    if (text.length <= MAX_COMMENT_CHARS) {
        return text;
    }
    const kept: string[] = [];
    let length = 0;
    for (const line of lines) {
        if (length + line.length + 1 > MAX_COMMENT_CHARS) {
            break;
        }
        kept.push(line);
        length += line.length + 1;
    }
    return [...kept, '', `…and ${lines.length - kept.length} more lines: run \`entente diff\` for the whole report.`].join('\n') + '\n';
}

function cell(score: ScoreDelta, change: CharterDiff['change']): string {
    if (score.before === score.after) {
        return score.after === null ? '–' : String(score.after);
    }
    return scoreMove(score, change);
}

/**
 * `51 → 39 (-12) 🔻`. A layer of a charter on both sides measured on one side only reads `not measured` on the
 * other, and a layer lost is marked 🔻 (it is a drop for `--fail-on-score-drop`); the side a charter is absent
 * from (added, removed) reads `–`.
 */
function scoreMove(score: ScoreDelta, change: CharterDiff['change']): string {
    const show = (value: number | null, absent: boolean) => (value !== null ? String(value) : absent ? '–' : 'not measured');
    const lost = score.before !== null && score.after === null && change !== 'removed';
    const arrow = score.delta !== null ? (score.delta > 0 ? ' 🟢' : ' 🔻') : lost ? ' 🔻' : '';
    return `${show(score.before, change === 'added')} → ${show(score.after, change === 'removed')}${score.delta !== null ? ` (${signed(score.delta)})` : ''}${arrow}`;
}

function changeBullets(changes: ElementChange[]): string[] {
    return changes.flatMap(change => {
        const head = `- ${VERBS[change.change]} **${escapeMarkdown(changeHeadline(change))}**`;
        if (change.attributes.length === 0) {
            return [head];
        }
        if (change.change === 'changed' && change.attributes.length === 1) {
            return [`${head}: ${escapeMarkdown(describeAttribute(change.attributes[0], change.change))}`];
        }
        return [head, ...change.attributes.map(attribute => `  - ${escapeMarkdown(describeAttribute(attribute, change.change))}`)];
    });
}

function findingBullets(report: DiffReport, findings: FindingChanges): string[] {
    return [
        // The severity's icon of the check comment (a new error is no warning), the rule linked to its docs page.
        ...findings.introduced.map(item => `- ${ICONS[item.severity]} new ${item.severity} ${ruleLink(item.ruleId)}: ${escapeMarkdown(item.message)} (${codeSpan(findingPlace(report, item, 'new'))})`),
        ...findings.resolved.map(item => `- ✅ resolved ${item.severity} ${ruleLink(item.ruleId)}: ${escapeMarkdown(item.message)} (${codeSpan(findingPlace(report, item, 'old'))})`)
    ];
}
