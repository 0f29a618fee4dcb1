import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeLensRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/operations');
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');
const charterUri = 'file:///ops/acme-globex.charter';
const journalUri = 'file:///ops/acme-globex-2026.charter';

describe('the journal over LSP: diagnostics, code lens and hover with the three layers', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const journal = read('acme-globex-2026.charter');

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-07-02' } };
        await client.initialize();
        await client.open('file:///ops/parties/acme.charter', read('parties/acme.charter'));
        await client.open(charterUri, read('acme-globex.charter'));
    });
    after(() => client.dispose());

    it('publishes the journal\'s execution findings and no errors for OPERATIONS.md\'s journal', async () => {
        const diagnostics = await client.open(journalUri, journal);
        assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => d.message), []);
        const codes = diagnostics.map(d => d.code);
        assert.ok(codes.includes('off-target-metric'), `off-target-metric among ${codes.join(', ')}`);
        assert.ok(codes.includes('perception-gap'));
    });

    it('shows the three layers in the charter\'s code lens, and follows an edit of the journal', async () => {
        const title = async () => (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: charterUri } }))![0].command!.title;
        assert.match(await title(), /^Design \d+ · Execution \d+ · Perceived 53 \(gap 2 on trust\) — equality/);
        await client.change(journalUri, journal.replace('assessed by Globex { trust 2', 'assessed by Globex { trust 4').replace('communication 2 }', 'communication 4 }'));
        assert.match(await title(), /Perceived 69 \(gap 1 on commitment\)|Perceived \d+ \(gap 1 on \w+\)/);
    });

    it('reports a future entry while typing, and a half-written entry as a finding rather than a crash', async () => {
        const future = await client.change(journalUri, journal.replace('2026-07-01 note', '2026-08-01 note'));
        assert.ok(future.some(d => d.code === 'future-entry' && d.range.start.line === 17));
        const half = await client.change(journalUri, journal.replace('2026-07-01 note "Globex reorganised its partner team"', '2026-07-01 met'));
        assert.ok(half.some(d => d.code === 'syntax' && /names no body/.test(d.message)), half.map(d => d.message).join('\n'));
        const cut = await client.change(journalUri, journal.slice(0, journal.indexOf('2026-05-04 raised') + 20));
        assert.ok(cut.length > 0);
    });

    it('reads on past an entry being typed in the middle of the journal: each keystroke\'s findings are the finished journal\'s, and the entry\'s own', async () => {
        const before = '    2026-03-02 decided PriceList';
        const findings = (diagnostics: Array<{ code?: unknown; message: string }>) => diagnostics.filter(d => d.code !== 'syntax').map(d => `${d.code} ${d.message}`).sort();
        const settled = findings(await client.change(journalUri, journal));
        const typed = '2026-03-15 delivered ShareRoadmap';
        const line = journal.split('\n').findIndex(text => text.startsWith(before));
        const expected: Record<number, string | undefined> = {
            11: 'This entry has a date and nothing else',
            13: '`de` is no kind of entry (did you mean `delivered` or `decided`?)',
            16: '`deliv` is no kind of entry (did you mean `delivered`?)',
            20: 'This delivered entry names no commitment.',
            [typed.length]: undefined
        };
        for (const [length, message] of Object.entries(expected)) {
            const partial = typed.slice(0, Number(length));
            const diagnostics = await client.change(journalUri, journal.replace(before, `    ${partial}\n${before}`));
            const own = diagnostics.filter(d => d.code === 'syntax').map(d => `${d.range.start.line}: ${d.message}`);
            assert.deepEqual(own.map(text => text.slice(0, `${line}: `.length + (message?.length ?? 0))), message ? [`${line}: ${message}`] : [], JSON.stringify(partial));
            // The entries after the one being typed are read as ever: nothing found about them comes or goes (the delivery adds none).
            assert.deepEqual(findings(diagnostics), settled, JSON.stringify(partial));
        }
        await client.change(journalUri, journal);
    });

    /** The hover of `word` in the journal's line that starts with `lineStart`, and where the word stands. */
    const hoverAt = async (lineStart: string, word: string) => {
        const lines = journal.split('\n');
        const line = lines.findIndex(text => text.trimStart().startsWith(lineStart));
        const character = lines[line].indexOf(word, lines[line].indexOf(lineStart) + lineStart.length - word.length);
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: journalUri }, position: { line, character: character + 1 } });
        return { value: (hover?.contents as MarkupContent | undefined)?.value ?? '', range: hover?.range, line, character };
    };

    it('hovers every kind of name an entry mentions with what it names, as in the charter', async () => {
        await client.change(journalUri, journal);
        const body = await hoverAt('2026-01-20 met SteeringCommittee', 'SteeringCommittee');
        assert.match(body.value, /^\*\*body SteeringCommittee\*\*/);
        assert.match(body.value, /\| Acme \| \d+ \| \d+% \|/);
        assert.deepEqual(body.range?.start.line, 2);
        assert.match((await hoverAt('2026-01-20 met SteeringCommittee with Acme.AllianceLead', 'AllianceLead')).value, /^\*\*role Acme\.AllianceLead\*\* — Alliance manager[\s\S]*In AcmeGlobex:\n- sits on: SteeringCommittee/);
        assert.match((await hoverAt('2026-01-15 delivered ShareRoadmap', 'ShareRoadmap')).value, /^\*\*commitment ShareRoadmap\*\*[\s\S]*- owner: /);
        assert.match((await hoverAt('2026-03-31 measured JointRevenue', 'JointRevenue')).value, /^\*\*metric JointRevenue\*\*[\s\S]*- target: >= \d+ USD/);
        assert.match((await hoverAt('2026-03-02 decided PriceList', 'PriceList')).value, /^\*\*decision PriceList\*\*[\s\S]*- can block: /);
        assert.match((await hoverAt('2026-05-04 raised NordicLeads "Who owns inbound leads in the Nordics" via Disputes', 'Disputes')).value, /^\*\*escalation Disputes\*\*[\s\S]*1\. /);
        assert.match((await hoverAt('2026-06-30 assessed by Globex', 'Globex')).value, /^\*\*party Globex\*\*/);
        assert.match((await hoverAt('journal AcmeGlobex2026 for AcmeGlobex', 'AcmeGlobex')).value, /Design \d+|Execution \d+/);
    });

    it('hovers an entry\'s date, its kind, and a dispute\'s issue with the dispute as of today', async () => {
        await client.change(journalUri, journal);
        // Before, each of these hovered nothing.
        const kind = await hoverAt('2026-07-01 note', 'note');
        assert.equal(kind.value, '**note** — A note on the timeline, checked for nothing.');
        assert.deepEqual(kind.range, { start: { line: kind.line, character: kind.character }, end: { line: kind.line, character: kind.character + 4 } });
        assert.match((await hoverAt('2026-05-12 escalated', 'escalated')).value, /^\*\*escalated\*\* — The dispute climbs one level/);
        const date = await hoverAt('2026-05-04', '2026-05-04');
        assert.equal(date.value, '**2026-05-04** — 59 days before today (2026-07-02)');
        const dispute = [
            '**issue NordicLeads** — Who owns inbound leads in the Nordics',
            '',
            '- raised 2026-05-04 via Disputes, about Budget, at level 1 of 3 (Acme.AllianceLead and Globex.PartnerManager)',
            '- escalated 2026-05-12 to level 2 of 3 (SteeringCommittee)',
            '- resolved 2026-05-19, after 15 days',
            '- within its time box (15 days for the levels reached)'
        ].join('\n');
        const raised = await hoverAt('2026-05-04 raised NordicLeads', 'NordicLeads');
        assert.equal(raised.value, dispute);
        assert.equal((await hoverAt('2026-05-12 escalated NordicLeads', 'NordicLeads')).value, dispute, 'the same dispute where it is escalated');
        assert.equal((await hoverAt('2026-05-19 resolved NordicLeads', 'NordicLeads')).value, dispute, 'and where it is resolved');
        // Still open as of today: how long, and how far over its time box.
        const open = journal.replace(/\n\s*2026-05-19 resolved NordicLeads[^\n]*/, '');
        await client.change(journalUri, open);
        const openLines = open.split('\n');
        const line = openLines.findIndex(text => text.includes('escalated NordicLeads'));
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: journalUri }, position: { line, character: openLines[line].indexOf('NordicLeads') + 2 } });
        assert.match((hover?.contents as MarkupContent).value, /- open for 59 days \(as of 2026-07-02\)\n- over its time box: 44 days past the 15 its levels allow$/);
        await client.change(journalUri, journal);
    });

    it('says "not measured" for execution and perceived in the hover of a charter without a journal', async () => {
        await client.change(journalUri, '');
        const text = read('acme-globex.charter');
        const line = text.split('\n').findIndex(l => l.startsWith('charter AcmeGlobex'));
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: charterUri }, position: { line, character: 10 } });
        const value = (hover?.contents as MarkupContent).value;
        assert.match(value, /\*\*Execution not measured \(no journal\)\*\* · \*\*Perceived not measured \(no journal\)\*\*/);
    });
});
