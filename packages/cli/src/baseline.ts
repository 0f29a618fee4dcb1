import { compareText, type Finding } from '@entente/language';
import * as path from 'node:path';
import packageJson from '../package.json' with { type: 'json' };
import { CliError } from './cli-error.js';
import { readRegularFile, writeFilesAtomically } from './files.js';
import { fingerprintFindings } from './fingerprints.js';
import type { FileReport } from './workspace.js';

const BASELINE_VERSION = 1;

/** One known finding in a baseline file. */
export interface BaselineEntry {
    rule: string;
    element?: string;
    fingerprint: string;
    /** For people reading the file: where the finding was and what it said when recorded. */
    file: string;
    message: string;
}

interface BaselineFile {
    $comment: string;
    version: number;
    tool: string;
    findings: BaselineEntry[];
}

function keyOf(entry: { rule: string; element?: string; fingerprint: string }): string {
    return `${entry.rule}\u0000${entry.element ?? ''}\u0000${entry.fingerprint}`;
}

/** Records every finding of the run, sorted so the file diffs well in git. */
export function writeBaseline(target: string, files: FileReport[]): number {
    const folder = path.dirname(path.resolve(target));
    const findings: BaselineEntry[] = files.flatMap(file => fingerprintFindings(file).map(({ finding, fingerprint }) => ({
        rule: finding.ruleId,
        ...(finding.element ? { element: finding.element } : {}),
        fingerprint,
        file: path.relative(folder, file.file.absolutePath).split(path.sep).join('/'),
        message: finding.message
    })));
    findings.sort((a, b) => compareText(a.file, b.file) || compareText(a.rule, b.rule) || compareText(a.element ?? '', b.element ?? '') || compareText(a.fingerprint, b.fingerprint));
    const content: BaselineFile = {
        $comment: 'Known findings that `entente check --baseline` does not report. Regenerate with `entente check --write-baseline`.',
        version: BASELINE_VERSION,
        tool: `entente ${packageJson.version}`,
        findings
    };
    writeFilesAtomically([{ file: target, content: JSON.stringify(content, null, 2) + '\n' }]);
    return findings.length;
}

/** What applying a baseline left: the new findings per file, and how many were known and how many known ones are gone. */
export interface BaselineOutcome {
    files: FileReport[];
    known: number;
    gone: number;
}

/** Drops the findings the baseline records, matched by rule, element and fingerprint (never by line). */
export function applyBaseline(source: string, files: FileReport[]): BaselineOutcome {
    const entries = readBaseline(source);
    const remaining = new Map<string, number>();
    for (const entry of entries) {
        remaining.set(keyOf(entry), (remaining.get(keyOf(entry)) ?? 0) + 1);
    }
    let known = 0;
    const filtered = files.map(file => {
        const fresh: Finding[] = [];
        for (const { finding, fingerprint } of fingerprintFindings(file)) {
            const key = keyOf({ rule: finding.ruleId, element: finding.element, fingerprint });
            const count = remaining.get(key) ?? 0;
            if (count > 0) {
                remaining.set(key, count - 1);
                known++;
            } else {
                fresh.push(finding);
            }
        }
        return { ...file, findings: fresh };
    });
    const gone = [...remaining.values()].reduce((sum, count) => sum + count, 0);
    return { files: filtered, known, gone };
}

function readBaseline(source: string): BaselineEntry[] {
    // Read as charters are: a FIFO or a device is refused with one line instead of blocking or reading without end.
    const text = readRegularFile(path.resolve(source), source).toString('utf8');
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new CliError(`${source}: not a baseline file (invalid JSON: ${(error as Error).message.split('\n')[0]})`);
    }
    const file = parsed as Partial<BaselineFile> | null;
    if (typeof file !== 'object' || file === null || file.version !== BASELINE_VERSION || !Array.isArray(file.findings)
        || !file.findings.every(entry => typeof entry?.rule === 'string' && typeof entry.fingerprint === 'string' && (entry.element === undefined || typeof entry.element === 'string'))) {
        throw new CliError(`${source}: not an Entente baseline file (version ${BASELINE_VERSION}); write one with --write-baseline`);
    }
    return file.findings;
}
