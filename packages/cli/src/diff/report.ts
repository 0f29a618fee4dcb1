import type { CharterDiff, DiffFinding, GovernanceDiff } from '@entente/language';

/** A governance diff with what is needed to show it: where each side's documents stand, as display paths. */
export interface DiffReport {
    diff: GovernanceDiff;
    /** What the old and new sides are, as the user named them (paths, or `git:BASE`). */
    oldLabel: string;
    newLabel: string;
    oldPaths: Map<string, string>;
    newPaths: Map<string, string>;
}

/** Where a finding stands: `path:line` (1-based) on its own side. */
export function findingPlace(report: DiffReport, finding: DiffFinding, side: 'old' | 'new'): string {
    return `${pathOf(report, finding.uri, side)}:${finding.line + 1}`;
}

export function pathOf(report: DiffReport, uri: string | undefined, side: 'old' | 'new'): string | undefined {
    return uri === undefined ? undefined : ((side === 'old' ? report.oldPaths : report.newPaths).get(uri) ?? uri);
}

/** The charter's file(s): `a.charter`, or `old.charter → new.charter` when it moved. */
export function charterPlace(report: DiffReport, charter: CharterDiff): string {
    const before = pathOf(report, charter.oldUri, 'old');
    const after = pathOf(report, charter.newUri, 'new');
    return before && after && before !== after ? `${before} → ${after}` : (after ?? before ?? '');
}

/** The summary line every format starts with. */
export function summaryLine(diff: GovernanceDiff, plural: (count: number, word: string) => string): string {
    const { summary } = diff;
    const charters = [
        summary.chartersChanged && `${summary.chartersChanged} changed`,
        summary.chartersAdded && `${summary.chartersAdded} added`,
        summary.chartersRemoved && `${summary.chartersRemoved} removed`,
        summary.chartersRenamed && `${summary.chartersRenamed} renamed`,
        summary.chartersUnchanged && `${summary.chartersUnchanged} unchanged`
    ].filter(Boolean).join(', ');
    return `${charters ? `Charters: ${charters}` : 'No charters'}; ${plural(summary.changes, 'change')}; ${plural(summary.findingsIntroduced, 'finding')} introduced, ${summary.findingsResolved} resolved.`;
}
