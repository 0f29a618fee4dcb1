import { diffGovernance, type DiffSide } from '@entente/language';
import { CliError } from '../cli-error.js';
import { parseChoice, parseDate, parseFlags, type Command } from '../command.js';
import { readGitSides } from '../diff/git-side.js';
import { jsonDiff } from '../diff/json.js';
import { markdownDiff } from '../diff/markdown.js';
import { prettyDiff } from '../diff/pretty.js';
import type { DiffReport } from '../diff/report.js';
import { findCharterFiles, readCharterFile, type CharterFile } from '../files.js';
import { terminalSafeDeep } from '../reporters/terminal-text.js';
import { CliWorkspace, type WorkspaceOptions } from '../workspace.js';
import { scoreWorkspace } from './score.js';

const FORMATS = ['pretty', 'markdown', 'json'] as const;

export const diffCommand: Command = {
    name: 'diff',
    summary: 'Show what a change does to the governance: control, seats, escalations, findings, health.',
    help: `Usage: entente diff OLD NEW [options]
       entente diff --git BASE [paths...] [options]

Compares two versions of a set of charters by meaning, not by text: parties,
roles, bodies (seats, voting rule), decisions (decider, who controls and who
can block), escalations (levels, time boxes, final step), commitments,
metrics, objectives and charter clauses; findings introduced and resolved;
health score deltas per dimension. Renamed elements are reported as renames;
layout and comments are ignored (docs/diff.md).

OLD and NEW are two files or two folders; each is its own workspace. With
--git, the old side is the .charter files under the paths (default: the
current folder) as committed at BASE, the new side the working tree.

Options:
  --git <base>              compare the working tree against this commit,
                            branch or tag
  --format <format>         pretty (default), markdown (a pull-request
                            comment) or json
  --today <YYYY-MM-DD>      the date date-dependent rules use (default: today)
  --config <path>           use this entente.json on both sides
  --fail-on-new-findings    exit 1 when the change introduces a finding
  --fail-on-score-drop      exit 1 when a charter's overall score goes down
  -h, --help                show this help

Exit codes: 0 the diff ran, 1 a --fail-on gate tripped, 2 usage or I/O error.`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            git: { type: 'string' },
            format: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' },
            'fail-on-new-findings': { type: 'boolean' },
            'fail-on-score-drop': { type: 'boolean' }
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
        if (values.git !== undefined) {
            ({ oldFiles, newFiles } = readGitSides(values.git, positionals));
            const where = positionals.length ? positionals.join(' ') : '.';
            labels = [`${where} at ${values.git}`, `${where} (working tree)`];
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
        }
        const [oldSide, oldPaths] = await loadSide(oldFiles, options);
        const [newSide, newPaths] = await loadSide(newFiles, options);
        const report: DiffReport = { diff: diffGovernance(oldSide, newSide), oldLabel: labels[0], newLabel: labels[1], oldPaths, newPaths };
        io.out(format === 'json' ? jsonDiff(report) : format === 'markdown' ? markdownDiff(report) : prettyDiff(terminalSafeDeep(report), io.color));
        const { summary } = report.diff;
        const failures = [
            values['fail-on-new-findings'] && summary.findingsIntroduced > 0 && `${summary.findingsIntroduced} new ${summary.findingsIntroduced === 1 ? 'finding' : 'findings'}`,
            values['fail-on-score-drop'] && summary.scoreDrops > 0 && `${summary.scoreDrops} ${summary.scoreDrops === 1 ? 'charter scores' : 'charters score'} lower`
        ].filter(Boolean);
        if (failures.length && format !== 'json') {
            io.err(`entente: ${failures.join(', ')}\n`);
        }
        return failures.length ? 1 : 0;
    }
};

/** Loads one side as its own workspace: models, findings and health, with each document's display path. */
async function loadSide(files: CharterFile[], options: WorkspaceOptions): Promise<[DiffSide, Map<string, string>]> {
    const workspace = await CliWorkspace.fromFiles(files, options);
    const scored = scoreWorkspace(workspace);
    const documents = workspace.files.map(file => {
        const uri = file.document.uri.toString();
        return { uri, model: file.model, findings: file.findings, health: scored.filter(entry => entry.health.uri === uri).map(entry => entry.health) };
    });
    return [{ documents }, new Map(workspace.files.map(file => [file.document.uri.toString(), file.file.displayPath]))];
}
