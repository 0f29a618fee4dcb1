import * as assert from 'node:assert/strict';
import { charterAt, elementAt, locateElement } from '../../packages/vscode/src/extension/element-locator.js';
import { previewOf } from '../../packages/language/src/lsp/preview-handler.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const PARTIES = `party Acme "Acme Corporation" {
    role Sponsor "VP Partnerships"
}
`;
const CHARTERS = `party Globex { role Manager }

charter AcmeGlobex {
    parties Acme, Globex
    body Steering {
        members Acme.Sponsor, Globex.Manager
        votes by unanimity
    }
    decision Budget {
        decided by Steering
    }
}

charter Second {
    parties Acme, Globex
    objective Growth "Grow"
}
`;

describe('locating drawn elements in the source and the element under the cursor', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    async function preview() {
        const checked = await checkWorkspace(services, { 'acme.charter': PARTIES, 'deal.charter': CHARTERS });
        return previewOf(checked['deal.charter'].document, services);
    }

    it('finds charter elements, the charter itself, and parties and roles declared in another file', async () => {
        const result = await preview();
        const budget = locateElement(result, 'AcmeGlobex.Budget');
        assert.equal(budget?.uri, 'file:///workspace/deal.charter');
        assert.deepEqual(budget?.selection.start, { line: 8, character: 13 });
        assert.equal(locateElement(result, 'AcmeGlobex')?.selection.start.line, 2);
        assert.equal(locateElement(result, 'Second.Growth')?.selection.start.line, 15);
        const sponsor = locateElement(result, 'Acme.Sponsor');
        assert.equal(sponsor?.uri, 'file:///workspace/acme.charter');
        assert.equal(sponsor?.selection.start.line, 1);
        assert.equal(locateElement(result, 'Globex.Manager')?.uri, 'file:///workspace/deal.charter');
        assert.equal(locateElement(result, 'AcmeGlobex.Nothing'), undefined);
    });

    it('names the innermost element under a position, and the charter that holds it', async () => {
        const result = await preview();
        const uri = 'file:///workspace/deal.charter';
        assert.equal(elementAt(result, uri, { line: 9, character: 12 }), 'AcmeGlobex.Budget');
        assert.equal(elementAt(result, uri, { line: 5, character: 8 }), 'AcmeGlobex.Steering');
        assert.equal(elementAt(result, uri, { line: 3, character: 6 }), 'AcmeGlobex');
        assert.equal(elementAt(result, uri, { line: 0, character: 8 }), 'Globex');
        assert.equal(elementAt(result, uri, { line: 1, character: 0 }), undefined);
        assert.equal(elementAt(result, 'file:///workspace/other.charter', { line: 10, character: 12 }), undefined);
        assert.equal(charterAt(result, { line: 15, character: 6 }), 'Second');
        assert.equal(charterAt(result, { line: 0, character: 0 }), 'AcmeGlobex');
    });
});
