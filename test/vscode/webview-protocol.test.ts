import * as assert from 'node:assert/strict';
import { JOURNAL_VIEW_IDS, VIEW_IDS } from '@entente/diagrams';
import { isFromWebview, isToWebview, PREVIEW_VIEWS, readPersistedState } from '../../packages/vscode/src/webview-protocol.js';

describe('the preview webview protocol', () => {
    it('has a tab for every view the diagrams draw, in their order, the journal\'s last', () => {
        assert.deepEqual(PREVIEW_VIEWS.map(view => view.id), [...VIEW_IDS, ...JOURNAL_VIEW_IDS]);
    });

    it('accepts the webview\'s messages and rejects anything else the host might receive', () => {
        assert.ok(isFromWebview({ type: 'ready' }));
        assert.ok(isFromWebview({ type: 'reveal', element: 'AcmeGlobex.Budget' }));
        assert.ok(isFromWebview({ type: 'viewAsParty', party: 'Acme' }));
        assert.ok(isFromWebview({ type: 'viewAsParty' }));
        assert.ok(isFromWebview({ type: 'viewChanged', view: 'matrix' }));
        assert.ok(isFromWebview({ type: 'drawn', id: 3, view: 'governance', receivedAt: 1, drawnAt: 2, changed: ['Deal.Budget', 'edge decides:Acme→Deal.Budget'] }));
        assert.ok(!isFromWebview({ type: 'drawn', id: 3, view: 'governance', receivedAt: 1, drawnAt: 2, changed: [42] }));
        assert.ok(!isFromWebview({ type: 'drawn', id: '3', view: 'governance', receivedAt: 1, drawnAt: 2, changed: [] }));
        assert.ok(!isFromWebview({ type: 'reveal', element: '' }));
        assert.ok(!isFromWebview({ type: 'reveal', element: 42 }));
        assert.ok(!isFromWebview({ type: 'viewChanged', view: 'sankey' }));
        assert.ok(!isFromWebview({ type: 'runCommand', command: 'workbench.action.terminal.new' }));
        assert.ok(!isFromWebview(null));
        assert.ok(!isFromWebview('ready'));
    });

    it('accepts the host\'s messages in the webview and rejects foreign ones', () => {
        assert.ok(isToWebview({ type: 'highlight', element: 'Acme' }));
        assert.ok(isToWebview({ type: 'highlight' }));
        assert.ok(isToWebview({ type: 'showView', view: 'balance' }));
        assert.ok(isToWebview({ type: 'empty', message: 'No charter.' }));
        assert.ok(!isToWebview({ type: 'update' }));
        assert.ok(!isToWebview({ type: 'update', content: {} }), 'an update without its number');
        assert.ok(isToWebview({ type: 'update', id: 1, content: {} }));
        assert.ok(!isToWebview({ type: 'showView', view: 'nope' }));
        assert.ok(!isToWebview({ type: 'eval', code: 'alert(1)' }));
    });

    it('reads a persisted state defensively after a reload', () => {
        assert.deepEqual(readPersistedState(undefined), {});
        assert.deepEqual(readPersistedState({
            documentUri: 'file:///a.charter', charter: 'AcmeGlobex', view: 'escalation', viewAsParty: 'Acme', zoom: 1.5,
            scroll: { escalation: { top: 120, left: 4 }, matrix: { top: 'x', left: 0 }, bogus: { top: 1, left: 1 } }
        }), {
            documentUri: 'file:///a.charter', charter: 'AcmeGlobex', view: 'escalation', viewAsParty: 'Acme', zoom: 1.5,
            scroll: { escalation: { top: 120, left: 4 } }
        });
        assert.equal(readPersistedState({ zoom: 1e9 }).zoom, undefined);
        assert.equal(readPersistedState({ view: 'sankey', charter: 3 }).view, undefined);
    });
});
