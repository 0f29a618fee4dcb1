import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    CompletionRequest, DefinitionRequest, RenameRequest, ResponseError,
    type CompletionItem, type CompletionList, type Location, type LocationLink
} from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

// A journal's names resolve against its charter (docs/journal.md): its parties and roles, and the issues raised in
// the charter's journals. Over LSP, with the fixtures of test/fixtures/operations and a party outside the charter.

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/operations');
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');
const PARTIES_URI = 'file:///scoping/parties/acme.charter';
const INITECH_URI = 'file:///scoping/parties/initech.charter';
const CHARTER_URI = 'file:///scoping/acme-globex.charter';
const JOURNAL_URI = 'file:///scoping/acme-globex-2026.charter';
const NEXT_URI = 'file:///scoping/acme-globex-2027.charter';
const INITECH = 'party Initech { role Boss }\n';
const NEXT = `journal AcmeGlobex2027 for AcmeGlobex {
    2027-01-10 raised NordicLeads "Nordic leads, again" via Disputes
    2027-01-12 escalated NordicLeads
}
`;

function positionAfter(text: string, marker: string): { line: number; character: number } {
    const offset = text.indexOf(marker);
    assert.ok(offset >= 0, marker);
    return TextDocument.create('file:///x', 'charter', 1, text).positionAt(offset + marker.length);
}

function lineOf(text: string, needle: string): number {
    const line = text.split('\n').findIndex(candidate => candidate.includes(needle));
    assert.ok(line >= 0, needle);
    return line;
}

