import * as assert from 'node:assert/strict';
import {
    CompletionRequest, DefinitionRequest, DocumentSymbolRequest, FoldingRangeRequest, ReferencesRequest, RenameRequest, SymbolKind,
    type CompletionItem, type CompletionList, type DocumentSymbol, type Location, type LocationLink, type WorkspaceEdit
} from 'vscode-languageserver-protocol';
import { LspTestClient } from '../../helpers/lsp-client.js';
import { journalCase } from '../../helpers/journal-cases.js';

const URI = 'file:///journal/deal.charter';

function labels(result: CompletionItem[] | CompletionList | null): string[] {
    return (Array.isArray(result) ? result : result?.items ?? []).map(item => item.label);
}

describe('editing a journal over LSP: completion, navigation, rename, outline, folding', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const text = journalCase(['2026-01-20 met Steering with Acme.Sponsor', '2026-04-02 delivered Roadmap', '2026-07-02 delivered Roadmap']);
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex(line => line.includes(needle));

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        await client.initialize();
        await client.open(URI, text);
    });
    after(() => client.dispose());

    it('completes the entry kinds after a date, and the right names after a kind', async () => {
        const typed = text.replace('    2026-07-02 delivered Roadmap', '    2026-07-02 delivered Roadmap\n    2026-08-01 ');
        await client.change(URI, typed);
        const line = typed.split('\n').findIndex(l => l === '    2026-08-01 ');
        const kinds = labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 15 } }));
        for (const kind of ['met', 'delivered', 'missed', 'measured', 'decided', 'raised', 'escalated', 'resolved', 'reviewed', 'assessed', 'note']) {
            assert.ok(kinds.includes(kind), `${kind} among ${kinds.join(', ')}`);
        }
        const afterKind = typed.replace('    2026-08-01 ', '    2026-08-01 delivered ');
        await client.change(URI, afterKind);
        const names = labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 25 } }));
        assert.ok(names.includes('Roadmap') && names.includes('Training'), `commitments offered: ${names.join(', ')}`);
        assert.ok(!names.includes('Steering') && !names.includes('Revenue'), 'only commitments after delivered');
        await client.change(URI, text);
    });

    it('offers nothing glued to a date, a number or a word just typed; after a space, what may follow (not what is already written), a reading its target\'s unit', async () => {
        const request = async (typedLine: string) => {
            const typed = text.replace('    2026-07-02 delivered Roadmap', `    2026-07-02 delivered Roadmap\n    ${typedLine}`);
            await client.change(URI, typed);
            const line = typed.split('\n').findIndex(l => l === `    ${typedLine}`);
            return labels(await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 4 + typedLine.length } }));
        };
        assert.deepEqual(await request('2026-08-01'), [], 'at `2026-08-01|`, `met` would make `2026-08-01met`');
        assert.deepEqual(await request('2026-08-01 measured Revenue 5'), [], 'at `5|`, `of` would make `5of`');
        assert.ok((await request('2026-08-01 ')).includes('met'));
        assert.deepEqual(await request('2026-08-01 measured Revenue 5 '), ['USD'], 'the target\'s unit, not every unit there is');
        assert.ok((await request('2026-08-01 measured Nothing 5 ')).includes('of'), 'a metric not known: every unit');
        const attendees = await request('2026-08-01 met Steering with Acme.Sponsor, ');
        assert.ok(attendees.includes('Globex.Sponsor') && !attendees.includes('Acme.Sponsor'), `a name already listed is not offered again: ${attendees.join(', ')}`);
        const pillars = await request('2026-08-01 assessed by Acme { trust 3 ');
        assert.ok(pillars.includes('commitment') && !pillars.includes('trust'), `a pillar already scored is not offered again: ${pillars.join(', ')}`);
        const partial = await request('2026-08-01 deli');
        assert.ok(partial.includes('delivered'), `a word being typed is still completed: ${partial.join(', ')}`);
        await client.change(URI, text);
    });

    it('starts an entry with today\'s date on an empty line or a date being typed, never with a kind glued to the date', async () => {
        const request = async (typedLine: string) => {
            const typed = text.replace('    2026-07-02 delivered Roadmap', `    2026-07-02 delivered Roadmap\n    ${typedLine}`);
            await client.change(URI, typed);
            const line = typed.split('\n').findIndex(l => l === `    ${typedLine}`);
            const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 4 + typedLine.length } });
            return { line, items: Array.isArray(result) ? result : result?.items ?? [] };
        };
        // Before, `2026-|` offered the kinds of entry, which wrote `2026-met`; an empty line offered nothing.
        for (const typedLine of ['', '2026-', '2026-1', '2026-11-2']) {
            const { line, items } = await request(typedLine);
            assert.deepEqual(items.map(item => item.label), ['2026-11-22'], `at \`${typedLine}|\`: entente.today, no kind of entry`);
            assert.equal(items[0].preselect, true);
            assert.equal(items[0].command, undefined, 'no VS Code-only command, which another client would send to the server to run');
            assert.deepEqual((items[0].textEdit as { range: unknown; newText: string }), {
                range: { start: { line, character: 4 }, end: { line, character: 4 + typedLine.length } }, newText: '2026-11-22 '
            }, 'replaces the date typed so far, and leaves a space for the kind');
        }
        assert.deepEqual((await request('2026-08')).items, [], 'another date than today: nothing, and no kind of entry');
        assert.ok((await request('2026-08-01 ')).items.some(item => item.label === 'met'), 'after a whole date and a space, the kinds');
        // Inside an entry written over several lines, no entry starts: the pillars, not a date.
        for (const rest of ['\n    }', '']) {
            const assessed = text.replace('    2026-07-02 delivered Roadmap', `    2026-07-02 delivered Roadmap\n    2026-08-01 assessed by Acme {\n        ${rest}`);
            await client.change(URI, assessed);
            const line = assessed.split('\n').findIndex(l => l.includes('assessed by Acme {')) + 1;
            const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 8 } });
            const offered = labels(result);
            assert.ok(offered.includes('trust') && !offered.includes('2026-11-22'), `in an assessment${rest ? '' : ' not closed yet'}: ${offered.join(', ')}`);
        }
        await client.change(URI, text);
    });

    it('offers at `met Body with` the body\'s members first, then the other principals, never the body itself', async () => {
        const typed = text.replace('    2026-07-02 delivered Roadmap', '    2026-07-02 delivered Roadmap\n    2026-08-01 met Steering with ');
        await client.change(URI, typed);
        const line = typed.split('\n').findIndex(l => l === '    2026-08-01 met Steering with ');
        const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 33 } });
        const items = [...(Array.isArray(result) ? result : result?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        const offered = items.map(item => item.label);
        // Before, every role of both parties came first and Steering itself was among them.
        assert.deepEqual(offered.slice(0, 2).sort(), ['Acme.Sponsor', 'Globex.Sponsor'], offered.join(', '));
        assert.ok(items.slice(0, 2).every(item => item.preselect), 'the members are preselected');
        assert.ok(items.slice(2).every(item => !item.preselect));
        for (const other of ['Acme', 'Globex', 'Acme.AllianceLead', 'Globex.PartnerManager']) assert.ok(offered.slice(2).includes(other), `${other} after the members: ${offered.join(', ')}`);
        assert.ok(!offered.includes('Steering'), `the body does not attend its own meeting: ${offered.join(', ')}`);
        await client.change(URI, text);
    });

    it('offers at `decided Decision by` those the charter lets decide it first: its deciders, and the roles of a deciding party', async () => {
        const typed = text.replace('    2026-07-02 delivered Roadmap', '    2026-07-02 delivered Roadmap\n    2026-08-01 decided Prices by ');
        await client.change(URI, typed);
        const line = typed.split('\n').findIndex(l => l === '    2026-08-01 decided Prices by ');
        const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 33 } });
        const items = [...(Array.isArray(result) ? result : result?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        // Prices is `decided by Acme`: Acme and its roles may record it (decided-without-right); before, Globex came first.
        const first = items.filter(item => item.preselect).map(item => item.label).sort();
        assert.deepEqual(first, ['Acme', 'Acme.AllianceLead', 'Acme.Sponsor']);
        assert.deepEqual(items.slice(0, 3).map(item => item.label).sort(), first, items.map(item => item.label).join(', '));
        assert.ok(items.slice(3).some(item => item.label === 'Globex'));
        await client.change(URI, text);
    });

    it('offers after `escalated` and `resolved` the open disputes first, each with where it stands today, a resolved one after them', async () => {
        const disputes = '    2026-07-02 delivered Roadmap\n    2026-08-03 raised Budget "Budget question" via Disputes\n    2026-08-05 resolved Budget "Settled"\n    2026-08-10 raised Leads "Who owns leads" via Disputes';
        for (const kind of ['escalated', 'resolved']) {
            const typed = text.replace('    2026-07-02 delivered Roadmap', `${disputes}\n    2026-11-01 ${kind} `);
            await client.change(URI, typed);
            const line = typed.split('\n').findIndex(l => l === `    2026-11-01 ${kind} `);
            const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 16 + kind.length } });
            const items = [...(Array.isArray(result) ? result : result?.items ?? [])].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
            // Before, both came by name (Budget, Leads) with nothing said of either. Leads: 104 days open on 2026-11-22, its first level's box 5 days.
            assert.deepEqual(items.map(item => [item.label, item.labelDetails?.description]), [
                ['Leads', 'open 104 days, level 1 of 2, over its time box'],
                ['Budget', 'resolved 2026-08-05']
            ], kind);
        }
        await client.change(URI, text);
    });

    it('goes to the charter\'s element from an entry, and a commitment\'s references include its deliveries', async () => {
        const line = lineOf('2026-04-02 delivered Roadmap');
        const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: URI }, position: { line, character: lines[line].indexOf('Roadmap') + 2 } });
        const target = (Array.isArray(definition) ? definition[0] : definition) as Location | LocationLink;
        const range = 'targetSelectionRange' in target ? target.targetSelectionRange : target.range;
        assert.equal(range.start.line, lineOf('commitment Roadmap'));
        const declaration = lineOf('commitment Roadmap');
        const references = await client.connection.sendRequest(ReferencesRequest.type, {
            textDocument: { uri: URI }, position: { line: declaration, character: lines[declaration].indexOf('Roadmap') + 1 }, context: { includeDeclaration: false }
        });
        assert.deepEqual((references ?? []).map(reference => reference.range.start.line).sort(), [lineOf('2026-04-02 delivered'), lineOf('2026-07-02 delivered')].sort());
    });

    it('renames a body in the charter and in the journal\'s entries', async () => {
        const declaration = lineOf('body Steering');
        const edit = await client.connection.sendRequest(RenameRequest.type, {
            textDocument: { uri: URI }, position: { line: declaration, character: lines[declaration].indexOf('Steering') + 1 }, newName: 'Board'
        }) as WorkspaceEdit;
        const changed = (edit.changes?.[URI] ?? []).map(change => change.range.start.line).sort((a, b) => a - b);
        assert.ok(changed.includes(lineOf('2026-01-20 met Steering')), 'the met entry is renamed too');
    });

    it('outlines the journal with its entries, and folds its block', async () => {
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } }) as DocumentSymbol[];
        const journal = symbols.find(symbol => symbol.name === 'Deal2026');
        assert.ok(journal, `the journal in the outline: ${symbols.map(s => s.name).join(', ')}`);
        assert.equal(journal.kind, SymbolKind.Module);
        assert.deepEqual(journal.children?.map(entry => [entry.name, entry.kind, entry.selectionRange.start.line]), [
            ['2026-01-20 met Steering with Acme.Sponsor', SymbolKind.Event, lineOf('2026-01-20 met')],
            ['2026-04-02 delivered Roadmap', SymbolKind.Event, lineOf('2026-04-02 delivered')],
            ['2026-07-02 delivered Roadmap', SymbolKind.Event, lineOf('2026-07-02 delivered')]
        ]);
        // Each kind of element has an icon of its own, not a field's for all.
        const charter = symbols.find(symbol => symbol.name === 'Deal');
        const kinds = Object.fromEntries((charter?.children ?? []).map(child => [child.name, child.kind]));
        assert.deepEqual([charter?.kind, kinds.Steering, kinds.Prices, kinds.Disputes, kinds.Roadmap, kinds.Revenue],
            [SymbolKind.Namespace, SymbolKind.Struct, SymbolKind.Function, SymbolKind.Enum, SymbolKind.Interface, SymbolKind.Number]);
        assert.equal(symbols.find(symbol => symbol.name === 'Acme')?.kind, SymbolKind.Class);
        // A raised entry's issue is its child, at its name.
        const raised = text.replace('    2026-07-02 delivered Roadmap', '    2026-07-02 delivered Roadmap\n    2026-08-03 raised /* raised */ Leads "Who owns leads" via Disputes');
        await client.change(URI, raised);
        const again = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } }) as DocumentSymbol[];
        const entry = again.find(symbol => symbol.name === 'Deal2026')?.children?.find(child => child.name.startsWith('2026-08-03'));
        const line = raised.split('\n').find(text => text.includes('2026-08-03'))!;
        assert.deepEqual(entry?.children?.map(child => [child.name, child.kind, child.selectionRange.start.character]), [['Leads', SymbolKind.Key, line.indexOf('Leads')]]);
        await client.change(URI, text);
        const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
        assert.ok((folds ?? []).some(fold => fold.startLine === lineOf('journal Deal2026')), 'the journal block folds');
    });
});
