import * as assert from 'node:assert/strict';
import { LspTestClient } from '../../helpers/lsp-client.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const PARTIES = 'party Acme { role Lead }\nparty Globex { role Lead }\n';

/** Issue 21, item 9: suppression comments are the lexer's comment tokens, nothing else. */
describe('hostile input: suppression comments', function () {
    this.timeout(60_000);
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('a directive inside a string suppresses nothing', async () => {
        const text = `${PARTIES}charter Deal {\n    parties Acme, Globex\n    vision "first line // entente-disable-next-line undecided-decision -- sneaked in"\n    decision Price\n}\n`;
        const { findings, model } = await checkText(services, text);
        assert.deepEqual(model.suppressions, []);
        assert.ok(findings.some(finding => finding.ruleId === 'undecided-decision'), JSON.stringify(findings.map(f => f.ruleId)));
    });

    it('a string cannot carry a directive over a line break: the quote left open is an error, which fails the check', async () => {
        const text = `${PARTIES}charter Deal {\n    parties Acme, Globex\n    vision "first line\n// entente-disable-next-line undecided-decision -- sneaked in\n    "\n    decision Price\n}\n`;
        const { findings } = await checkText(services, text);
        assert.equal(findings.filter(finding => finding.ruleId === 'syntax' && finding.severity === 'error' && /not closed on its line/.test(finding.message)).length, 2);
    });

    it('a directive after a string ending in \\\\" is a comment: it suppresses, and is reported when unused', async () => {
        const used = `${PARTIES}charter Deal {\n    parties Acme, Globex\n    vision "a backslash \\\\" // entente-disable-next-line undecided-decision -- agreed in the kickoff\n    decision Price\n}\n`;
        const checked = await checkText(services, used);
        assert.equal(checked.model.suppressions.length, 1);
        assert.ok(!checked.findings.some(finding => finding.ruleId === 'undecided-decision'), JSON.stringify(checked.findings.map(f => f.ruleId)));
        await clearDocuments(services);
        const unused = used.replace('    decision Price\n', '    decision Price { decided by Acme }\n');
        const again = await checkText(services, unused);
        assert.ok(again.findings.some(finding => finding.ruleId === 'unused-suppression'), JSON.stringify(again.findings.map(f => f.ruleId)));
    });

    it('the language server takes the same view', async () => {
        const client = new LspTestClient();
        try {
            await client.initialize();
            const diagnostics = await client.open('file:///hostile/suppress.charter',
                `${PARTIES}charter Deal {\n    parties Acme, Globex\n    vision "x\n// entente-disable-next-line undecided-decision -- in a string\n"\n    decision Price\n}\n`);
            assert.ok(diagnostics.some(diagnostic => diagnostic.code === 'undecided-decision'));
        } finally {
            await client.dispose();
        }
    });
});
