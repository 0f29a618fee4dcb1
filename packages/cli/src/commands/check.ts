import * as path from 'node:path';
import { applyBaseline, writeBaseline } from '../baseline.js';
import { CliError } from '../cli-error.js';
import { parseChoice, parseCount, parseDate, parseFlags, type Command } from '../command.js';
import { displayPathOf } from '../files.js';
import { githubReporter } from '../reporters/github.js';
import { jsonReporter } from '../reporters/json.js';
import { markdownReporter } from '../reporters/markdown.js';
import { prettyReporter } from '../reporters/pretty.js';
import { plural, summarise, type Reporter } from '../reporters/reporter.js';
import { sarifReporter } from '../reporters/sarif.js';
import { checkStagedFiles } from '../staged.js';
import { checkCharterFiles, checkReadFiles, readStandardInputFiles } from '../workspace.js';

const FORMATS = ['pretty', 'json', 'sarif', 'github', 'markdown'] as const;
const REPORTERS: Record<(typeof FORMATS)[number], Reporter> = {
    pretty: prettyReporter, json: jsonReporter, sarif: sarifReporter, github: githubReporter, markdown: markdownReporter
};

/** The findings that fail a check: errors (the default), warnings or worse, or none (a report-only step). The action's fail-level too. */
export const FAIL_LEVELS = ['error', 'warning', 'none'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

/** Whether findings so counted fail a check at this level. */
export function failsAt(level: FailLevel, counts: { errors: number; warnings: number }): boolean {
    return level === 'error' ? counts.errors > 0 : level === 'warning' ? counts.errors + counts.warnings > 0 : false;
}

export const checkCommand: Command = {
    name: 'check',
    summary: 'Check charters and report findings.',
    help: `Usage: entente check [paths...] [options]
       entente check --stdin [--stdin-filename <path>] [options]
       entente check --staged [paths...] [options]

Checks the .charter files named (folders are searched recursively, honouring
.gitignore). All files form one workspace, so cross-file references resolve.

Options:
  --format <format>        pretty (default), json, sarif (SARIF 2.1.0, paths
                           relative to the current directory), github
                           (GitHub Actions annotations), markdown (a
                           pull-request comment)
  --today <YYYY-MM-DD>     the date date-dependent rules use (default: today)
  --config <path>          use this entente.json (default: the nearest one
                           up the tree from each file)
  --fail-level <level>     the findings that exit 1: error (default), warning
                           (warnings or worse) or none (report only)
  --max-warnings <n>       exit 1 when there are more than n warnings
  --quiet                  report errors only
  --baseline <file>        report only findings not recorded in this baseline
  --write-baseline <file>  record every finding of this run as the baseline
                           and exit 0
  --stdin                  check the charter piped to standard input instead
                           of files (for editors and pre-commit hooks)
  --stdin-filename <path>  with --stdin: check the text as if it were this
                           file (its entente.json, the charters beside it);
                           the file on disk, if any, is not read
  --staged                 check the charters as the git index holds them
                           (what the next commit records), with entente.json
                           and the other charters as staged too; a charter
                           staged for deletion is gone, and a folder whose
                           every charter is has nothing left to check (exit 0)
                           (for pre-commit hooks)
  --jobs <n>               check on n threads, at most 32 (default: one per
                           two cores, up to 4, when the files hold 1 MB of
                           text or more; otherwise one)
  -h, --help               show this help

Exit codes: 0 no error, 1 errors (or findings at --fail-level) or too many
warnings, 2 usage or I/O error.`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            format: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' },
            'fail-level': { type: 'string' },
            'max-warnings': { type: 'string' },
            quiet: { type: 'boolean' },
            baseline: { type: 'string' },
            'write-baseline': { type: 'string' },
            jobs: { type: 'string' },
            stdin: { type: 'boolean' },
            'stdin-filename': { type: 'string' },
            staged: { type: 'boolean' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const format = parseChoice(values.format, '--format', FORMATS, 'pretty');
        const today = parseDate(values.today, '--today');
        const failLevel = parseChoice(values['fail-level'], '--fail-level', FAIL_LEVELS, 'error');
        const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');
        const jobs = parseCount(values.jobs, '--jobs');
        if (jobs === 0) {
            throw new CliError('--jobs must be at least 1');
        }
        if (values.baseline !== undefined && values['write-baseline'] !== undefined) {
            throw new CliError('use either --baseline or --write-baseline, not both (see --help)');
        }
        if (values['stdin-filename'] !== undefined && !values.stdin) {
            throw new CliError('--stdin-filename names the file standard input stands for: use it with --stdin (see --help)');
        }
        if (values.stdin && positionals.length > 0) {
            throw new CliError(`--stdin checks standard input, not paths (got ${positionals.join(', ')}); name the file it stands for with --stdin-filename (see --help)`);
        }
        const workspaceOptions = { today, configPath: values.config, jobs };
        if (values.staged && values.stdin) {
            throw new CliError('use either --stdin or --staged, not both (see --help)');
        }
        const staged = values.staged ? await checkStagedFiles(positionals, workspaceOptions) : undefined;
        if (staged?.note !== undefined) {
            io.err(`entente: --staged: ${staged.note}.\n`);
        }
        // A commit that deletes every charter leaves nothing to check, and nothing to fail: no summary of 0 files, but the
        // machine formats still get their (empty) document.
        const nothingLeft = staged !== undefined && staged.reports.length === 0;
        const reports = values.stdin
            ? await checkReadFiles(readStandardInputFiles(values['stdin-filename'], 'check'), workspaceOptions)
            : staged
                ? staged.reports
                : await checkCharterFiles(positionals, workspaceOptions);
        if (values['write-baseline'] !== undefined) {
            const count = writeBaseline(values['write-baseline'], reports);
            io.err(`Wrote ${plural(count, 'finding')} to the baseline ${displayPathOf(path.resolve(values['write-baseline']))}.\n`);
            return 0;
        }
        const outcome = values.baseline !== undefined ? applyBaseline(values.baseline, reports) : undefined;
        const checked = outcome?.files ?? reports;
        const files = values.quiet
            ? checked.map(file => ({ ...file, findings: file.findings.filter(finding => finding.severity === 'error') }))
            : checked;
        if (!nothingLeft || format === 'json' || format === 'sarif') {
            io.out(REPORTERS[format](files, { color: io.color, ...(values.quiet ? { notShown: summarise(checked) } : {}) }));
        }
        if (outcome) {
            io.err(`Baseline: ${plural(outcome.known, 'known finding')} not reported` +
                (outcome.gone ? `; ${plural(outcome.gone, 'recorded finding')} no longer found (update it with --write-baseline)` : '') + '.\n');
        }
        const summary = summarise(checked);
        const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
        if (tooManyWarnings) {
            // Else a run with no error (or, with --quiet, no finding shown) would fail with nothing saying why.
            io.err(`entente: ${plural(summary.warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
        }
        return failsAt(failLevel, summary) || tooManyWarnings ? 1 : 0;
    }
};
