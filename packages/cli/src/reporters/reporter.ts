import { compareText, count } from '@entente/language';
import type { FileReport } from '../workspace.js';

/** Counts of findings by severity over the files checked. */
export interface Summary {
    files: number;
    filesWithFindings: number;
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
}

export function summarise(files: FileReport[]): Summary {
    const summary: Summary = { files: files.length, filesWithFindings: 0, errors: 0, warnings: 0, infos: 0, hints: 0 };
    for (const { findings } of files) {
        if (findings.length > 0) {
            summary.filesWithFindings++;
        }
        for (const finding of findings) {
            switch (finding.severity) {
                case 'error': summary.errors++; break;
                case 'warning': summary.warnings++; break;
                case 'info': summary.infos++; break;
                case 'hint': summary.hints++; break;
            }
        }
    }
    return summary;
}

/** Findings in reading order: by line, then column. */
export function sortedFindings(file: FileReport): FileReport['findings'] {
    return [...file.findings].sort((a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareText(a.ruleId, b.ruleId));
}

export interface ReporterOptions {
    color: boolean;
    /** The folder paths are relative to (`%SRCROOT%` in SARIF); the current directory by default. */
    srcRoot?: string;
    /** With `--quiet`: the findings below error that were found and are not shown. */
    notShown?: Summary;
}

/** Formats the findings of a check run for output. */
export type Reporter = (files: FileReport[], options: ReporterOptions) => string;

export function plural(n: number, word: string): string {
    return count(n, word);
}

/** ` (not shown with --quiet: 26 warnings, 8 infos)`: what --quiet left out, for a summary line; empty when nothing was. */
export function notShownNote(notShown: Summary): string {
    const hidden = [[notShown.warnings, 'warning'], [notShown.infos, 'info'], [notShown.hints, 'hint']] as const;
    const others = hidden.filter(([count]) => count > 0).map(([count, word]) => plural(count, word));
    return others.length ? ` (not shown with --quiet: ${others.join(', ')})` : '';
}
