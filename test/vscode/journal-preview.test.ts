import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { charterAt, elementAt, locateElement } from '../../packages/vscode/src/extension/element-locator.js';
import { renderJournalViewsOf } from '../../packages/vscode/src/extension/render.js';
import { previewOf } from '../../packages/language/src/lsp/preview-handler.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/operations');
const files = () => Object.fromEntries(['acme-globex.charter', 'acme-globex-2026.charter', 'parties/acme.charter']
    .map(name => [name, fs.readFileSync(path.join(FIXTURES, name), 'utf8')]));

describe('the preview of a charter with a journal', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('sends the charter\'s history, and the journal views draw it with the entries\' findings', async () => {
        const checked = await checkWorkspace(services, files(), { today: '2026-11-22' });
        const result = previewOf(checked['acme-globex.charter'].document, services);
        const journal = result.charters[0].journal;
        assert.ok(journal, 'the charter has a journal');
        assert.deepEqual(journal.journals.map(j => j.name), ['AcmeGlobex2026']);
        assert.equal(journal.entries.length, 16);
        assert.equal(journal.today, '2026-11-22');
        assert.deepEqual(JSON.parse(JSON.stringify(journal)).entries.length, 16, 'it crosses the wire as JSON');
        const journalUri = checked['acme-globex-2026.charter'].document.uri.toString();
        const expected = checked['acme-globex-2026.charter'].findings.map(finding => `${finding.ruleId}:${finding.range.start.line + 1}`).sort();
        assert.deepEqual(journal.findings.map(finding => `${finding.ruleId}:${finding.line}`).sort(), expected);
        assert.ok(journal.findings.every(finding => finding.uri === journalUri));
        const views = renderJournalViewsOf(result.charters[0], { viewAsParty: 'Globex' });
        assert.match(views.timeline, /data-element="AcmeGlobex2026:7" data-kind="miss"/);
        assert.match(views.timeline, /data-lane="party:Acme" class="dim"/);
        assert.match(views.radar, /Largest gap: 2 on trust/);
    });

    it('shows the charter of a journal\'s file, and maps entries to their lines both ways', async () => {
        const checked = await checkWorkspace(services, files(), { today: '2026-11-22' });
        const journalUri = checked['acme-globex-2026.charter'].document.uri.toString();
        const result = previewOf(checked['acme-globex-2026.charter'].document, services);
        assert.equal(result.uri, journalUri);
        assert.deepEqual(result.charters.map(charter => charter.model.name), ['AcmeGlobex'], 'the journal\'s charter');
        assert.ok(result.charters[0].journal);
        const miss = locateElement(result, 'AcmeGlobex2026:7');
        assert.equal(miss?.uri, journalUri);
        assert.deepEqual(miss?.selection, { start: { line: 6, character: 4 }, end: { line: 6, character: 77 } }, 'the whole entry');
        assert.equal(locateElement(result, 'AcmeGlobex2026:99'), undefined);
        assert.equal(locateElement(result, 'AcmeGlobex.SteeringCommittee')?.uri, checked['acme-globex.charter'].document.uri.toString());
        assert.equal(elementAt(result, journalUri, { line: 6, character: 20 }), 'AcmeGlobex2026:7');
        assert.equal(elementAt(result, journalUri, { line: 11, character: 30 }), 'AcmeGlobex2026:12');
        assert.equal(charterAt(result, { line: 6, character: 20 }), 'AcmeGlobex', 'a position in the journal picks no charter by range');
    });

    it('sends no history for a charter without a journal', async () => {
        const all = files();
        delete all['acme-globex-2026.charter'];
        const checked = await checkWorkspace(services, all, { today: '2026-11-22' });
        const result = previewOf(checked['acme-globex.charter'].document, services);
        assert.equal(result.charters[0].journal, undefined);
        assert.match(renderJournalViewsOf(result.charters[0]).timeline, /No journal for AcmeGlobex/);
    });
});
