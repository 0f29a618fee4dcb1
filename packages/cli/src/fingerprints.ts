import type { Finding } from '@entente/language';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { FileReport } from './workspace.js';

/** A finding with the fingerprint that identifies it across edits. */
export interface FingerprintedFinding {
    finding: Finding;
    /** Hex digest of rule, element, flagged text and occurrence: no line or column. */
    fingerprint: string;
}

/**
 * Fingerprints each finding of a file from what it is about, not where it is:
 * its rule, the element it names (`Charter.Element`), the source text it
 * flags (whitespace collapsed) and, for identical findings, their order. So a
 * fingerprint survives lines inserted or removed elsewhere in the file, and a
 * reformat; it changes when the flagged thing itself changes. Findings that
 * name no element are also keyed by their file's name (not its path, so a
 * baseline works from any folder).
 */
export function fingerprintFindings(file: FileReport, findings: readonly Finding[] = file.findings): FingerprintedFinding[] {
    const lineStarts = lineStartOffsets(file.file.text);
    const seen = new Map<string, number>();
    return findings.map(finding => {
        const snippet = flaggedText(file.file.text, lineStarts, finding).replace(/\s+/g, ' ').trim().slice(0, 200);
        const key = [finding.ruleId, finding.element ?? `file:${path.basename(file.file.absolutePath)}`, snippet].join('\u0000');
        const occurrence = seen.get(key) ?? 0;
        seen.set(key, occurrence + 1);
        const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
        return { finding, fingerprint };
    });
}

function lineStartOffsets(text: string): number[] {
    const starts = [0];
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
        starts.push(index + 1);
    }
    return starts;
}

function flaggedText(text: string, lineStarts: number[], finding: Finding): string {
    const offset = (line: number, character: number) => Math.min(text.length, (lineStarts[line] ?? text.length) + character);
    return text.slice(offset(finding.range.start.line, finding.range.start.character), offset(finding.range.end.line, finding.range.end.character));
}
