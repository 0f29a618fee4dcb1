import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, type Finding } from '@entente/language';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();
const STRUCTURAL = new Set(allRules.filter(rule => rule.meta.structural).map(rule => rule.meta.id));

function read(file: string): string {
    return fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
}

/** The ```charter blocks of a page, in order. */
function charterBlocks(page: string): string[] {
    return [...read(page).matchAll(/^```charter\n([\s\S]*?)^```$/gm)].map(match => match[1]);
}

/** The reference charter's files (examples/reference), and its Globex party alone. */
const REFERENCE = {
    parties: read('examples/reference/parties/acme.charter'),
    charter: read('examples/reference/acme-globex.charter'),
    globex: /^party Globex[\s\S]*?^}\n/m.exec(read('examples/reference/acme-globex.charter'))![0]
};

/** Checks the files as one workspace; the structural findings (syntax, unresolved names, duplicates) of each, as `file: rule: message`. */
async function check(files: Record<string, string>, today = '2026-11-22'): Promise<{ findings: Finding[]; structural: string[] }> {
    await clearDocuments(services);
    const checked = await checkWorkspace(services, files, { today });
    const findings = Object.values(checked).flatMap(file => file.findings);
    const structural = Object.entries(checked).flatMap(([name, file]) => file.findings.filter(finding => STRUCTURAL.has(finding.ruleId)).map(finding => `${name}: ${finding.ruleId}: ${finding.message}`));
    return { findings, structural };
}

/** A snippet's `…` lines stand for what it leaves out. */
function withoutElisions(snippet: string): string {
    return snippet.split('\n').filter(line => line.trim() !== '…').join('\n');
}

/** The snippets of the pages a newcomer copies from parse, resolve and check as the text around them says. */
describe('the charter snippets of the docs', () => {
    after(() => clearDocuments(services));

    it('docs/language.md: the party file, the charter (its … left out) with the reserved decision and the escalation in it, parse and resolve', async () => {
        const [party, charter, decision, escalation, ...rest] = charterBlocks('docs/language.md');
        assert.equal(rest.length, 0, 'the page has four charter snippets');
        assert.match(party, /^\/\/ parties\/acme\.charter\nparty Acme /);
        const body = 'body SteeringCommittee { members Acme.Sponsor, Globex.Sponsor votes by unanimity meets quarterly }';
        const whole = withoutElisions(charter).replace(/\n}\n?$/, `\n${body}\n${decision}\n${escalation}\n}\n`);
        const { findings, structural } = await check({ 'parties/acme.charter': party, 'globex.charter': REFERENCE.globex, 'acme-globex.charter': whole });
        assert.deepEqual(structural, []);
        // "an executive decision by every party [is] neutral"; a joint body's reserved matter is no one's alone.
        assert.deepEqual(findings.filter(finding => ['one-sided-final-step', 'unilateral-reserved-matter'].includes(finding.ruleId)).map(finding => finding.message), []);
    });

    it('docs/journal.md: the journal parses and its names resolve against the reference charter', async () => {
        const [journal, ...rest] = charterBlocks('docs/journal.md');
        assert.equal(rest.length, 0, 'the page has one charter snippet');
        const { findings, structural } = await check({ 'parties/acme.charter': REFERENCE.parties, 'acme-globex.charter': REFERENCE.charter, 'journals/acme-globex-2026.charter': journal });
        assert.deepEqual(structural, []);
        assert.ok(findings.some(finding => finding.ruleId === 'perception-gap'), 'trust 4 against 2 is a perception gap');
    });

    it('docs/configuration.md: the suppression comment suppresses its finding until its date, and the finding comes back after it', async () => {
        const [suppression, ...rest] = charterBlocks('docs/configuration.md');
        assert.equal(rest.length, 0, 'the page has one charter snippet');
        const charter = `${REFERENCE.globex}charter Deal {\n    parties Acme, Globex\n${suppression}}\n`;
        const before = await check({ 'parties/acme.charter': REFERENCE.parties, 'deal.charter': charter }, '2027-03-31');
        assert.deepEqual(before.structural, []);
        assert.deepEqual(before.findings.filter(finding => /suppression|uninformed-party/.test(finding.ruleId)).map(finding => finding.message), []);
        const after = await check({ 'parties/acme.charter': REFERENCE.parties, 'deal.charter': charter }, '2027-04-01');
        assert.deepEqual(after.findings.filter(finding => /suppression|uninformed-party/.test(finding.ruleId)).map(finding => finding.ruleId).sort(), ['uninformed-party', 'unused-suppression']);
    });

    it('README.md: the charter (its … left out) parses and resolves with the reference parties', async () => {
        const [snippet] = charterBlocks('README.md');
        const charter = withoutElisions(snippet.slice(0, snippet.indexOf('\njournal ')));
        const { structural } = await check({ 'parties/acme.charter': REFERENCE.parties, 'globex.charter': REFERENCE.globex, 'acme-globex.charter': charter });
        assert.deepEqual(structural, []);
    });

    it('README.md and docs/health.md show the code lens as the server writes it', async () => {
        const files = {
            'orbit-kestrel.charter': read('examples/broken/orbit-kestrel.charter'),
            'journals/orbit-kestrel-pilot-2025.charter': read('examples/broken/journals/orbit-kestrel-pilot-2025.charter'),
            'orbit.charter': read('examples/parties/orbit.charter'),
            'kestrel.charter': read('examples/parties/kestrel.charter')
        };
        await clearDocuments(services);
        const { document } = (await checkWorkspace(services, files, { today: '2026-11-22' }))['orbit-kestrel.charter'];
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
        const title = lenses![0].command!.title;
        const shown = (page: string, lead: string) => new RegExp(`${lead} \\(\`([^\`]+)\`\\)`).exec(read(page).replace(/\s+/g, ' '))?.[1];
        // The README shows the broken example's lens (as of 2026-11-22), its end left out.
        const readme = shown('README.md', 'a code lens above each charter');
        assert.ok(readme?.endsWith(' …') && title.startsWith(readme.slice(0, -2)), `README.md shows ${readme}; the lens reads ${title}`);
        // docs/health.md shows the lens's form, with numbers of its own: the form the real lens has.
        const form = /^Design \d+ · Execution (?:\d+|not measured) · Perceived (?:\d+(?: \(gap \d+ on \w+\))?|not measured) — equality \d+ · /;
        assert.match(title, form);
        const health = shown('docs/health.md', "a code lens on each charter's name");
        assert.ok(health !== undefined && form.test(health) && health.endsWith(' …'), `docs/health.md shows ${health}; the lens reads ${title}`);
    });
});

