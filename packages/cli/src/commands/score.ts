import { terminalSafe } from '../reporters/terminal-text.js';
import { DIMENSION_IDS, layersLine, type CharterHealth, type LayerScore } from '@entente/language';
import { CliError } from '../cli-error.js';
import { plural } from '../reporters/reporter.js';
import { parseChoice, parseCount, parseDate, parseFlags, type Command } from '../command.js';
import { CliWorkspace } from '../workspace.js';
import { contextFolder, declaresOneOf } from '../diff/journal-context.js';
import { displayPathOf, fileKey, findCharterFiles } from '../files.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

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
Beside the design score, the charter's journals give two more layers,
never blended into it: execution and perceived (with the gap between the
parties); "not measured" without a journal (docs/journal.md).

Options:
  --format <table|json>   output format (default: table)
  --explain               list every check below 1 with the findings behind it
  --min-score <n>         exit 1 when a charter scores below n, 0 to 100 (a CI gate);
                          per layer: --min-score execution=60 or
                          --min-score design=80,execution=60,perceived=50
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
        const minScores = parseMinScores(values['min-score']);
        const workspace = await CliWorkspace.load(positionals, { today: parseDate(values.today, '--today'), configPath: values.config });
        const scored = scoreWorkspace(workspace);
        const nothing = scored.length === 0 ? `no charter to score in ${plural(workspace.files.length, 'file')}${journalsElsewhere(workspace)}` : '';
        if (scored.length === 0 && Object.keys(minScores).length > 0) {
            // A gate that measures nothing would pass whatever the charters say: the paths are wrong, not the charters.
            throw new CliError(`--min-score: ${nothing}`);
        }
        io.out(format === 'json' ? jsonScores(scored) : scored.length === 0
            ? `${terminalSafe(nothing.charAt(0).toUpperCase() + nothing.slice(1))}.\n`
            : tableScores(scored, !!values.explain, io.color));
        const failing = scored.flatMap(({ health }) => Object.entries(minScores).flatMap(([layer, min]) => {
            const score = layerScore(health, layer as LayerName);
            return score !== null && score < min ? [`${health.charter} scores ${score}${layer === 'design' ? `, below --min-score ${min}` : ` on ${layer}, below --min-score ${layer}=${min}`}`] : [];
        }));
        // A journal whose `for` names no charter of the files scored measures nothing: a gate on execution or perceived would
        // pass it as a charter without a journal (a charter renamed with its journal left behind, a misspelt `for`).
        if (minScores.execution !== undefined || minScores.perceived !== undefined) {
            const watched = LAYER_NAMES.filter(layer => layer !== 'design' && minScores[layer] !== undefined);
            failing.push(...workspace.files.flatMap(file => (file.model.journals ?? []).filter(journal => journal.charter === undefined).map(journal =>
                `journal ${journal.name} (${file.file.displayPath}) ${journal.charterText ? `is for ${journal.charterText}, a charter none of the files scored declares` : 'names no charter'}, so its ${watched.join(' and ')} ${watched.length === 1 ? 'is' : 'are'} measured for no charter`)));
        }
        // On standard error, so JSON on standard output stays whole, and a failing gate always says why.
        if (failing.length > 0) {
            io.err(`entente: ${terminalSafe(failing.join(', '))}\n`);
        }
        return failing.length > 0 ? 1 : 0;
    }
};

type LayerName = 'design' | 'execution' | 'perceived';
const LAYER_NAMES: readonly LayerName[] = ['design', 'execution', 'perceived'];

/**
 * Files with no charter to score but journals: which charters the journals are for, where those are (the file
 * the journal's `for` resolved to, or else a file of the folder above the journal's that declares it), and the
 * folder to score them with their journals in. Empty when the files hold no journal.
 */
function journalsElsewhere(workspace: CliWorkspace): string {
    const journals = workspace.files.flatMap(file => (file.model.journals ?? []).map(journal => ({ journal, file: file.file.absolutePath })));
    if (journals.length === 0) {
        return '';
    }
    const charters = new Map<string, { journals: string[]; file?: string; journalFile: string }>();
    for (const { journal, file } of journals) {
        const name = journal.charter ?? journal.charterText;
        if (name === undefined) {
            continue;
        }
        const entry = charters.get(name) ?? { journals: [], journalFile: file, file: journal.charterUri ? fileURLToPath(journal.charterUri) : undefined };
        entry.journals.push(journal.name);
        charters.set(name, entry);
    }
    if (charters.size === 0) {
        return '; its journals name no charter (`journal Name for Charter`)';
    }
    const folders = new Set<string>();
    const parts = [...charters].map(([name, entry]) => {
        const file = entry.file ?? declaringFile(name, entry.journalFile);
        if (file !== undefined) {
            folders.add(commonFolder(path.dirname(file), path.dirname(entry.journalFile)));
        }
        const where = file !== undefined ? `, in ${displayPathOf(file)}` : ', not in the files read';
        return `${entry.journals.length === 1 ? 'journal' : 'journals'} ${entry.journals.join(', ')} ${entry.journals.length === 1 ? 'is' : 'are'} for the charter ${name}${where}`;
    });
    const hint = folders.size > 0
        ? `score a journal with its charter: entente score ${[...folders].map(folder => displayPathOf(folder)).join(' ')}`
        : 'score a journal with its charter: name the charter\'s file or folder too';
    return ` (${parts.join('; ')}); ${hint}`;
}

