import { changeHeadline, describeAttribute, describeCheckMoves, describeSay, DIMENSION_IDS, signed, type CharterDiff, type ElementChange, type FindingChanges, type HealthDelta, type ScoreDelta } from '@entente/language';
import { plural } from '../reporters/reporter.js';
import { charterPlace, entryPlace, entryText, findingPlace, journalWithoutCharterLine, summaryLine, type DiffReport } from './report.js';

const MARKS: Record<ElementChange['change'], string> = { added: '+', removed: '-', renamed: '→', changed: '~' };
const COLORS: Record<string, string> = { '+': '\x1b[32m', '-': '\x1b[31m', '→': '\x1b[36m', '~': '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m' };

/** The diff for a terminal: a summary line, then per charter its changes, findings and score moves. */
export function prettyDiff(report: DiffReport, color: boolean): string {
    const paint = (style: string, text: string) => (color ? `${COLORS[style]}${text}\x1b[0m` : text);
    const { diff } = report;
    const lines = [paint('bold', `Governance diff: ${report.oldLabel} → ${report.newLabel}`), summaryLine(diff, plural),
        ...(diff.journalsWithoutCharter ?? []).map(item => journalWithoutCharterLine(report, item))];
    const changeLines = (changes: ElementChange[], indent: string) => changes.flatMap(change => {
        const mark = MARKS[change.change];
        const head = `${indent}${paint(mark, mark)} ${change.change} ${changeHeadline(change)}`;
        if (change.change === 'changed' && change.attributes.length === 1) {
            return [`${head}: ${describeAttribute(change.attributes[0], change.change)}`];
        }
        return [head, ...change.attributes.map(attribute => `${indent}    ${describeAttribute(attribute, change.change)}`)];
    });
    const findingLines = (findings: FindingChanges, indent: string) => [
        ...findings.introduced.map(item => `${indent}${paint('+', '+')} new ${item.severity} ${item.ruleId}: ${item.message} ${paint('dim', `(${findingPlace(report, item, 'new')})`)}`),
        ...findings.resolved.map(item => `${indent}${paint('-', '-')} resolved ${item.severity} ${item.ruleId}: ${item.message} ${paint('dim', `(${findingPlace(report, item, 'old')})`)}`)
    ];
    if (diff.parties.length) {
        lines.push('', paint('bold', 'Parties'), ...changeLines(diff.parties, '  '));
    }
    const unchanged: CharterDiff[] = [];
    for (const charter of diff.charters) {
        const entryLines = (charter.journal ?? []).map(change => {
            const mark = MARKS[change.change];
            const text = entryText(change, attributes => attributes.map(attribute => describeAttribute(attribute, 'changed')).join(', '));
            return `  ${paint(mark, mark)} entry ${text} ${paint('dim', `(${entryPlace(report, change)})`)}`;
        });
        const body = [
            ...changeLines(charter.changes, '  '), ...entryLines, ...findingLines(charter.findings, '  '),
            ...(charter.regressions ?? []).map(regression => `  ${paint('-', '!')} regression: ${regression}`),
            ...((charter.say ?? []).length ? [`  say: ${charter.say.map(describeSay).join('; ')}`] : [])
        ];
        const health = healthLine(charter.health, charter.change);
        if (charter.change === 'unchanged' && body.length === 0 && !health.moved) {
            unchanged.push(charter);
            continue;
        }
        const title = charter.oldName !== undefined ? `${charter.oldName} → ${charter.name}` : charter.name;
        lines.push('', `${paint('bold', `Charter ${title}`)} ${charter.change} ${paint('dim', `(${charterPlace(report, charter)})`)}`, ...body, `  health: ${health.text}`);
    }
    if (diff.findings.introduced.length || diff.findings.resolved.length) {
        lines.push('', paint('bold', 'Other findings'), ...findingLines(diff.findings, '  '));
    }
    if (unchanged.length) {
        lines.push('', `Unchanged: ${unchanged.map(charter => `${charter.name} (health ${charter.health.overall.after ?? 'not measured'})`).join(', ')}.`);
    }
    return lines.join('\n') + '\n';
}

/** `51 → 39 (-12)`; `not measured` on a side where a charter present on both is not measured, `n/a` on the side it is absent from. */
function scoreText(score: ScoreDelta, change: CharterDiff['change']): string {
    const show = (value: number | null, absent: boolean) => (value !== null ? String(value) : absent ? 'n/a' : 'not measured');
    if (score.before === score.after) {
        return show(score.after, change === 'removed');
    }
    return `${show(score.before, change === 'added')} → ${show(score.after, change === 'removed')}${score.delta !== null ? ` (${signed(score.delta)})` : ''}`;
}

/** `overall 95 → 90 (-5); equality 100 → 80 (-20)`, listing only the dimensions that moved. */
function healthLine(health: HealthDelta, change: CharterDiff['change']): { text: string; moved: boolean } {
    const movedDimensions = DIMENSION_IDS.filter(id => health.dimensions[id].before !== health.dimensions[id].after);
    const movedLayers = (['execution', 'perceived'] as const).filter(id => health[id] && health[id]!.before !== health[id]!.after);
    const moved = health.overall.before !== health.overall.after || movedDimensions.length > 0 || movedLayers.length > 0;
    const moves = (id: (typeof DIMENSION_IDS)[number]) => {
        const checks = describeCheckMoves(health.checks ?? [], id);
        return checks ? ` [${checks}]` : '';
    };
    const parts = [`overall ${scoreText(health.overall, change)}`, ...movedDimensions.map(id => `${id} ${scoreText(health.dimensions[id], change)}${moves(id)}`),
        ...movedLayers.map(id => `${id} ${scoreText(health[id]!, change)}`)];
    return { text: moved ? parts.join('; ') : `${parts[0]} (no change)`, moved };
}
