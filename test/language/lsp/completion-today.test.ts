import * as assert from 'node:assert/strict';
import { CompletionRequest, type CompletionItem } from 'vscode-languageserver-protocol';
import { LspTestClient, SERVER_BUNDLE } from '../../helpers/lsp-client.js';
import { journalCase } from '../../helpers/journal-cases.js';

const URI = 'file:///journal/today.charter';

/**
 * The server runs in a time zone 14 hours ahead of UTC, where for 14 hours of
 * each day the date is not UTC's: the date offered is the one on the user's
 * calendar, in the server's local time.
 */
const TIME_ZONE = 'Pacific/Kiritimati';

/** The date of the machine's clock in TIME_ZONE (`en-CA` writes dates as YYYY-MM-DD). */
function localDate(now = new Date()): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

// Completion starts a journal entry with today's date: `entente.today` when the editor sets it (every other LSP test
// sets it), else the real date, which no test read before.
describe('completion of an entry\'s date without entente.today (LSP): the real date', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const text = journalCase(['2026-01-20 met Steering with Acme.Sponsor']);

    before(async () => {
        client = new LspTestClient(SERVER_BUNDLE, ['--stdio'], process.execPath, { ...process.env, TZ: TIME_ZONE });
        await client.initialize();
        await client.open(URI, text);
    });
    after(() => client.dispose());

    /** The dates offered at the end of a new line `typedLine` of the journal, and the local dates before and after asking. */
    async function datesOffered(typedLine: string): Promise<{ labels: string[]; dates: string[] }> {
        const typed = text.replace('    2026-01-20 met Steering with Acme.Sponsor', `    2026-01-20 met Steering with Acme.Sponsor\n    ${typedLine}`);
        await client.change(URI, typed);
        const line = typed.split('\n').indexOf(`    ${typedLine}`);
        const before = localDate();
        const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line, character: 4 + typedLine.length } });
        const after = localDate();
        const items: CompletionItem[] = Array.isArray(result) ? result : result?.items ?? [];
        return { labels: items.map(item => item.label), dates: [before, after] };
    }

    /** Asserts that one date is offered, the real one (either side of a midnight passed while asking). */
    async function assertRealDate(typedLine: string, why: string): Promise<void> {
        const { labels, dates } = await datesOffered(typedLine);
        assert.equal(labels.length, 1, `${why}: ${labels.join(', ')}`);
        assert.ok(dates.includes(labels[0]), `${why}: ${labels[0]} is not the real date (${dates[0]})`);
    }

    it('offers the real date on an empty line, and on a line where it is being typed', async () => {
        await assertRealDate('', 'an empty line');
        await assertRealDate(localDate().slice(0, 5), 'the year typed');
    });

    it('offers entente.today once set, and the real date again once it is cleared or is no date', async () => {
        await client.changeSettings({ entente: { today: '2026-11-22' } });
        assert.deepEqual((await datesOffered('')).labels, ['2026-11-22']);
        await client.changeSettings({ entente: { today: '' } });
        await assertRealDate('', 'entente.today cleared');
        await client.changeSettings({ entente: { today: '2026-11-22' } });
        await client.changeSettings({ entente: { today: '2026-02-30' } });
        await assertRealDate('', 'entente.today no date of the calendar');
    });
});
