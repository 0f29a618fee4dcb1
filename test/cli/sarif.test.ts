import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
    relatedLocations?: Array<{ id: number; physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } }; message: { text: string } }>;
    partialFingerprints: Record<string, string>;
}
interface SarifLog {
    version: string;
    runs: Array<{
        tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, unknown> & { id: string; properties: { tags: string[] } }> } };
        results: SarifResult[];
        originalUriBaseIds: Record<string, { uri: string }>;
    }>;
}

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
// The official schema's language pattern is not a valid Unicode-mode RegExp, so patterns compile without the u flag.
// Both packages are CommonJS with a `default` export: under NodeNext the class is that property.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

function sarif(args: string[], cwd = REPO_ROOT, input?: string): SarifLog {
    const result = runCli(['check', '--format', 'sarif', '--today', '2026-06-01', ...args], { cwd, ...(input === undefined ? {} : { input }) });
    assert.equal(result.stderr, '');
    const log = JSON.parse(result.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    return log;
}

describe('entente check --format sarif', function () {
    this.timeout(60_000);

    it('validates against the SARIF 2.1.0 schema, with every rule described', () => {
        const log = sarif(['examples']);
        assert.equal(log.version, '2.1.0');
        const { driver } = log.runs[0].tool;
        assert.equal(driver.name, 'Entente');
        assert.match(driver.version, /^\d+\.\d+\.\d+/);
        assert.match(driver.informationUri, /^https:\/\//);
        const ruleFiles = fs.readdirSync(path.join(REPO_ROOT, 'docs/rules')).filter(name => name !== 'README.md').map(name => name.replace(/\.md$/, ''));
        assert.deepEqual(driver.rules.map(rule => rule.id).sort(), ruleFiles.sort());
        for (const rule of driver.rules) {
            for (const key of ['name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration']) {
                assert.ok(key in rule, `${rule.id} has ${key}`);
            }
            assert.equal(rule.helpUri, `https://github.com/entente-charters/entente/blob/main/docs/rules/${rule.id}.md`);
            assert.ok((rule.help as { markdown: string }).markdown.includes(`# ${rule.id}`));
            const full = (rule.fullDescription as { text: string }).text;
            assert.ok(full.length >= 20 && full.length <= 1000, `${rule.id}: ${full}`);
            assert.equal(rule.properties.tags.length, 2);
            assert.equal(rule.properties.tags[0], 'partnership');
        }
        assert.deepEqual(driver.rules.find(rule => rule.id === 'unowned-commitment')!.defaultConfiguration, { level: 'warning' });
        assert.deepEqual(driver.rules.find(rule => rule.id === 'missing-exit-terms')!.defaultConfiguration, { level: 'note' });
    });

    it('is checked by a validator that rejects what the schema forbids', () => {
        const log = sarif(['examples/broken', 'examples/parties']) as unknown as { runs: Array<{ results: Array<Record<string, unknown>> }> };
        const wrongLevel = structuredClone(log);
        wrongLevel.runs[0].results[0].level = 'info';
        assert.equal(validate(wrongLevel), false);
        const unknownProperty = structuredClone(log);
        unknownProperty.runs[0].results[0].lineNumber = 3;
        assert.equal(validate(unknownProperty), false);
    });

    it('reports each finding with its rule index, level, region relative to %SRCROOT% and related locations', () => {
        const log = sarif(['examples/broken', 'examples/parties']);
        const [run] = log.runs;
        assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${REPO_ROOT}/`);
        assert.ok(run.results.length > 10);
        for (const result of run.results) {
            assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
            const { artifactLocation, region } = result.locations[0].physicalLocation;
            assert.ok(['examples/broken/orbit-kestrel.charter', 'examples/broken/journals/orbit-kestrel-pilot-2025.charter', 'examples/parties/kestrel.charter', 'examples/parties/orbit.charter'].includes(artifactLocation.uri), artifactLocation.uri);
            assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
            assert.ok(region.startLine >= 1 && region.endLine >= region.startLine);
            assert.match(result.partialFingerprints['entente/v1'], /^[0-9a-f]{32}$/);
        }
        const pretty = runCli(['check', 'examples/broken', 'examples/parties', '--today', '2026-06-01', '--format', 'json']);
        const json = JSON.parse(pretty.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; severity: string; line: number; column: number }> }> };
        const diagnostics = json.files.flatMap(file => file.diagnostics);
        assert.deepEqual(run.results.map(result => [result.ruleId, result.level, result.locations[0].physicalLocation.region.startLine, result.locations[0].physicalLocation.region.startColumn]),
            diagnostics.map(d => [d.rule, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[d.severity], d.line, d.column]));
        const withRelated = run.results.filter(result => result.relatedLocations?.length);
        assert.ok(withRelated.length > 0);
        for (const result of withRelated) {
            for (const related of result.relatedLocations!) {
                assert.equal(related.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
                assert.notEqual(related.message.text, '');
            }
        }
    });

    it('keeps fingerprints stable when lines are inserted above a finding', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-sarif-'));
        const original = fs.readFileSync(path.join(REPO_ROOT, 'examples/broken/orbit-kestrel.charter'), 'utf8');
        fs.cpSync(path.join(REPO_ROOT, 'examples/parties'), path.join(folder, 'parties'), { recursive: true });
        fs.writeFileSync(path.join(folder, 'draft.charter'), original);
        const before = sarif(['.'], folder).runs[0].results.filter(result => result.locations[0].physicalLocation.artifactLocation.uri === 'draft.charter');
        fs.writeFileSync(path.join(folder, 'draft.charter'), `// A new header comment\n// over three\n// lines\n${original}`);
        const after = sarif(['.'], folder).runs[0].results.filter(result => result.locations[0].physicalLocation.artifactLocation.uri === 'draft.charter');
        assert.deepEqual(after.map(result => result.locations[0].physicalLocation.region.startLine),
            before.map(result => result.locations[0].physicalLocation.region.startLine + 3));
        assert.deepEqual(after.map(result => result.partialFingerprints), before.map(result => result.partialFingerprints));
        assert.equal(new Set(before.map(result => result.partialFingerprints['entente/v1'])).size, before.length);
    });

    it('writes file URIs for charters outside the current directory, and escapes unusual names', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-sarif-'));
        fs.mkdirSync(path.join(folder, 'inner'));
        fs.writeFileSync(path.join(folder, 'a b#1.charter'), 'charter Solo { parties Acme }\nparty Acme "Acme"\n');
        const log = sarif(['../a b#1.charter'], path.join(folder, 'inner'));
        const uris = log.runs[0].results.map(result => result.locations[0].physicalLocation.artifactLocation);
        assert.deepEqual(uris[0], { uri: `file://${folder}/a%20b%231.charter` });
        const inside = sarif(['a b#1.charter'], folder).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
        assert.deepEqual(inside, { uri: 'a%20b%231.charter', uriBaseId: '%SRCROOT%' });
    });

    it('gives standard input no file URI: no <stdin>.charter for a viewer to look for, unless --stdin-filename names the file', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-sarif-'));
        // Findings, some with related locations, all in the text piped in.
        const text = fs.readFileSync(path.join(REPO_ROOT, 'examples/broken/orbit-kestrel.charter'), 'utf8')
            + fs.readFileSync(path.join(REPO_ROOT, 'examples/parties/orbit.charter'), 'utf8')
            + fs.readFileSync(path.join(REPO_ROOT, 'examples/parties/kestrel.charter'), 'utf8');
        const log = sarif(['--stdin'], folder, text) as SarifLog & { runs: Array<{ artifacts: Array<{ location: object }> }> };
        const run = log.runs[0];
        assert.ok(run.results.length > 3 && run.results.some(result => result.relatedLocations?.length), 'findings with related locations');
        const locations = [
            ...run.artifacts.map(artifact => artifact.location),
            ...run.results.flatMap(result => [result.locations[0].physicalLocation.artifactLocation, ...(result.relatedLocations ?? []).map(related => related.physicalLocation.artifactLocation)])
        ];
        for (const location of locations) {
            assert.deepEqual(location, { description: { text: 'standard input' } });
        }
        const named = sarif(['--stdin', '--stdin-filename', 'charters/deal.charter'], folder, text).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
        assert.deepEqual(named, { uri: 'charters/deal.charter', uriBaseId: '%SRCROOT%' });
    });
});
