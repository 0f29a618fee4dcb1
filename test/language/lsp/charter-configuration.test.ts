import * as assert from 'node:assert/strict';
import { createCharterServices } from '@entente/language';
import { ModelChangedNotification } from '@entente/language/protocol';
import { EmptyFileSystem } from 'langium';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../../helpers/lsp-client.js';

describe('the editor settings under entente.*', () => {
    it('sets the date rules compare against from entente.today, and ignores a malformed date', async () => {
        const { shared, Charter } = createCharterServices(EmptyFileSystem);
        const provider = shared.workspace.ConfigurationProvider;
        provider.updateConfiguration({ settings: { entente: { today: '2030-02-03', inlayHints: { decisions: false } } } });
        assert.equal(Charter.charter.Settings.effectiveToday(), '2030-02-03');
        assert.deepEqual(await provider.getConfiguration('charter', 'inlayHints'), { decisions: false });
        provider.updateConfiguration({ settings: { entente: { today: 'next tuesday' } } });
        assert.equal(Charter.charter.Settings.today, undefined);
    });

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
