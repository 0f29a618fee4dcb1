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
});
