import * as assert from 'node:assert/strict';
import type { Finding } from '@entente/language';
import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule, textAt } from '../../helpers/rule-cases.js';
import { checkText, checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';

describeRule('duplicate-name', {
    fires: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme }
    decision Budget { decided by Globex }
}
`,
    range: "Budget",
    message: /Budget.*2 times/,
    nearMiss: `party Acme "Acme Corporation" { role Lead "Alliance manager" role Sponsor "VP Partnerships" }
party Globex "Globex Inc." { role Lead "Partner manager" role Sponsor "Chief Revenue Officer" }
charter Deal {
    parties Acme, Globex
    decision Budget { decided by Acme }
    decision Pricing { decided by Globex }
}
`,
});

describe('rule duplicate-name for the issues of a charter\'s journals', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    const duplicates = (findings: Finding[]) => findings.filter(finding => finding.ruleId === 'duplicate-name');
    const at = (finding: Finding) => `${finding.uri.split('/').pop()}:${finding.range.start.line}:${finding.range.start.character}`;

    it('fires on each raise of an issue raised twice in one journal, pointing at the other', async () => {
        const text = journalCase(['2026-05-04 raised NordicLeads "who" via Disputes', '2026-05-12 escalated NordicLeads', '2026-09-14 raised NordicLeads "again" via Disputes']);
        const { findings } = await checkText(services, text, { today: '2026-11-22' });
        const found = duplicates(findings);
        assert.deepEqual(found.map(finding => textAt(text, finding)), ['NordicLeads', 'NordicLeads']);
        assert.match(found[0].message, /^The issue 'NordicLeads' is raised 2 times in the journals of charter Deal\.$/);
        assert.equal(found[0].element, 'Deal.NordicLeads');
        assert.deepEqual(found[0].related?.map(related => related.range), [found[1].range]);
        assert.deepEqual(found[1].related?.map(related => related.range), [found[0].range]);
        assert.equal(found[0].related?.[0].message, "Another issue named 'NordicLeads'.");
    });

    it('fires on raises of one issue in two journals of the charter in different files', async () => {
        const charter = journalCase(['2026-05-04 raised NordicLeads "who" via Disputes']);
        const next = 'journal Deal2027 for Deal {\n    2027-01-10 raised NordicLeads "again" via Disputes\n    2027-01-12 escalated NordicLeads\n}\n';
        const checked = await checkWorkspace(services, { 'deal.charter': charter, 'deal-2027.charter': next }, { today: '2027-02-01' });
        const here = duplicates(checked['deal-2027.charter'].findings);
        assert.deepEqual(here.map(at), ['deal-2027.charter:1:22']);
        assert.deepEqual(here[0].related?.map(related => `${related.uri.split('/').pop()}:${related.range.start.line}:${related.range.start.character}`), [`deal.charter:${charter.split('\n').findIndex(line => line.includes('raised NordicLeads'))}:22`]);
        assert.deepEqual(duplicates(checked['deal.charter'].findings).map(at), [`deal.charter:${charter.split('\n').findIndex(line => line.includes('raised NordicLeads'))}:22`]);
    });

    it('does not fire for one raise and its escalation, an issue named as a charter element, or one name in journals of two charters', async () => {
        const text = journalCase(['2026-05-04 raised Prices "who" via Disputes', '2026-05-12 escalated Prices', '2026-05-19 resolved Prices "done"']);
        const other = `charter Other {
    parties Acme, Globex
    escalation Disputes { level Acme.AllianceLead, Globex.PartnerManager within 5 days }
}
journal Other2026 for Other {
    2026-05-04 raised Prices "the same name, another charter" via Disputes
}
`;
        const checked = await checkWorkspace(services, { 'deal.charter': text, 'other.charter': other }, { today: '2026-11-22' });
        assert.deepEqual(duplicates(checked['deal.charter'].findings).map(finding => finding.message), []);
        assert.deepEqual(duplicates(checked['other.charter'].findings).map(finding => finding.message), []);
    });
});

describe('rule duplicate-name for a body named like a party', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    const parties = `party Acme "Acme Corporation" { role Lead "Alliance manager" }
party Globex "Globex Inc." { role Lead "Partner manager" }
`;

    it('fires on a body named like one of its charter\'s parties, pointing at the party, in another file', async () => {
        const charter = `charter Deal {
    parties Acme, Globex
    body Acme { members Acme.Lead, Globex.Lead meets quarterly }
    decision Prices { decided by Acme informs Globex }
}
`;
        const checked = await checkWorkspace(services, { 'parties.charter': parties, 'deal.charter': charter });
        const found = checked['deal.charter'].findings.filter(finding => finding.ruleId === 'duplicate-name');
        assert.deepEqual(found.map(finding => [finding.message, finding.severity, textAt(charter, finding)]),
            [['Body Acme has the name of party Acme of charter Deal: where the charter names Acme, it means the body, not the party.', 'error', 'Acme']]);
        assert.equal(found[0].range.start.line, 2);
        assert.deepEqual(found[0].related?.map(related => `${related.uri.split('/').pop()}:${related.range.start.line}`), ['parties.charter:0']);
    });

    it('does not fire on a body named like a party the charter does not list', async () => {
        const charter = `charter Deal {
    parties Acme
    body Globex { members Acme.Lead meets quarterly }
}
`;
        const checked = await checkWorkspace(services, { 'parties.charter': parties, 'deal.charter': charter });
        assert.deepEqual(checked['deal.charter'].findings.filter(finding => finding.ruleId === 'duplicate-name'), []);
    });
});
