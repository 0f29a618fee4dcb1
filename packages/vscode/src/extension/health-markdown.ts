/**
 * The health explanation as Markdown (for `entente.showHealth`): the overall
 * score, each dimension, each check with its numbers and the findings behind
 * it, linked to the rule docs. Pure (no `vscode` import).
 */
import type { CharterHealth, DimensionScore } from '@entente/language';
import type { CharterPreview } from '@entente/language/protocol';

const BAND_LABEL = { healthy: 'healthy', 'at-risk': 'at risk', critical: 'critical' } as const;

/** Escapes text from a charter so Markdown shows it as written (no links, emphasis, HTML or table breaks). */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_{}[\]()<>#+!|~&-]/g, character => `\\${character}`).replace(/\r?\n/g, ' ');
}

function scoreText(score: number | null, band?: keyof typeof BAND_LABEL): string {
    return score === null ? 'not measured' : `${score}${band ? ` (${BAND_LABEL[band]})` : ''}`;
}

function ruleLink(ruleId: string, docsBaseUrl: string): string {
    return /^[a-z0-9-]+$/.test(ruleId) ? `[\`${ruleId}\`](${docsBaseUrl}docs/rules/${ruleId}.md)` : `\`${escapeMarkdown(ruleId)}\``;
}

function dimensionSection(dimension: DimensionScore, docsBaseUrl: string): string[] {
    const lines = [`## ${escapeMarkdown(dimension.label)}: ${scoreText(dimension.score, dimension.band)}`, ''];
    if (dimension.checks.length === 0) {
        lines.push('Nothing in the charter to measure here yet.', '');
        return lines;
    }
    for (const check of dimension.checks) {
        const percent = Math.round(check.ratio * 100);
        lines.push(`- **${escapeMarkdown(check.title)}**: ${percent}% (${check.numerator} of ${check.denominator}). ${escapeMarkdown(check.explanation)}`);
        for (const finding of check.findings) {
            lines.push(`  - ${ruleLink(finding.ruleId, docsBaseUrl)} ${escapeMarkdown(finding.message)}`);
        }
    }
    lines.push('');
    return lines;
}

/** The Markdown explanation of one charter's health (or why there is none). */
export function healthMarkdown(preview: CharterPreview, docsBaseUrl: string): string {
    const charter = preview.model;
    const name = escapeMarkdown(charter.name);
    const health: CharterHealth | undefined = preview.health;
    const lines: string[] = [];
    lines.push(health ? `# Health of ${name}: ${scoreText(health.score, health.band)}` : `# Health of ${name}`, '');
    if (charter.title) {
        lines.push(`*${escapeMarkdown(charter.title)}*`, '');
    }
    if (!health) {
        lines.push('This version of the language server does not score charters.', '');
    } else {
        if (health.layers) {
            const layers = health.layers;
            const layerText = (score: number | null, band: keyof typeof BAND_LABEL | undefined, why: string | undefined) =>
                score === null ? `not measured${why ? ` (${escapeMarkdown(why)})` : ''}` : scoreText(score, band);
            lines.push('| Layer | Score |', '|---|---|',
                `| design | ${scoreText(health.score, health.band)} |`,
                `| execution | ${layerText(layers.execution.score, layers.execution.band, layers.execution.notMeasured)} |`,
                `| perceived | ${layerText(layers.perceived.score, layers.perceived.band, layers.perceived.notMeasured)}${layers.gap && layers.perceived.score !== null ? `, gap ${layers.gap.points} on ${layers.gap.pillar} (${escapeMarkdown(layers.gap.high.party)} ${layers.gap.high.score}, ${escapeMarkdown(layers.gap.low.party)} ${layers.gap.low.score})` : ''} |`,
                '');
            for (const check of [...layers.execution.checks, ...layers.perceived.checks]) {
                lines.push(`- **${check.layer}: ${escapeMarkdown(check.title)}**: ${Math.round(check.ratio * 100)}% (${check.numerator} of ${check.denominator}). ${escapeMarkdown(check.explanation)}`);
                for (const entry of check.entries) {
                    lines.push(`  - ${escapeMarkdown(entry.journal)}:${entry.line} ${entry.date} ${entry.kind}: ${escapeMarkdown(entry.reason)}`);
                }
                for (const missing of check.missing.slice(0, 5)) {
                    lines.push(`  - ${escapeMarkdown(missing)}`);
                }
            }
            lines.push('');
        }
        lines.push('| Dimension | Score | Weight |', '|---|---|---|');
        for (const dimension of Object.values(health.dimensions)) {
            lines.push(`| ${escapeMarkdown(dimension.label)} | ${scoreText(dimension.score, dimension.band)} | ${dimension.weight} |`);
        }
        lines.push('');
        for (const dimension of Object.values(health.dimensions)) {
            lines.push(...dimensionSection(dimension, docsBaseUrl));
        }
    }
    if (preview.findings.length > 0) {
        lines.push('## Findings', '');
        for (const finding of preview.findings) {
            lines.push(`- line ${finding.range.start.line + 1}, ${finding.severity}: ${escapeMarkdown(finding.message)} ${ruleLink(finding.ruleId, docsBaseUrl)}`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
