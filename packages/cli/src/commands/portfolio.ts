import * as path from 'node:path';
import { count, MAX_HORIZON_DAYS } from '@entente/language';
import { CliError } from '../cli-error.js';
import { displayPathOf, writeFilesAtomically } from '../files.js';
import { portfolioHistory, withHistory } from '../portfolio/history.js';
import { portfolioSite } from '../portfolio/html.js';
import { parseChoice, parseCount, parseDate, parseFlags, type Command } from '../command.js';
import { overloadThresholds, portfolioOf } from '../portfolio/collect.js';
import { portfolioMarkdown } from '../portfolio/markdown.js';
import { portfolioTable } from '../portfolio/table.js';
import { CliWorkspace } from '../workspace.js';

const FORMATS = ['table', 'json', 'markdown', 'html'] as const;

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
  --format <table|json|markdown|html>
                                  output format (default: table); html writes
                                  a dashboard, DIR/index.html, and each
                                  charter's report beside it (needs --out)
  --out <dir>                     where the html dashboard goes
  --history <n>                   the design scores at each of the last n commits
                                  that touched the charters (from git; a
                                  shallow clone says how far back it could see)
  --horizon <days>                how far ahead the due list looks, 0 to
                                  ${MAX_HORIZON_DAYS} (ten years; default: 90)
  --today <YYYY-MM-DD>            the date "due" and "overdue" count from (default: today)
  --config <path>                 use this entente.json
  -h, --help                      show this help`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            format: { type: 'string' },
            out: { type: 'string' },
            horizon: { type: 'string' },
            history: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const format = parseChoice(values.format, '--format', FORMATS, values.out ? 'html' : 'table');
        if (format === 'html' && !values.out) {
            throw new CliError('portfolio --format html needs --out DIR (see --help)');
        }
        const horizonDays = parseCount(values.horizon, '--horizon', MAX_HORIZON_DAYS);
        const workspace = await CliWorkspace.load(positionals, { today: parseDate(values.today, '--today'), configPath: values.config });
        const historyCount = parseCount(values.history, '--history');
        const base = portfolioOf(workspace, { today: workspace.services.charter.Settings.effectiveToday(), horizonDays });
        const portfolio = historyCount ? withHistory(base, await portfolioHistory(positionals, historyCount, { configPath: values.config })) : base;
        if (format === 'html') {
            const outputs = await portfolioSite(workspace, portfolio, values.out!, overloadThresholds(workspace).maxInWorkspace);
            writeFilesAtomically(outputs);
            io.out(`Wrote the portfolio of ${count(portfolio.charters.length, 'charter')} to ${displayPathOf(path.resolve(values.out!, 'index.html'))}, with ${count(outputs.length - 1, 'charter report')} beside it\n`);
            return 0;
        }
        io.out(format === 'json' ? JSON.stringify(portfolio, null, 2) + '\n' : format === 'markdown' ? portfolioMarkdown(portfolio) : portfolioTable(portfolio, io.color));
        return 0;
    }
};
