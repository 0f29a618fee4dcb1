import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findingToDiagnostic, type Finding } from '@entente/language';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../../helpers/cli.js';
import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule, textAt } from '../../helpers/rule-cases.js';
import { checkText, checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';

describeRule('outsider-reference', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
party Initech { role Lead }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Initech.Lead }
}
`,
    range: "Initech.Lead",
    message: /Initech is not a party to charter Deal/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
party Initech { role Lead }
charter Deal {
    parties Acme, Globex, Initech
    decision Budget { decided by Initech.Lead }
}
`,
});

const INITECH = 'party Initech { role Boss role Sponsor }\n';

// A journal's names resolve as if written in its charter: the same mention is the same error there.
describeRule('outsider-reference', {
    fires: INITECH + journalCase(['2026-06-01 met Steering with Initech.Boss']),
    range: 'Initech.Boss',
    message: /^Initech is not a party to charter Deal \(its parties: Acme, Globex\)\.$/,
    nearMiss: INITECH + journalCase(['2026-06-01 met Steering with Acme.Sponsor, Globex, Steering'])
});

describe('rule outsider-reference in a journal', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    const outsiders = (findings: Finding[]) => findings.filter(finding => finding.ruleId === 'outsider-reference');

    it('finds an outsider attendee, decider and assessing party, each at its name, with the charter\'s parties beside it', async () => {
        const text = INITECH + journalCase([
            '2026-06-01 met Steering with Acme.Sponsor, Initech.Boss, Initech',
            '2026-06-02 decided Prices by Initech.Sponsor',
            '2026-06-30 assessed by Initech { trust 1 commitment 1 coordination 1 communication 1 }'
        ]);
        const { findings } = await checkText(services, text, { today: '2026-07-01' });
        const found = outsiders(findings);
        assert.deepEqual(found.map(finding => textAt(text, finding)), ['Initech.Boss', 'Initech', 'Initech.Sponsor', 'Initech']);
        assert.ok(found.every(finding => finding.severity === 'error' && finding.element === 'Deal'));
        assert.match(found[3].message, /^Initech is not a party to charter Deal \(its parties: Acme, Globex\); its assessment is left out of the perceived score\.$/);
        const parties = text.split('\n').findIndex(line => line.includes('parties Acme, Globex'));
        assert.deepEqual(found[0].related?.map(related => related.range.start.line), [parties]);
    });

    it('does not fire for the charter\'s parties, roles and bodies, a name that resolves to nothing, or a journal for no charter', async () => {
        const text = INITECH + journalCase([
            '2026-06-01 met Steering with Acme.Sponsor, Globex.PartnerManager, Steering, Nobody.Here',
            '2026-06-02 decided Prices by Acme',
            '2026-06-30 assessed by Globex { trust 3 commitment 3 coordination 3 communication 3 }',
            '2026-06-30 assessed by Ghost { trust 3 }'
        ]) + 'journal Loose {\n    2026-06-01 met Steering with Initech.Boss\n}\n';
        const { findings } = await checkText(services, text, { today: '2026-07-01' });
        assert.deepEqual(outsiders(findings).map(finding => finding.message), []);
        assert.ok(findings.some(finding => finding.ruleId === 'unresolved-reference' && /Nobody\.Here/.test(finding.message)));
    });

    it('finds an outsider in a journal of a charter in another file, and offers the charter\'s own principals instead', async () => {
        const fixtures = path.join(REPO_ROOT, 'test/fixtures/operations');
        const read = (file: string) => fs.readFileSync(path.join(fixtures, file), 'utf8');
        const journal = read('acme-globex-2026.charter')
            .replace('2026-04-22 met SteeringCommittee with Acme.AllianceLead, Globex.PartnerManager', '2026-04-22 met SteeringCommittee with Acme.AllianceLead, Initech.Boss')
            .replace('    2026-07-01 note', '    2026-06-30 assessed by Initech { trust 1 commitment 1 coordination 1 communication 1 }\n    2026-07-01 note');
        const checked = await checkWorkspace(services, {
            'acme-globex.charter': read('acme-globex.charter'),
            'parties/acme.charter': read('parties/acme.charter'),
            'parties/initech.charter': INITECH,
            'acme-globex-2026.charter': journal
        }, { today: '2026-07-02' });
        const { document, findings } = checked['acme-globex-2026.charter'];
        const found = outsiders(findings);
        assert.deepEqual(found.map(finding => `${finding.range.start.line}:${textAt(journal, finding)}`), ['3:Initech.Boss', '17:Initech']);
        assert.equal(found[0].related?.[0].uri, checked['acme-globex.charter'].document.uri.toString());
        // The charter's file has none of its own.
        assert.deepEqual(outsiders(checked['acme-globex.charter'].findings), []);
        const titles: string[][] = [];
        for (const finding of found) {
            const actions = await services.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.uri.toString() }, range: finding.range, context: { diagnostics: [findingToDiagnostic(finding)] }
            }) as CodeAction[];
            titles.push(actions.map(action => action.title));
            // The charter stands elsewhere: no edit of it, and no guess made the preferred fix.
            assert.ok(actions.every(action => !action.isPreferred && Object.keys(action.edit?.changes ?? {}).every(uri => uri === document.uri.toString())));
        }
        assert.equal(titles[0][0], 'Replace Initech.Boss with Acme.AllianceLead');
        assert.ok(titles[0].includes('Replace Initech.Boss with Globex.Sponsor'), titles[0].join(' | '));
        assert.deepEqual(titles[1], ['Replace Initech with Acme', 'Replace Initech with Globex']);
    });
});

describe('the outsider-reference docs page', () => {
    it('shows a journal example', () => {
        const page = fs.readFileSync(path.join(REPO_ROOT, 'docs/rules/outsider-reference.md'), 'utf8');
        assert.match(page, /## Bad example in a journal\n+```charter\n[\s\S]*journal /);
    });
});