/**
 * The file that declares the charter (`charter Name`), found as `entente diff` finds a journal's charter: in the
 * nearest folder above the journal's that declares it, up to the current folder (read as text, not parsed).
 */
function declaringFile(charter: string, journalFile: string): string | undefined {
    const names = new Set([charter]);
    const folder = contextFolder([journalFile], process.cwd(), names, new Set([fileKey(journalFile)]));
    return folder === undefined ? undefined : findCharterFiles([folder]).find(file => {
        try {
            return declaresOneOf(fs.readFileSync(file, 'utf8'), names);
        } catch {
            return false;
        }
    });
}

/** The deepest folder holding both. */
function commonFolder(a: string, b: string): string {
    let folder = a;
    while (path.relative(folder, b).startsWith('..') && path.dirname(folder) !== folder) {
        folder = path.dirname(folder);
    }
    return folder;
}

/** `--min-score 60` (the design score), `execution=60`, or several: `design=80,execution=60`. */
export function parseMinScores(value: string | undefined): Partial<Record<LayerName, number>> {
    if (value === undefined) {
        return {};
    }
    const result: Partial<Record<LayerName, number>> = {};
    for (const part of value.split(',')) {
        const [layer, number] = part.includes('=') ? part.split('=', 2) : ['design', part];
        if (!LAYER_NAMES.includes(layer.trim() as LayerName)) {
            throw new CliError(`--min-score names a layer: design, execution or perceived, not '${layer}'`);
        }
        // Scores run from 0 to 100: a gate above 100 fails every charter, whatever it says.
        result[layer.trim() as LayerName] = parseCount(number.trim(), '--min-score', 100)!;
    }
    return result;
}

/** A layer's score (null: not measured, which no gate fails). */
function layerScore(health: CharterHealth, layer: LayerName): number | null {
    return layer === 'design' ? health.score : health.layers?.[layer].score ?? null;
}

function jsonLayer(layer: LayerScore | undefined): unknown {
    return layer ? { score: layer.score, band: layer.band ?? null, ...(layer.notMeasured ? { notMeasured: layer.notMeasured } : {}), checks: layer.checks } : { score: null, band: null, notMeasured: 'no journal', checks: [] };
}

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
            })),
            layers: {
                design: { score: health.score, band: health.band ?? null },
                execution: jsonLayer(health.layers?.execution),
                perceived: { ...(jsonLayer(health.layers?.perceived) as object), byParty: health.layers?.perceived.byParty ?? {} },
                gap: health.layers?.gap ?? null
            }
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
        const layers = health.layers;
        const layerRows: Array<[string, string]> = layers ? [
            ['execution', layers.execution.score === null ? `not measured (${layers.execution.notMeasured})` : cell(layers.execution.score, layers.execution.band)],
            ['perceived', layers.perceived.score === null ? `not measured (${layers.perceived.notMeasured})`
                : `${cell(layers.perceived.score, layers.perceived.band)}${layers.gap ? `  (gap ${layers.gap.points} on ${layers.gap.pillar}: ${layers.gap.high.party} ${layers.gap.high.score}, ${layers.gap.low.party} ${layers.gap.low.score})` : ''}`]
        ] : [];
        const lines = [
            `${terminalSafe(health.charter)}  (${terminalSafe(path)})`,
            ...(layers ? [`  ${layersLine(layers)}`] : []),
            ...rows.map(([label, value]) => `  ${label.padEnd(15)} ${value}`),
            ...layerRows.map(([label, value]) => `  ${label.padEnd(15)} ${value}`)
        ];
        if (explain) {
            const below = DIMENSION_IDS.flatMap(id => health.dimensions[id].checks.filter(check => check.ratio < 1));
            const layerChecksBelow = [...(layers?.execution.checks ?? []), ...(layers?.perceived.checks ?? [])].filter(check => check.ratio < 1);
            lines.push(below.length || layerChecksBelow.length ? '  checks below 1:' : '  every check scores 1.');
            for (const check of below) {
                lines.push(`    ${check.dimension}: ${terminalSafe(check.title)} ${check.ratio.toFixed(2)}${check.caps ? ' (caps the score at 79)' : ''} — ${terminalSafe(check.explanation)}`);
                if (check.elements.length) {
                    lines.push(`      elements: ${terminalSafe(check.elements.join(', '))}`);
                }
                for (const finding of check.findings) {
                    lines.push(`      ${finding.ruleId}: ${terminalSafe(finding.message)}`);
                }
            }
            for (const check of layerChecksBelow) {
                lines.push(`    ${check.layer}: ${terminalSafe(check.title)} ${check.ratio.toFixed(2)} — ${terminalSafe(check.explanation)}`);
                for (const entry of check.entries) {
                    lines.push(terminalSafe(`      ${entry.journal}:${entry.line} ${entry.date} ${entry.kind}: ${entry.reason}`));
                }
                for (const missing of check.missing) {
                    lines.push(`      ${terminalSafe(missing)}`);
                }
            }
            if (health.cap) {
                lines.push(`  overall capped at ${health.cap.limit}: ${terminalSafe(health.cap.reasons.join('; '))}`);
            }
        }
        return lines.join('\n');
    });
    return blocks.join('\n\n') + '\n';
}
