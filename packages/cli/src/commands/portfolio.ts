import { parseChoice, parseCount, parseDate, parseFlags, type Command } from '../command.js';
import { portfolioOf } from '../portfolio/collect.js';
import { portfolioMarkdown } from '../portfolio/markdown.js';
import { portfolioTable } from '../portfolio/table.js';
import { CliWorkspace } from '../workspace.js';

const FORMATS = ['table', 'json', 'markdown'] as const;

export const portfolioCommand: Command = {
    name: 'portfolio',
    summary: 'Every charter, every person, every date at a glance: health layers, role load, what is due.',
    help: `Usage: entente portfolio [paths...] [options]

Reads every charter under the paths as one portfolio and prints: each
charter with its health layers (design, execution, perceived), parties,
term end, next review and open findings; each role's load across all
charters (seats, decisions, commitments, metrics, escalation levels),
heaviest first; and every date due in the horizon, with everything overdue.

Options:
  --format <table|json|markdown>  output format (default: table)
  --horizon <days>                how far ahead the due list looks (default: 90)
  --today <YYYY-MM-DD>            the date "due" and "overdue" count from (default: today)
  --config <path>                 use this entente.json
  -h, --help                      show this help`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            format: { type: 'string' },
            horizon: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const format = parseChoice(values.format, '--format', FORMATS, 'table');
        const horizonDays = parseCount(values.horizon, '--horizon');
        const workspace = await CliWorkspace.load(positionals, { today: parseDate(values.today, '--today'), configPath: values.config });
        const portfolio = portfolioOf(workspace, { today: workspace.services.charter.Settings.effectiveToday(), horizonDays });
        io.out(format === 'json' ? JSON.stringify(portfolio, null, 2) + '\n' : format === 'markdown' ? portfolioMarkdown(portfolio) : portfolioTable(portfolio, io.color));
        return 0;
    }
};
