import * as path from 'node:path';
import type { DiagramFinding, JournalViewId, ViewId } from '@entente/diagrams';
import { belongsToCharter, DOCS_BASE_URL, resolveViewAs, type CharterModel } from '@entente/language';
import { sortedFindings } from './reporters/reporter.js';
import type { CliWorkspace } from './workspace.js';

/**
 * The name a charter's outputs are written under (its report `<name>.html`, its views in `<name>/`): its name
 * as a file name, or, for a charter not named yet (`charter` cut short while typed), `unnamed-` and its
 * file's name, so that its report is neither the hidden file `.html` nor its views loose in the output folder.
 */
export function charterFileName(charterName: string, filePath: string): string {
    const name = charterName || `unnamed-${path.basename(filePath).replace(/\.charter$/, '')}`;
    return name.replace(/[^\w.-]/g, '_');
}

/** One charter of a workspace drawn: its views, its journal views (with a journal) and its HTML report. */
export interface DrawnCharter {
    charter: CharterModel;
    /** The file it is declared in, as shown to the user; the charters drawn are in the order of these, then of their names. */
    filePath: string;
    /** What its outputs are named after (charterFileName). */
    fileName: string;
    views: Record<ViewId, string>;
    journalViews?: Record<JournalViewId, string>;
    report: string;
}

/**
 * Every charter of the workspace drawn as `entente render` draws it, and its report, which the
 * portfolio writes beside its dashboard too: the charter's findings with its journals', the health
 * card, the charter's views and, for a charter with a journal, the timeline, trends and radar.
 * `viewAs` is a party already checked against the workspace's (resolveViewAs).
 */
export async function drawCharters(workspace: CliWorkspace, viewAs?: string): Promise<DrawnCharter[]> {
    // The diagram code (and elkjs) loads only when something is drawn.
    const diagrams = await import('@entente/diagrams');
    const drawn: Array<Omit<DrawnCharter, 'report'> & { reportInput: Parameters<typeof diagrams.renderReport>[0] }> = [];
    // Findings on journal entries (in the journals' files) mark them on the journal views.
    const entryFindings = workspace.files.flatMap(file => file.findings.map(finding => ({ ruleId: finding.ruleId, uri: finding.uri, line: finding.range.start.line + 1, element: finding.element })));
    const today = workspace.services.charter.Settings.effectiveToday();
    for (const checked of workspace.files) {
        const health = workspace.services.charter.HealthScorer.score(checked.document, checked.findings);
        for (const [index, charter] of checked.model.charters.entries()) {
            const findings: DiagramFinding[] = sortedFindings(checked)
                .filter(finding => belongsToCharter(finding, charter, checked.model.charters.length))
                .map(finding => ({ ruleId: finding.ruleId, severity: finding.severity, message: finding.message, element: finding.element, line: finding.range.start.line + 1 }));
            // The journal views, for a charter with a journal (without one, execution is not measured: nothing to draw).
            const history = workspace.services.charter.JournalIndex.historyOf(charter);
            // The report lists its journals' findings too, each with its file.
            const journalUris = new Set(history?.journals.map(journal => journal.source.uri) ?? []);
            for (const journalFile of workspace.files.filter(file => journalUris.has(file.document.uri.toString()) && file !== checked)) {
                findings.push(...sortedFindings(journalFile).map(finding => ({
                    ruleId: finding.ruleId, severity: finding.severity, message: finding.message, element: finding.element,
                    line: finding.range.start.line + 1, file: journalFile.file.displayPath
                })));
            }
            const input = { charter, findings, health: health[index], options: { viewAsParty: resolveViewAs(viewAs, charter.parties).party } };
            const views = await diagrams.renderViews(input);
            const journalViews = history
                ? diagrams.renderJournalViews(diagrams.journalViewInput(charter, history, today, entryFindings), { viewAsParty: viewAs })
                : undefined;
            drawn.push({
                charter, filePath: checked.file.displayPath, fileName: charterFileName(charter.name, checked.file.displayPath), views, journalViews,
                reportInput: { ...input, views, journalViews, docsBaseUrl: DOCS_BASE_URL, generator: `Entente, from ${checked.file.displayPath}` }
            });
        }
    }
    // One order whatever order the files and charters were read in: by file path, then charter name (code units,
    // not the locale's collation, so every machine agrees); the reports' links to each other and render's list follow it.
    const before = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    drawn.sort((a, b) => before(a.filePath, b.filePath) || before(a.charter.name, b.charter.name));
    // Each report's contents link to the reports written beside it (in the same folder, by file name).
    const links = drawn.map(({ charter, fileName }) => ({ name: charter.name, title: charter.title, href: `${fileName}.html` }));
    return drawn.map(({ reportInput, ...rest }, index) => ({
        ...rest,
        report: diagrams.renderReport({ ...reportInput, charters: links.map((link, i) => ({ ...link, current: i === index })) })
    }));
}
