import * as fs from 'node:fs';
import * as path from 'node:path';
import { count, resolveViewAs } from '@entente/language';
import { charterFileName, drawCharters } from '../charter-reports.js';
import { CliError } from '../cli-error.js';
import { parseChoice, parseDate, parseFlags, type Command } from '../command.js';
import { displayPathOf, writeFilesAtomically } from '../files.js';
import { CliWorkspace } from '../workspace.js';

const FORMATS = ['all', 'svg', 'html'] as const;

export const renderCommand: Command = {
    name: 'render',
    summary: 'Render governance diagrams (SVG) and a self-contained HTML report per charter.',
    help: `Usage: entente render [paths...] --out DIR [options]

Renders, per charter, one SVG per view (health card, governance map,
decision-rights matrix, escalation ladder, balance chart; and for a charter
with a journal the timeline, metric trends and perception radar) into
DIR/<Charter>/<view>.svg, and a self-contained HTML report (inline CSS and
SVG, no external resources) into DIR/<Charter>.html. Files are written
atomically: on an error nothing partial is left.

Options:
  --out <dir>               where to write (required)
  --format <all|svg|html>   what to write (default: all)
  --view-as <party>         show the charter from one party's side
  --today <YYYY-MM-DD>      the date date-dependent rules use
  --config <path>           use this entente.json
  -h, --help                show this help`,
    async run(args, io) {
        const { values, positionals } = parseFlags(args, {
            out: { type: 'string' },
            format: { type: 'string' },
            'view-as': { type: 'string' },
            today: { type: 'string' },
            config: { type: 'string' }
        });
        if (values.help) {
            io.out(this.help + '\n');
            return 0;
        }
        if (!values.out) {
            throw new CliError('render needs --out DIR (see --help)');
        }
        const format = parseChoice(values.format, '--format', FORMATS, 'all');
        const out = path.resolve(values.out);
        if (fs.existsSync(out) && !fs.statSync(out).isDirectory()) {
            throw new CliError(`--out ${values.out}: is not a folder`);
        }
        const workspace = await CliWorkspace.load(positionals, { today: parseDate(values.today, '--today'), configPath: values.config });
        assertDistinctCharterNames(workspace);
        // --view-as names a party of the charters rendered (one definition with the editor's: resolveViewAs).
        const viewAs = resolveViewAs(values['view-as'], workspace.files.flatMap(file => file.model.charters.flatMap(charter => charter.parties)));
        if (viewAs.error !== undefined) {
            throw new CliError(`--view-as: ${viewAs.error}`);
        }
        const { VIEW_IDS, JOURNAL_VIEW_IDS } = await import('@entente/diagrams');
        const outputs: Array<{ file: string; content: string }> = [];
        for (const { fileName: folder, views, journalViews, report } of await drawCharters(workspace, viewAs.party)) {
            if (format !== 'html') {
                for (const view of VIEW_IDS) {
                    outputs.push({ file: path.join(values.out, folder, `${view}.svg`), content: views[view] });
                }
                for (const view of journalViews ? JOURNAL_VIEW_IDS : []) {
                    outputs.push({ file: path.join(values.out, folder, `${view}.svg`), content: journalViews![view] });
                }
            }
            if (format !== 'svg') {
                outputs.push({ file: path.join(values.out, `${folder}.html`), content: report });
            }
        }
        const charterCount = workspace.files.reduce((n, f) => n + f.model.charters.length, 0);
        if (charterCount === 0) {
            // Party files and journals are drawn with the charter they belong to: alone, they give nothing to draw.
            io.out(`No charter in the ${count(workspace.files.length, 'file')} read: nothing drawn. Party files and journals are drawn with their charter: give render the charter's file or folder too.\n`);
            return 0;
        }
        writeFilesAtomically(outputs);
        const reports = outputs.filter(output => output.file.endsWith('.html'));
        io.out(`Rendered ${count(outputs.length, 'file')} for ${count(charterCount, 'charter')} into ${displayPathOf(path.resolve(values.out))}/` +
            (reports.length ? `\n${reports.map(report => `  ${displayPathOf(path.resolve(report.file))}`).join('\n')}` : '') + '\n');
        return 0;
    }
};

/** Charters are written under their names: two with one name (or names one file system would confuse) are refused before anything is drawn or written. */
function assertDistinctCharterNames(workspace: CliWorkspace): void {
    const seen = new Map<string, { name: string; path: string }>();
    for (const checked of workspace.files) {
        for (const charter of checked.model.charters) {
            const key = charterFileName(charter.name, checked.file.displayPath).toLowerCase();
            const other = seen.get(key);
            if (other) {
                const where = other.path === checked.file.displayPath ? `twice in ${other.path}` : `in ${other.path} and ${checked.file.displayPath}`;
                throw new CliError(`charter ${other.name === charter.name ? `'${charter.name}' is declared` : `'${other.name}' and '${charter.name}' are declared`} ${where}, and the outputs of both would be the same files; rename one (nothing written)`);
            }
            seen.set(key, { name: charter.name, path: checked.file.displayPath });
        }
    }
}
