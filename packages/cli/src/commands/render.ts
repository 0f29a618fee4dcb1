import * as path from 'node:path';
import { count, DOCS_BASE_URL } from '@entente/language';
import { CliError } from '../cli-error.js';
import { parseChoice, parseDate, parseFlags, type Command } from '../command.js';
import { displayPathOf, writeFilesAtomically } from '../files.js';
import { sortedFindings } from '../reporters/reporter.js';
import { CliWorkspace } from '../workspace.js';

const FORMATS = ['all', 'svg', 'html'] as const;

export const renderCommand: Command = {
    name: 'render',
    summary: 'Render governance diagrams (SVG) and a self-contained HTML report per charter.',
    help: `Usage: entente render [paths...] --out DIR [options]

Renders, per charter, one SVG per view (health card, governance map,
decision-rights matrix, escalation ladder, balance chart) into
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
        const workspace = await CliWorkspace.load(positionals, { today: parseDate(values.today, '--today'), configPath: values.config });
        // The diagram code (and elkjs) loads only when something is drawn.
        const diagrams = await import('@entente/diagrams');
        const outputs: Array<{ file: string; content: string }> = [];
        for (const checked of workspace.files) {
            const health = workspace.services.charter.HealthScorer.score(checked.document, checked.findings);
            for (const [index, charter] of checked.model.charters.entries()) {
                const findings = sortedFindings(checked)
                    .filter(finding => !finding.element || finding.element === charter.name || finding.element.startsWith(`${charter.name}.`))
                    .map(finding => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, element: finding.element, line: finding.range.start.line + 1 }));
                const input = { charter, findings, health: health[index], options: { viewAsParty: values['view-as'] } };
                const views = await diagrams.renderViews(input);
                const folder = safeName(charter.name);
                if (format !== 'html') {
                    for (const view of diagrams.VIEW_IDS) {
                        outputs.push({ file: path.join(values.out, folder, `${view}.svg`), content: views[view] });
                    }
                }
                if (format !== 'svg') {
                    outputs.push({ file: path.join(values.out, `${folder}.html`), content: diagrams.renderReport({ ...input, views, docsBaseUrl: DOCS_BASE_URL, generator: `Entente, from ${checked.file.displayPath}` }) });
                }
            }
        }
        writeFilesAtomically(outputs);
        const reports = outputs.filter(output => output.file.endsWith('.html'));
        io.out(`Rendered ${count(outputs.length, 'file')} for ${count(workspace.files.reduce((n, f) => n + f.model.charters.length, 0), 'charter')} into ${displayPathOf(path.resolve(values.out))}/` +
            (reports.length ? `\n${reports.map(report => `  ${displayPathOf(path.resolve(report.file))}`).join('\n')}` : '') + '\n');
        return 0;
    }
};

/** A charter name as a file name (names are identifiers already; this keeps it so). */
function safeName(name: string): string {
    return name.replace(/[^\w.-]/g, '_');
}
