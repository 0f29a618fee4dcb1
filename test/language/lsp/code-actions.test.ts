import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findingToDiagnostic, type CharterFormatter, type Finding } from '@entente/language';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';
import { checkWorkspace, clearDocuments, createTestServices, TWO_PARTIES } from '../../helpers/workspace.js';

const services = createTestServices();
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8');
const PARTY_FILES = { 'orbit.charter': read('parties/orbit.charter'), 'kestrel.charter': read('parties/kestrel.charter') };
const BROKEN = read('broken/orbit-kestrel.charter');

const FIXABLE = ['unowned-commitment', 'undecided-decision', 'unowned-metric', 'commitment-without-beneficiary', 'unresolved-escalation',
    'untimed-escalation-level', 'deadlock-risk', 'uninformed-party', 'unbalanced-body', 'empty-body', 'no-joint-forum', 'no-review', 'missing-exit-terms'];

/** Checks a charter text beside the example party files; returns its findings and code actions for them. */
async function fixesFor(text: string): Promise<{ findings: Finding[]; actions: Array<{ finding: Finding; action: CodeAction }> }> {
    const checked = (await checkWorkspace(services, { ...PARTY_FILES, 'charter.charter': text }))['charter.charter'];
    const actions: Array<{ finding: Finding; action: CodeAction }> = [];
    for (const finding of checked.findings) {
        const result = await services.lsp.CodeActionProvider!.getCodeActions(checked.document, {
            textDocument: { uri: checked.document.uri.toString() },
            range: finding.range,
            context: { diagnostics: [findingToDiagnostic(finding)] }
        }) ?? [];
        for (const action of result as CodeAction[]) {
            actions.push({ finding, action });
        }
    }
    await clearDocuments(services);
    return { findings: checked.findings, actions };
}

function apply(text: string, action: CodeAction): string {
    const edits = Object.values(action.edit?.changes ?? {})[0] ?? [];
    return TextDocument.applyEdits(TextDocument.create('file:///x.charter', 'charter', 1, text), edits);
}

const sameFinding = (a: Finding, b: Finding) => a.ruleId === b.ruleId && a.element === b.element && a.message === b.message;

describe('quick fixes', function () {
    this.timeout(60_000);
    afterEach(() => clearDocuments(services));

    it('are offered for every mechanically fixable rule the broken example fires', async () => {
        const { actions } = await fixesFor(BROKEN);
        const offered = new Set(actions.map(({ finding }) => finding.ruleId));
        for (const ruleId of FIXABLE) {
            assert.ok(offered.has(ruleId), `a fix for ${ruleId}`);
        }
    });

    it('each leave a charter that parses and no longer has the finding they fix', async () => {
        const { actions } = await fixesFor(BROKEN);
        const preferred = actions.filter(({ action }) => action.isPreferred);
        assert.ok(preferred.length >= FIXABLE.length);
        for (const { finding, action } of preferred) {
            const fixed = apply(BROKEN, action);
            const checked = (await checkWorkspace(services, { ...PARTY_FILES, 'charter.charter': fixed }))['charter.charter'];
            await clearDocuments(services);
            assert.deepEqual(checked.findings.filter(f => f.ruleId === 'syntax' || f.ruleId === 'unresolved-reference').map(f => f.message), [], `${action.title} keeps the charter valid`);
            assert.ok(!checked.findings.some(f => sameFinding(f, finding)), `${action.title} fixes: ${finding.message}`);
        }
    });

    it('offer as owner the party that owes the fewest commitments and its roles, in the block\'s own indentation', async () => {
        const { actions } = await fixesFor(BROKEN);
        const owners = actions.filter(({ finding }) => finding.ruleId === 'unowned-commitment').map(({ action }) => action.title);
        // Orbit owes 3 commitments, Kestrel none: only Kestrel keeps the balance from tipping further.
        assert.deepEqual(owners, ['Add owner Kestrel', 'Add owner Kestrel.OpsDirector', 'Add owner Kestrel.COO']);
        const deciders = actions.filter(({ finding }) => finding.ruleId === 'undecided-decision').map(({ action }) => action.title);
        assert.deepEqual(deciders, ['Add decided by Kestrel', 'Add decided by Kestrel.OpsDirector', 'Add decided by Kestrel.COO']);
        const fixed = apply(BROKEN, actions.find(({ action }) => action.title === 'Add owner Kestrel.OpsDirector')!.action);
        assert.match(fixed, /commitment SiteReady "Prepare the pilot site" \{\n {8}to Orbit\n {8}due 2025-01-31\n {8}owner Kestrel\.OpsDirector\n {4}\}/);
    });

    it('add a clause inline to a one-line block, and a block on lines to an element on a line of its own that has none', async () => {
        const text = `${TWO_PARTIES.replace(/Acme/g, 'Orbit').replace(/Globex/g, 'Kestrel')}charter C { parties Orbit, Kestrel\n    decision Price { decided by Orbit }\n    commitment K\n}\n`;
        const { actions } = await fixesFor(text);
        const inform = actions.find(({ action }) => action.title === 'Inform Kestrel')!.action;
        assert.match(apply(text, inform), /decision Price \{ decided by Orbit informs Kestrel \}/);
        const owner = actions.find(({ action }) => action.title.startsWith('Add owner'))!.action;
        assert.match(apply(text, owner), /\n {4}commitment K \{\n {8}owner (Orbit|Kestrel)\n {4}\}\n/);
    });

    it('leave a charter in fmt\'s layout in it: an empty block opened onto lines, a clause\'s own block laid out on lines', async () => {
        const formatter = services.lsp.Formatter as CharterFormatter;
        const formatted = formatter.format(BROKEN)!;
        assert.equal(formatter.format(formatted), formatted, 'the example, formatted');
        const { actions } = await fixesFor(formatted);
        const preferred = actions.filter(({ action }) => action.isPreferred);
        assert.ok(preferred.some(({ finding }) => finding.ruleId === 'empty-body') && preferred.some(({ finding }) => finding.ruleId === 'missing-exit-terms'));
        for (const { action } of preferred) {
            const fixed = apply(formatted, action);
            assert.equal(formatter.format(fixed), fixed, `"${action.title}" keeps fmt's layout:\n${fixed}`);
        }
    });

    it('are answered by the real server over LSP', async () => {
        const client = new LspTestClient();
        try {
            await client.initialize();
            const uri = 'file:///fixes/deal.charter';
            const text = `${TWO_PARTIES}charter Deal {\n    parties Acme, Globex\n    commitment Training { to Globex }\n}\n`;
            const diagnostics = await client.open(uri, text);
            const unowned = diagnostics.find(d => d.code === 'unowned-commitment')!;
            const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unowned.range, context: { diagnostics: [unowned] } }) as CodeAction[];
            const titles = actions.map(action => action.title);
            assert.ok(titles.includes('Add owner Acme.AllianceLead'), titles.join(', '));
            const fixed = apply(text, actions.find(action => action.title === 'Add owner Acme.AllianceLead')!);
            const after = await client.change(uri, fixed);
            assert.ok(!after.some(d => d.code === 'unowned-commitment'));
        } finally {
            await client.dispose();
        }
    });
});
