import * as assert from 'node:assert/strict';
import { ModelChangedNotification } from '@entente/language/protocol';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../../helpers/lsp-client.js';

describe('the editor settings under entente.*', () => {
    it('checks open documents again when entente.today changes in the editor', async () => {
        const client = new LspTestClient();
        try {
            const uri = 'file:///settings/duo.charter';
            const validated: number[] = [];
            client.connection.onNotification(ModelChangedNotification.type, params => { validated.push(params.version); });
            await client.initialize();
            await client.open(uri, 'party A {}\nparty B {}\ncharter Duo { parties A, B }\n');
            const before = validated.length;
            const published = client.nextDiagnostics(uri);
            await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { entente: { today: '2031-01-01' } } });
            await published;
            for (let waited = 0; validated.length === before && waited < 5000; waited += 20) {
                await new Promise(resolve => setTimeout(resolve, 20));
            }
            assert.ok(validated.length > before, 'no new validation after the settings change');
        } finally {
            await client.dispose();
        }
    });

    it('takes entente.today only as a real date, as the CLI\'s --today does (2031-02-30 is refused: the real date applies)', async () => {
        const client = new LspTestClient();
        try {
            client.settings = { entente: { today: '2031-01-01' } };
            await client.initialize();
            const uri = 'file:///settings/term.charter';
            const expired = () => (client.latestDiagnostics(uri) ?? []).filter(d => d.code === 'expired-term').map(d => d.message);
            const settle = async (expected: string[]) => {
                for (let waited = 0; JSON.stringify(expired()) !== JSON.stringify(expected) && waited < 10_000; waited += 50) {
                    await new Promise(resolve => setTimeout(resolve, 50));
                }
                assert.deepEqual(expired(), expected);
            };
            await client.open(uri, 'party A {}\nparty B {}\ncharter Duo { parties A, B term to 2030-01-01 }\n');
            await settle(['The term of Duo ended on 2030-01-01 (today is 2031-01-01).']);
            await client.changeSettings({ entente: { today: '2031-02-30' } });
            // Accepted as text, '2031-02-30' would still be after the term's end; refused, today is the real date (before 2030).
            await settle([]);
        } finally {
            await client.dispose();
        }
    });
});
