import { sortedFindings, summarise, type Reporter } from './reporter.js';

/** Machine-readable findings: every file read, 1-based positions, paths relative to the current directory. */
export const jsonReporter: Reporter = files => {
    const output = {
        files: files.map(file => ({
            path: file.file.displayPath,
            diagnostics: sortedFindings(file).map(finding => ({
                rule: finding.ruleId,
                severity: finding.severity,
                message: finding.message,
                line: finding.range.start.line + 1,
                column: finding.range.start.character + 1,
                endLine: finding.range.end.line + 1,
                endColumn: finding.range.end.character + 1,
                ...(finding.element ? { element: finding.element } : {})
            }))
        })),
        summary: summarise(files)
    };
    return JSON.stringify(output, null, 2) + '\n';
};
