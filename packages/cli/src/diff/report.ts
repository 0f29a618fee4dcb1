import type { CharterDiff, DiffFinding, GovernanceDiff, JournalEntryChange, JournalWithoutCharter } from '@entente/language';

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
    // `journalChanges` is absent from a summary of before journals were compared (JSON read back).
    const journal = summary.journalChanges ? ` (${plural(summary.journalChanges, 'journal entry')})` : '';
    return `${charters ? `Charters: ${charters}` : 'No charters'}; ${plural(summary.changes, 'change')}${journal}; ${plural(summary.findingsIntroduced, 'finding')} introduced, ${summary.findingsResolved} resolved.`;
}

/** Where a journal entry stands: `path:line` (1-based), on the old side when it was removed. */
export function entryPlace(report: DiffReport, change: JournalEntryChange): string {
    return `${pathOf(report, change.uri, change.change === 'removed' ? 'old' : 'new')}:${change.line + 1}`;
}

/** A journal entry as one line after its mark: `2026-05-02 missed TrainSellers "No owner"`, `2026-06-30 assessed by Acme: trust 4 → 1`. */
export function entryText(change: JournalEntryChange, describe: (attributes: JournalEntryChange['attributes']) => string): string {
    return change.change === 'changed' ? `${change.headline}: ${describe(change.attributes)}` : change.entry;
}

/** The one line saying a compared journal's charter was not found, so its entries are not compared. */
export function journalWithoutCharterLine(report: DiffReport, item: JournalWithoutCharter): string {
    const places = [...new Set([pathOf(report, item.oldUri, 'old'), pathOf(report, item.newUri, 'new')].filter(Boolean))].join(' → ');
    const charter = item.charter === null ? 'names no charter (no `for`)' : `is for charter ${item.charter}, found neither in the files compared nor in a folder above them`;
    return `Journal ${item.journal} (${places}) ${charter}: its entries are not compared.`;
}
