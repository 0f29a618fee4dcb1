import type { DiffFinding, FindingChanges } from '@entente/language';
import { pathOf, type DiffReport } from './report.js';

const finding = (report: DiffReport, side: 'old' | 'new') => (item: DiffFinding) => ({
    rule: item.ruleId,
    severity: item.severity,
    element: item.element ?? null,
    message: item.message,
    path: pathOf(report, item.uri, side),
    line: item.line + 1
});

const findings = (report: DiffReport, changes: FindingChanges) => ({
    introduced: changes.introduced.map(finding(report, 'new')),
    resolved: changes.resolved.map(finding(report, 'old'))
});

/** The diff as stable JSON (shape documented in docs/diff.md): paths instead of URIs, 1-based lines. */
export function jsonDiff(report: DiffReport): string {
    const { diff } = report;
    return JSON.stringify({
        version: 1,
        old: report.oldLabel,
        new: report.newLabel,
        summary: diff.summary,
        parties: diff.parties,
        charters: diff.charters.map(charter => ({
            name: charter.name,
            oldName: charter.oldName ?? null,
            change: charter.change,
            oldPath: pathOf(report, charter.oldUri, 'old') ?? null,
            newPath: pathOf(report, charter.newUri, 'new') ?? null,
            changes: charter.changes,
            findings: findings(report, charter.findings),
            health: charter.health,
            say: charter.say,
            regressions: charter.regressions,
            journal: charter.journal.map(({ uri, line, ...change }) => ({ ...change, path: pathOf(report, uri, change.change === 'removed' ? 'old' : 'new'), line: line + 1 }))
        })),
        findings: findings(report, diff.findings),
        journalsWithoutCharter: diff.journalsWithoutCharter.map(item => ({
            journal: item.journal,
            charter: item.charter,
            oldPath: pathOf(report, item.oldUri, 'old') ?? null,
            newPath: pathOf(report, item.newUri, 'new') ?? null
        }))
    }, null, 2) + '\n';
}
