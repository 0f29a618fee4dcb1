import * as path from 'node:path';
import { MAX_HORIZON_DAYS, portfolioCalendar } from '@entente/language';
import { parseCount, parseDate, parseFlags, type Command } from '../command.js';
import { displayPathOf, writeFilesAtomically } from '../files.js';
import { portfolioOf } from '../portfolio/collect.js';
import { CliWorkspace } from '../workspace.js';

export const calendarCommand: Command = {
    name: 'calendar',
    summary: 'Export the portfolio\'s dates as an iCalendar (.ics) file for Outlook, Google Calendar or Thunderbird.',
    help: `Usage: entente calendar [paths...] [--out FILE.ics] [options]

Writes the portfolio's dates as an RFC 5545 calendar: one all-day event
per dated item of the due list (commitment due dates, term ends, and
everything overdue), and every recurring item (reviews, meeting cadences,
recurring commitments, metric reporting) as one event with an RRULE over
its whole series, less the instances the journal shows done (EXDATE),
whatever the horizon. UIDs are stable, so importing a newer file updates
the events instead of adding them again. Without --out the calendar goes
to standard output.

Options:
  --out <file.ics>        where to write (atomically)
  --horizon <days>        include the dated items due in the next <days> days,
                          0 to ${MAX_HORIZON_DAYS} (default: 90)
  --today <YYYY-MM-DD>    the date "due" and "overdue" count from (default: today)
  --config <path>         use this entente.json
  -h, --help              show this help`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            out: { type: 'string' },
            horizon: { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        const horizonDays = parseCount(values.horizon, '--horizon', MAX_HORIZON_DAYS);
        const workspace = await CliWorkspace.load(positionals, { today: parseDate(values.today, '--today'), configPath: values.config });
        const portfolio = portfolioOf(workspace, { today: workspace.services.charter.Settings.effectiveToday(), horizonDays });
        const calendar = portfolioCalendar(portfolio);
        if (!values.out) {
            io.out(calendar);
            return 0;
        }
        writeFilesAtomically([{ file: values.out, content: calendar }]);
        const events = calendar.split('BEGIN:VEVENT').length - 1;
        io.out(`Wrote ${events} events (${portfolio.due.length} dates by ${portfolio.until}) to ${displayPathOf(path.resolve(values.out))}\n`);
        return 0;
    }
};
