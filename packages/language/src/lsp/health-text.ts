import { DIMENSION_IDS, type CharterHealth } from '../health/types.js';

/** `Health 78 · equality 55 · openness 90 · …`, with `—` for a dimension not measured. */
export function healthSummary(health: CharterHealth): string {
    const score = (value: number | null) => (value === null ? '—' : String(value));
    return [`Health ${score(health.score)}`, ...DIMENSION_IDS.map(id => `${health.dimensions[id].label} ${score(health.dimensions[id].score)}`)].join(' · ');
}

/** Markdown: the dimension breakdown with bands and the top reasons (checks below 1, lowest first). */
export function healthMarkdown(health: CharterHealth, maxReasons = 5): string {
    const band = (value: string | undefined) => (value ? ` (${value})` : '');
    const lines = [
        `**${health.charter}** — health **${health.score ?? 'not measured'}**${band(health.band)}`,
        '',
        '| dimension | score |',
        '|---|---|',
        ...DIMENSION_IDS.map(id => {
            const dimension = health.dimensions[id];
            return `| ${dimension.label} | ${dimension.score === null ? 'not measured' : `${dimension.score}${band(dimension.band)}`} |`;
        })
    ];
    if (health.cap) {
        lines.push('', `Capped at ${health.cap.limit} (at risk): ${health.cap.reasons.join('; ')}.`);
    }
    const below = DIMENSION_IDS.flatMap(id => health.dimensions[id].checks).filter(check => check.ratio < 1).sort((a, b) => a.ratio - b.ratio);
    if (below.length > 0) {
        lines.push('', '**Top reasons**', '');
        for (const check of below.slice(0, maxReasons)) {
            const finding = check.findings[0];
            const elements = check.elements.length ? ` (${check.elements.join(', ')})` : '';
            lines.push(`- ${check.dimension} · ${check.title} ${Math.round(check.ratio * 100)}%${elements}: ${finding ? `${finding.message} [${finding.ruleId}]` : check.explanation}`);
        }
        if (below.length > maxReasons) {
            lines.push(`- … and ${below.length - maxReasons} more (\`entente score --explain\`)`);
        }
    }
    return lines.join('\n');
}
