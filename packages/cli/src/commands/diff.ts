import { diffGovernance, droppedOn, HEALTH_LAYERS, layerDelta, type CharterDiff, type DiffSide, type HealthLayer } from '@entente/language';
import { CliError } from '../cli-error.js';
import { parseChoice, parseDate, parseFlags, type Command } from '../command.js';
import { readGitSides } from '../diff/git-side.js';
import { chartersMissing, contextFilesIn, contextFolder } from '../diff/journal-context.js';
import { jsonDiff } from '../diff/json.js';
import { markdownDiff } from '../diff/markdown.js';
import { prettyDiff } from '../diff/pretty.js';
import type { DiffReport } from '../diff/report.js';
import { contextFiles, fileKey, findCharterFiles, readCharterFile, type CharterFile } from '../files.js';
import { terminalSafe, terminalSafeDeep } from '../reporters/terminal-text.js';
import { CliWorkspace, type WorkspaceOptions } from '../workspace.js';
import { scoreWorkspace } from './score.js';

const FORMATS = ['pretty', 'markdown', 'json'] as const;

export const diffCommand: Command = {
    name: 'diff',
    summary: 'Show what a change does to the governance: control, seats, escalations, findings, health.',
    help: `Usage: entente diff OLD NEW [options]
       entente diff --git BASE [paths...] [options]
       entente diff --git A..B | --git A...B [paths...] [options]

Compares two versions of a set of charters by meaning, not by text: parties,
roles, bodies (seats, voting rule), decisions (decider, who controls and who
can block), escalations (levels, time boxes, final step), commitments,
metrics, objectives and charter clauses; findings introduced and resolved;
health score deltas per dimension; journal entries added, removed or
changed, with the execution and perceived deltas they make. Renamed elements
are reported as renames; layout and comments are ignored (docs/diff.md).

OLD and NEW are two files or two folders; each is its own workspace. With
--git, the old side is the .charter files under the paths (default: the
current folder) as committed at BASE, the new side the working tree; with
--git A..B, the files as committed at A and at B (A...B: at the merge base
of A and B, and at B). When
the files compared hold journals whose charter they do not declare, the
nearest folder above them that declares it is loaded beside them (up to the
current folder; with --git, the repository's top), each side looking in its
own files (with --git, as committed at its revision).

Options:
  --git <base>              compare the working tree against this commit,
                            branch or tag; --git A..B compares two commits,
                            --git A...B the merge base of A and B with B (a
                            pull request of B into A)
  --format <format>         pretty (default), markdown (a pull-request
                            comment) or json
  --today <YYYY-MM-DD>      the date date-dependent rules use (default: today)
  --config <path>           use this entente.json on both sides
  --fail-on-new-findings    exit 1 when the change introduces a finding
  --fail-on-score-drop[=<layers>]
                            exit 1 when a charter's score goes down on a
                            layer: design (the overall score), execution or
                            perceived; all three unless named, e.g.
                            --fail-on-score-drop=design,execution. A
                            layer measured before and no longer measured
                            after (a journal unlinked from its charter, or
                            deleted) is a drop: 59 → not measured. A
                            charter removed has no score to drop: it is
                            named on standard error, and fails the run only
                            with --fail-on-removed
  --fail-on-removed         exit 1 when a charter is removed (one renamed is
                            not)
  -h, --help                show this help

Exit codes: 0 the diff ran, 1 a --fail-on gate tripped, 2 usage or I/O error.`,
    async run(args, io) {
        const { flags, dropLayers } = scoreDropLayers(args);
        const { values, positionals } = parseFlags(flags, {
            git: { type: 'string' },
            format: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' },
            'fail-on-new-findings': { type: 'boolean' },
            'fail-on-score-drop': { type: 'boolean' },
            'fail-on-removed': { type: 'boolean' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const format = parseChoice(values.format, '--format', FORMATS, 'pretty');
        const options: WorkspaceOptions = { today: parseDate(values.today, '--today'), configPath: values.config };
        let oldFiles: CharterFile[];
        let newFiles: CharterFile[];
        let labels: [string, string];
        // Where a journal's charter is looked for when the files compared do not declare it.
        let findContext: (side: 'old' | 'new', charters: Set<string>) => CharterFile[];
        if (values.git !== undefined) {
            const sides = readGitSides(values.git, positionals);
            ({ oldFiles, newFiles } = sides);
            const where = positionals.length ? positionals.join(' ') : '.';
            labels = [`${where} at ${sides.oldName}`, sides.newName === undefined ? `${where} (working tree)` : `${where} at ${sides.newName}`];
            // Each side looks for the charter in its own files: at its commit, or in the working tree. A charter moved,
            // renamed or changed between the two is found where it is on each side, whatever the working tree holds.
            findContext = (side, charters) => {
                const compared = new Set((side === 'old' ? oldFiles : newFiles).map(file => fileKey(file.absolutePath)));
                const tree = side === 'old' ? sides.oldTree : sides.newTree;
                const folder = contextFolder(positionals.length ? positionals : ['.'], sides.root, charters, compared, process.cwd(), tree);
                return folder === undefined ? [] : contextFilesIn(tree, folder, compared);
            };
        } else {
            if (positionals.length !== 2) {
                throw new CliError(`diff takes two paths, OLD and NEW, or --git BASE (got ${positionals.length} ${positionals.length === 1 ? 'path' : 'paths'}; see --help)`);
            }
            [oldFiles, newFiles] = positionals.map(given => {
                const found = findCharterFiles([given]);
                if (found.length === 0) {
                    throw new CliError(`no .charter files found in ${given}`);
                }
                return found.map(file => readCharterFile(file));
            });
            labels = [positionals[0], positionals[1]];
            // Both sides' files are left out of each side's context: the other side is no part of this one.
            findContext = (side, charters) => {
                const compared = new Set([...oldFiles, ...newFiles].map(file => fileKey(file.absolutePath)));
                const folder = contextFolder([positionals[side === 'old' ? 0 : 1]], process.cwd(), charters, compared);
                return folder === undefined ? [] : contextFiles([folder], compared);
            };
        }
        const [oldSide, oldPaths] = await loadSide(oldFiles, options, charters => findContext('old', charters));
        const [newSide, newPaths] = await loadSide(newFiles, options, charters => findContext('new', charters));
        const report: DiffReport = { diff: diffGovernance(oldSide, newSide), oldLabel: labels[0], newLabel: labels[1], oldPaths, newPaths };
        io.out(format === 'json' ? jsonDiff(report) : format === 'markdown' ? markdownDiff(report) : prettyDiff(terminalSafeDeep(report), io.color));
        const { summary } = report.diff;
        const dropped = values['fail-on-score-drop'] ? report.diff.charters.filter(charter => droppedOn(charter, dropLayers)) : [];
        // Which charter went down on which layer, with its scores: in a job's log, the reviewer sees what tripped the gate without
        // opening the report. A layer no longer measured has no lower number to show: it reads `59 → not measured`.
        const dropText = (charter: CharterDiff) => `${charter.name}: ${dropLayers.filter(layer => droppedOn(charter, [layer])).map(layer => {
            const score = layerDelta(charter.health, layer)!;
            return `${layer} ${score.before} → ${score.after ?? 'not measured'}`;
        }).join(', ')}`;
        const SHOWN = 10;
        const dropsText = [...dropped.slice(0, SHOWN).map(dropText), ...(dropped.length > SHOWN ? [`and ${dropped.length - SHOWN} more`] : [])].join('; ');
        const removed = report.diff.charters.filter(charter => charter.change === 'removed').map(charter => charter.name);
        const removedText = `${removed.length} ${removed.length === 1 ? 'charter' : 'charters'} removed (${removed.join(', ')})`;
        const failures = [
            values['fail-on-new-findings'] && summary.findingsIntroduced > 0 && `${summary.findingsIntroduced} new ${summary.findingsIntroduced === 1 ? 'finding' : 'findings'}`,
            dropped.length > 0 && `${dropped.length} ${dropped.length === 1 ? 'charter scores' : 'charters score'} lower (${dropsText})`,
            values['fail-on-removed'] && removed.length > 0 && removedText
        ].filter(Boolean);
        // Whatever the format: standard output is the report, standard error says which gate tripped (a script reading
        // the JSON still gets the reason its job failed in the log).
        if (failures.length) {
            io.err(`entente: ${terminalSafe(failures.join(', '))}\n`);
        }
        if (values['fail-on-score-drop'] && !values['fail-on-removed'] && removed.length > 0) {
            // A charter deleted has no score on the new side, so no drop; a score gate passing in silence would hide it from the reviewer.
            io.err(`entente: ${terminalSafe(removedText)}: no score on the new side, so no drop for --fail-on-score-drop; add --fail-on-removed to fail on it\n`);
        }
        return failures.length ? 1 : 0;
    }
};

/**
 * Loads one side as its own workspace: models, findings and health, with each document's display path.
 * When its journals are for charters its files do not declare, the files `findContext` gives are loaded
 * beside them, marked as context.
 */
async function loadSide(files: CharterFile[], options: WorkspaceOptions, findContext: (charters: Set<string>) => CharterFile[]): Promise<[DiffSide, Map<string, string>]> {
    let workspace = await CliWorkspace.fromFiles(files, options);
    const missing = chartersMissing(workspace);
    const context = missing.size ? findContext(missing) : [];
    if (context.length) {
        // Loaded again with the context: linking and the journal's rules need the charter in the same workspace.
        workspace = await CliWorkspace.fromFiles([...files, ...context], options);
    }
    const scored = scoreWorkspace(workspace);
    const contextFiles = new Set(context);
    const documents = workspace.files.map(file => {
        const uri = file.document.uri.toString();
        return {
            uri, model: file.model, findings: file.findings, health: scored.filter(entry => entry.health.uri === uri).map(entry => entry.health),
            ...(contextFiles.has(file.file) ? { context: true } : {})
        };
    });
    return [{ documents }, new Map(workspace.files.map(file => [file.document.uri.toString(), file.file.displayPath]))];
}

/**
 * `--fail-on-score-drop` alone watches every layer; `--fail-on-score-drop=design,execution`
 * the layers named (the names of `score --min-score`). The value is taken off here:
 * the flag parser knows a flag with a value or without, not one with an optional value.
 */
function scoreDropLayers(args: string[]): { flags: string[]; dropLayers: HealthLayer[] } {
    let dropLayers: HealthLayer[] = [...HEALTH_LAYERS];
    const end = args.indexOf('--');
    const flags = args.map((arg, index) => {
        const prefix = '--fail-on-score-drop=';
        if ((end < 0 || index < end) && arg.startsWith(prefix)) {
            dropLayers = arg.slice(prefix.length).split(',').map(layer => {
                const name = layer.trim();
                if (!(HEALTH_LAYERS as readonly string[]).includes(name)) {
                    throw new CliError(`--fail-on-score-drop names layers: design, execution or perceived, not '${name}'`);
                }
                return name as HealthLayer;
            });
            return '--fail-on-score-drop';
        }
        return arg;
    });
    return { flags, dropLayers };
}
