import * as assert from 'node:assert/strict';
import { LspTestClient } from '../../helpers/lsp-client.js';

describe('the language server over stdio', () => {
    let client: LspTestClient;

    before(async () => {
        client = new LspTestClient();
        await client.initialize();
    });
    after(() => client.dispose());

    it('publishes findings with rule ids for an opened charter and updates them on change', async () => {
        const uri = 'file:///virtual/solo.charter';
        const first = await client.open(uri, 'party Acme {}\ncharter Solo { parties Acme }\n');
        assert.ok(first.some(d => d.code === 'too-few-parties'), JSON.stringify(first));
        const second = await client.change(uri, 'party Acme {}\nparty Globex {}\ncharter Duo { parties Acme, Globex }\n');
        assert.ok(!second.some(d => d.code === 'too-few-parties'));
    });
});
