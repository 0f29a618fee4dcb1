import * as assert from 'node:assert/strict';
import { journalCase } from '../../helpers/journal-cases.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

/** The journal case's parties (they declare roles) and its charter, in two files; its journal in a third. */
const [PARTIES, CHARTER] = (() => {
    const lines = journalCase([]).split('journal Deal2026')[0].split('\n');
    return [lines.filter(line => line.startsWith('party ')).join('\n'), lines.filter(line => !line.startsWith('party ')).join('\n')];
})();
const journal = (name: string, entries: string[]) => `journal ${name} for Deal {\n${entries.map(entry => `    ${entry}\n`).join('')}}\n`;
const MET = '2026-01-20 met Steering with Acme.Sponsor, Globex.Sponsor';
const duplicate = (diagnostics: Array<{ code?: string | number }> | undefined) => (diagnostics ?? []).some(diagnostic => diagnostic.code === 'duplicate-name');

/**
 * A party file declaring roles is checked again after a change elsewhere
 * (its roles' loads add up over every charter), but not after an edit of a
 * journal that keeps its name: no journal entry is a role's load, and the
 * workspace's names are unchanged.
 */
describe('party files and journal edits, over LSP', function () {
    this.timeout(60_000);
    let client: LspTestClient;
    const partiesUri = 'file:///party-files/parties.charter';
    const charterUri = 'file:///party-files/deal.charter';
    const journalUri = 'file:///party-files/deal-2026.charter';

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        await client.initialize();
        await client.open(partiesUri, PARTIES);
        await client.open(charterUri, CHARTER);
        await client.open(journalUri, journal('Deal2026', [MET]));
    });
    after(() => client.dispose());

    /** Whether the party file's diagnostics are published again within a while after a change of the journal (its charter's are). */
    const partiesCheckedAgainAfter = async (text: string) => {
        const parties = client.nextDiagnostics(partiesUri, undefined, 3_000).then(() => true, () => false);
        const charter = client.nextDiagnostics(charterUri);
        await client.change(journalUri, text);
        await charter;
        return parties;
    };

    it('leaves the party file alone when a journal entry changes', async () => {
        assert.equal(await partiesCheckedAgainAfter(journal('Deal2026', [MET, '2026-04-02 delivered Roadmap'])), false);
    });

    it('checks the party file again when a journal takes a party\'s name, and again when it gives it back', async () => {
        assert.ok(!duplicate(client.latestDiagnostics(partiesUri)));
        await client.change(journalUri, journal('Acme', [MET]));
        await client.waitForDiagnostics(partiesUri, duplicate);
        assert.ok(duplicate(client.latestDiagnostics(journalUri)), 'the journal reports the clash too');
        await client.change(journalUri, journal('Deal2026', [MET]));
        await client.waitForDiagnostics(partiesUri, diagnostics => !duplicate(diagnostics));
    });

    it('checks the party file again when a journal file becomes a charter naming its roles', async () => {
        const published = client.nextDiagnostics(partiesUri);
        await client.change(journalUri, 'charter Side { parties Acme, Globex body Board { members Acme.Sponsor, Globex.Sponsor votes by consensus } }\n');
        await published;
        await client.change(journalUri, journal('Deal2026', [MET]));
    });
});
