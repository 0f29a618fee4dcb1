import { allRules, DOCS_BASE_URL, type Finding, type RelatedLocation, type Rule, type Severity } from '@entente/language';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import packageJson from '../../package.json' with { type: 'json' };
import { fingerprintFindings } from '../fingerprints.js';
import { RULE_DOCS } from '../generated/rule-docs.js';
import { STANDARD_INPUT_NAME } from '../workspace.js';
import { sortedFindings, type Reporter } from './reporter.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = DOCS_BASE_URL.replace(/blob\/main\/$/, '');

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const DIMENSION_TAGS: Record<string, string> = {
    structure: 'structure', equality: 'equality', accountability: 'accountability', conflict: 'conflict-management',
    openness: 'openness', outcomes: 'measurable-outcomes', lifecycle: 'lifecycle', housekeeping: 'housekeeping',
    execution: 'execution', perception: 'perception'
};

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: every rule
 * with its docs, results with paths relative to `%SRCROOT%` (the current
 * directory), related locations, and fingerprints that ignore line numbers.
 */
export const sarifReporter: Reporter = (files, { srcRoot = process.cwd() }) => {
    // Standard input without --stdin-filename is no file: its location says so rather than naming a file `<stdin>.charter`.
    const standardInput = new Set(files.filter(file => file.file.displayPath === STANDARD_INPUT_NAME).map(file => file.file.absolutePath));
    const artifactLocation = (absolutePath: string): ArtifactLocation => standardInput.has(absolutePath) ? STANDARD_INPUT_LOCATION : fileLocation(absolutePath, srcRoot);
    const ruleIndex = new Map(allRules.map((rule, index) => [rule.meta.id, index]));
    const results = files.flatMap(file => fingerprintFindings(file, sortedFindings(file)).map(({ finding, fingerprint }) => ({
        ruleId: finding.ruleId,
        ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{
            physicalLocation: { artifactLocation: artifactLocation(file.file.absolutePath), region: region(finding.range) },
            ...(finding.element ? { logicalLocations: [{ fullyQualifiedName: finding.element }] } : {})
        }],
        ...(finding.related?.length ? { relatedLocations: finding.related.map((related, id) => relatedLocation(related, id, artifactLocation)) } : {}),
        partialFingerprints: { 'entente/v1': fingerprint }
    })));
    const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'Entente',
                    version: packageJson.version,
                    semanticVersion: packageJson.version,
                    informationUri: INFORMATION_URI,
                    rules: allRules.map(rule => reportingDescriptor(rule))
                }
            },
            originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(srcRoot.endsWith(path.sep) ? srcRoot : srcRoot + path.sep).href } },
            artifacts: files.map(file => ({ location: artifactLocation(file.file.absolutePath), mimeType: 'text/x-charter', encoding: 'utf-8' })),
            results,
            columnKind: 'utf16CodeUnits',
            invocations: [{ executionSuccessful: true }]
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
};

function reportingDescriptor(rule: Rule) {
    const { id, summary, severity, dimension, docs } = rule.meta;
    const page = RULE_DOCS[id] ?? `# ${id}\n\n${summary}\n`;
    return {
        id,
        name: id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
        shortDescription: { text: summary },
        fullDescription: { text: whyItMatters(page) ?? summary },
        help: { text: page.replace(/```\w*\n/g, '').replace(/```/g, ''), markdown: page },
        helpUri: DOCS_BASE_URL + docs,
        defaultConfiguration: { level: LEVELS[severity] },
        properties: { tags: ['partnership', DIMENSION_TAGS[dimension] ?? dimension], dimension }
    };
}

/** The first paragraph under "Why it matters" in a rule's docs page. */
function whyItMatters(page: string): string | undefined {
    const match = /^## Why it matters\s*\n+([\s\S]*?)(\n\n|\n##|$)/m.exec(page);
    return match?.[1].replace(/\s+/g, ' ').trim().slice(0, 1000);
}

type ArtifactLocation = { uri: string; uriBaseId?: string } | { description: { text: string } };

/** Where a charter read from standard input is: no file, so no URI, and a description for people (SARIF 2.1.0 §3.4.5). */
const STANDARD_INPUT_LOCATION: ArtifactLocation = { description: { text: 'standard input' } };

function fileLocation(absolutePath: string, srcRoot: string): ArtifactLocation {
    const relative = path.relative(srcRoot, absolutePath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
        return { uri: pathToFileURL(absolutePath).href };
    }
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(range: Finding['range']) {
    return {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1
    };
}

function relatedLocation(related: RelatedLocation, id: number, artifactLocation: (absolutePath: string) => ArtifactLocation) {
    return {
        id,
        physicalLocation: { artifactLocation: artifactLocation(filePathOf(related.uri)), region: region(related.range) },
        message: { text: related.message }
    };
}

function filePathOf(uri: string): string {
    try {
        return fileURLToPath(uri);
    } catch {
        return uri;
    }
}