describe('a journal\'s parties, roles and issues over LSP', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const journal = read('acme-globex-2026.charter');

    beforeEach(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2027-02-01' } };
        await client.initialize();
        await client.open(PARTIES_URI, read('parties/acme.charter'));
        await client.open(INITECH_URI, INITECH);
        await client.open(CHARTER_URI, read('acme-globex.charter'));
    });
    afterEach(() => client.dispose());

    it('reports an outsider attendee and an outsider\'s assessment as outsider-reference errors', async () => {
        const text = journal
            .replace('2026-04-22 met SteeringCommittee with Acme.AllianceLead, Globex.PartnerManager', '2026-06-01 met SteeringCommittee with Initech.Boss')
            .replace('    2026-07-01 note', '    2026-06-30 assessed by Initech { trust 1 commitment 1 coordination 1 communication 1 }\n    2026-07-01 note');
        const diagnostics = await client.open(JOURNAL_URI, text);
        const outsiders = diagnostics.filter(diagnostic => diagnostic.code === 'outsider-reference');
        assert.deepEqual(outsiders.map(diagnostic => [diagnostic.severity, diagnostic.range.start.line, diagnostic.range.start.character]), [
            [1, lineOf(text, 'with Initech.Boss'), text.split('\n')[lineOf(text, 'with Initech.Boss')].indexOf('Initech')],
            [1, lineOf(text, 'assessed by Initech'), text.split('\n')[lineOf(text, 'assessed by Initech')].indexOf('Initech')]
        ]);
        assert.match(outsiders[1].message, /^Initech is not a party to charter AcmeGlobex \(its parties: Acme, Globex\); its assessment is left out of the perceived score\.$/);
        // The fixture itself names only the charter's parties.
        const clean = await client.change(JOURNAL_URI, journal);
        assert.deepEqual(clean.filter(diagnostic => diagnostic.code === 'outsider-reference').map(diagnostic => diagnostic.message), []);
    });

    it('completes a journal\'s attendees, deciders and assessing party from the charter\'s parties and roles, most named first', async () => {
        await client.open(JOURNAL_URI, journal);
        const complete = async (marker: string, typed: string): Promise<string[]> => {
            const source = journal.replace('    2026-07-01 note', `    ${typed}\n    2026-07-01 note`);
            await client.change(JOURNAL_URI, source);
            const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: JOURNAL_URI }, position: positionAfter(source, marker) });
            const items = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
            return [...items].sort((a: CompletionItem, b: CompletionItem) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
                .map(item => item.label).filter(label => /^[A-Z]/.test(label));
        };
        const assessed = await complete('assessed by ', '2026-07-01 assessed by ');
        assert.deepEqual([...assessed].sort(), ['Acme', 'Globex'], assessed.join(', '));
        const attendees = await complete('SteeringCommittee with ', '2026-07-01 met SteeringCommittee with ');
        assert.ok(!attendees.some(label => label.startsWith('Initech')), attendees.join(', '));
        for (const expected of ['Acme', 'Globex', 'Acme.AllianceLead', 'Acme.Legal', 'Globex.Sponsor']) {
            assert.ok(attendees.includes(expected), `${expected} among ${attendees.join(', ')}`);
        }
        assert.ok(!attendees.includes('SteeringCommittee'), `the body does not attend its own meeting: ${attendees.join(', ')}`);
        // The committee's members first, then the other principals; each most named first (Globex and Acme.AllianceLead
        // are named seven times in the charter, Globex.PartnerManager six, Acme.Sponsor twice, Acme.Legal never).
        const members = /members ([\w.]+(?:, [\w.]+)*)/.exec(read('acme-globex.charter').slice(read('acme-globex.charter').indexOf('body SteeringCommittee')))![1].split(', ');
        assert.deepEqual([...attendees.slice(0, members.length)].sort(), [...members].sort(), attendees.join(', '));
        assert.equal(attendees[0], 'Acme.AllianceLead', attendees.join(', '));
        const rank = (label: string) => attendees.indexOf(label);
        assert.ok(rank('Acme.AllianceLead') < rank('Globex.PartnerManager') && rank('Globex.PartnerManager') < rank('Acme.Sponsor')
            && rank('Globex') < rank('Acme.Legal'), attendees.join(', '));
        const deciders = await complete('decided PriceList by ', '2026-07-01 decided PriceList by ');
        assert.ok(!deciders.some(label => label.startsWith('Initech')), deciders.join(', '));
        assert.ok(deciders.includes('Acme') && deciders.includes('Globex.PartnerManager'), deciders.join(', '));
    });

    it('reports an issue raised in two journals of the charter, on each raise, pointing at the other', async () => {
        await client.open(JOURNAL_URI, journal);
        const next = await client.open(NEXT_URI, NEXT);
        const duplicate = next.filter(diagnostic => diagnostic.code === 'duplicate-name');
        assert.deepEqual(duplicate.map(diagnostic => [diagnostic.range.start.line, diagnostic.range.start.character]), [[1, 22]]);
        assert.match(duplicate[0].message, /The issue 'NordicLeads' is raised 2 times in the journals of charter AcmeGlobex\./);
        const raised = lineOf(journal, 'raised NordicLeads');
        assert.deepEqual(duplicate[0].relatedInformation?.map(related => [related.location.uri, related.location.range.start.line]), [[JOURNAL_URI, raised]]);
        const first = await client.waitForDiagnostics(JOURNAL_URI, diagnostics => diagnostics.some(diagnostic => diagnostic.code === 'duplicate-name'));
        assert.deepEqual(first.filter(diagnostic => diagnostic.code === 'duplicate-name').map(diagnostic => diagnostic.range.start.line), [raised]);
        // Twice in one journal, too.
        const twice = await client.change(NEXT_URI, NEXT.replace('2027-01-10 raised NordicLeads', '2027-01-10 raised Pricing').replace('    2027-01-12', '    2027-01-11 raised Pricing via Disputes\n    2027-01-12'));
        assert.deepEqual(twice.filter(diagnostic => diagnostic.code === 'duplicate-name').map(diagnostic => diagnostic.range.start.line), [1, 2]);
    });

    it('goes from an escalation to the raise in its own file, not another journal\'s', async () => {
        await client.open(JOURNAL_URI, journal);
        await client.open(NEXT_URI, NEXT);
        const definition = async (uri: string, text: string, needle: string) => {
            const line = lineOf(text, needle);
            const result = await client.connection.sendRequest(DefinitionRequest.type, {
                textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf('NordicLeads') + 2 }
            });
            const target = (Array.isArray(result) ? result[0] : result) as Location | LocationLink;
            return 'targetUri' in target ? [target.targetUri, target.targetSelectionRange.start.line] : [target.uri, target.range.start.line];
        };
        assert.deepEqual(await definition(NEXT_URI, NEXT, 'escalated NordicLeads'), [NEXT_URI, 1]);
        assert.deepEqual(await definition(JOURNAL_URI, journal, 'escalated NordicLeads'), [JOURNAL_URI, lineOf(journal, 'raised NordicLeads')]);
    });

    it('refuses to rename an issue to the name of another issue of the charter\'s journals, as it does a commitment', async () => {
        await client.open(JOURNAL_URI, journal.replace('    2026-05-12', '    2026-05-10 raised Pricing via Disputes\n    2026-05-12'));
        await client.open(NEXT_URI, NEXT.replace(/NordicLeads/g, 'Territory'));
        const rename = (uri: string, text: string, needle: string, name: string, newName: string) => {
            const line = lineOf(text, needle);
            return client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line, character: text.split('\n')[line].indexOf(name) + 1 }, newName });
        };
        const refused = async (request: Promise<unknown>): Promise<string> => {
            try {
                await request;
            } catch (error) {
                assert.ok(error instanceof ResponseError, String(error));
                return error.message;
            }
            return assert.fail('the rename was accepted');
        };
        const charter = read('acme-globex.charter');
        assert.match(await refused(rename(CHARTER_URI, charter, 'commitment TrainSellers', 'TrainSellers', 'ShareRoadmap')), /A commitment named 'ShareRoadmap' is already declared/);
        const journalText = journal.replace('    2026-05-12', '    2026-05-10 raised Pricing via Disputes\n    2026-05-12');
        // In the same journal, and in another file's journal of the charter.
        assert.match(await refused(rename(JOURNAL_URI, journalText, 'raised Pricing', 'Pricing', 'NordicLeads')), /^An issue named 'NordicLeads' is already raised in a journal of charter AcmeGlobex\.$/);
        assert.match(await refused(rename(NEXT_URI, NEXT.replace(/NordicLeads/g, 'Territory'), 'escalated Territory', 'Territory', 'NordicLeads')), /An issue named 'NordicLeads' is already raised/);
        // A free name is accepted, and renames the escalation in the other file too.
        const edit = await rename(JOURNAL_URI, journalText, 'raised NordicLeads', 'NordicLeads', 'NordicTerritory');
        assert.ok(edit?.changes?.[JOURNAL_URI]?.length === 3, JSON.stringify(edit));
    });
});
