import { DIMENSION_IDS, type CharterHealth } from '@entente/language';
import { parseChoice, parseCount, parseDate, parseFlags, type Command } from '../command.js';
import { CliWorkspace } from '../workspace.js';

const FORMATS = ['table', 'json'] as const;

/** One scored charter with the file it stands in. */
export interface ScoredCharter {
    path: string;
    health: CharterHealth;
}

/** Scores every charter of the workspace (model, findings and health all cached per document). */
export function scoreWorkspace(workspace: CliWorkspace): ScoredCharter[] {
    return workspace.files.flatMap(file => workspace.services.charter.HealthScorer.score(file.document, file.findings)
        .map(health => ({ path: file.file.displayPath, health })));
}

export const scoreCommand: Command = {
    name: 'score',
    summary: 'Score the health of each charter (equality, openness, conflict, accountability, outcomes).',
    help: `Usage: entente score [paths...] [options]

Scores each charter's health, 0-100 overall and per dimension, with bands:
80+ healthy, 60-79 at risk, below 60 critical (method: docs/health.md).

Options:
  --format <table|json>   output format (default: table)
  --explain               list every check below 1 with the findings behind it
  --min-score <n>         exit 1 when a charter scores below n (a CI gate)
  --today <YYYY-MM-DD>    the date date-dependent checks use (default: today)
  --config <path>         use this entente.json
  -h, --help              show this help`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            format: { type: 'string' },
            explain: { type: 'boolean' },
            'min-score': { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const format = parseChoice(values.format, '--format', FORMATS, 'table');
        const minScore = parseCount(values['min-score'], '--min-score');
        const workspace = await CliWorkspace.load(positionals, { today: parseDate(values.today, '--today'), configPath: values.config });
        const scored = scoreWorkspace(workspace);
        io.out(format === 'json' ? jsonScores(scored) : tableScores(scored, !!values.explain, io.color));
        const failing = minScore === undefined ? [] : scored.filter(({ health }) => health.score !== null && health.score < minScore);
        if (failing.length > 0 && format !== 'json') {
            io.err(`entente: ${failing.map(({ health }) => `${health.charter} scores ${health.score}`).join(', ')}, below --min-score ${minScore}\n`);
        }
        return failing.length > 0 ? 1 : 0;
    }
};

function jsonScores(scored: ScoredCharter[]): string {
    return JSON.stringify({
        charters: scored.map(({ path, health }) => ({
            name: health.charter,
            path,
            score: health.score,
            band: health.band ?? null,
            cap: health.cap ?? null,
            dimensions: Object.fromEntries(DIMENSION_IDS.map(id => {
                const dimension = health.dimensions[id];
                return [id, { score: dimension.score, band: dimension.band ?? null, weight: dimension.weight, cap: dimension.cap ?? null, checks: dimension.checks }];
            }))
        }))
    }, null, 2) + '\n';
}

const BAND_COLOR: Record<string, string> = { healthy: '\x1b[32m', 'at-risk': '\x1b[33m', critical: '\x1b[31m' };

function tableScores(scored: ScoredCharter[], explain: boolean, color: boolean): string {
    const paint = (band: string | undefined, text: string) => (color && band ? `${BAND_COLOR[band]}${text}\x1b[0m` : text);
    const cell = (score: number | null, band: string | undefined) => (score === null ? 'not measured' : paint(band, `${String(score).padStart(3)} ${band}`));
    const blocks = scored.map(({ path, health }) => {
        const rows: Array<[string, string]> = [
            ['overall', cell(health.score, health.band)],
            ...DIMENSION_IDS.map(id => [health.dimensions[id].label, cell(health.dimensions[id].score, health.dimensions[id].band)] as [string, string])
        ];
        const lines = [`${health.charter}  (${path})`, ...rows.map(([label, value]) => `  ${label.padEnd(15)} ${value}`)];
        if (explain) {
            const below = DIMENSION_IDS.flatMap(id => health.dimensions[id].checks.filter(check => check.ratio < 1));
            lines.push(below.length ? '  checks below 1:' : '  every check scores 1.');
            for (const check of below) {
                lines.push(`    ${check.dimension}: ${check.title} ${check.ratio.toFixed(2)}${check.caps ? ' (caps the score at 79)' : ''} — ${check.explanation}`);
                if (check.elements.length) {
                    lines.push(`      elements: ${check.elements.join(', ')}`);
                }
                for (const finding of check.findings) {
                    lines.push(`      ${finding.ruleId}: ${finding.message}`);
                }
            }
            if (health.cap) {
                lines.push(`  overall capped at ${health.cap.limit}: ${health.cap.reasons.join('; ')}`);
            }
        }
        return lines.join('\n');
    });
    return blocks.join('\n\n') + '\n';
}
