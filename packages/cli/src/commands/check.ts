import { parseChoice, parseCount, parseDate, parseFlags, type Command } from '../command.js';
import { jsonReporter } from '../reporters/json.js';
import { prettyReporter } from '../reporters/pretty.js';
import type { Reporter } from '../reporters/reporter.js';
import { summarise } from '../reporters/reporter.js';
import { CliWorkspace } from '../workspace.js';

const FORMATS = ['pretty', 'json'] as const;
const REPORTERS: Record<(typeof FORMATS)[number], Reporter> = { pretty: prettyReporter, json: jsonReporter };

export const checkCommand: Command = {
    name: 'check',
    summary: 'Check charters and report findings.',
    help: `Usage: entente check [paths...] [options]

Checks the .charter files named (folders are searched recursively, honouring
.gitignore). All files form one workspace, so cross-file references resolve.

Options:
  --format <pretty|json>   output format (default: pretty)
  --today <YYYY-MM-DD>     the date date-dependent rules use (default: today)
  --config <path>          use this entente.json (default: the nearest one
                           up the tree from each file)
  --max-warnings <n>       exit 1 when there are more than n warnings
  --quiet                  report errors only
  -h, --help               show this help

Exit codes: 0 no error, 1 errors or too many warnings, 2 usage or I/O error.`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            format: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' },
            'max-warnings': { type: 'string' },
            quiet: { type: 'boolean' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const format = parseChoice(values.format, '--format', FORMATS, 'pretty');
        const today = parseDate(values.today, '--today');
        const maxWarnings = parseCount(values['max-warnings'], '--max-warnings');
        const workspace = await CliWorkspace.load(positionals, { today, configPath: values.config });
        const files = values.quiet
            ? workspace.files.map(file => ({ ...file, findings: file.findings.filter(finding => finding.severity === 'error') }))
            : workspace.files;
        io.out(REPORTERS[format](files, { color: io.color }));
        const summary = summarise(workspace.files);
        return summary.errors > 0 || (maxWarnings !== undefined && summary.warnings > maxWarnings) ? 1 : 0;
    }
};
