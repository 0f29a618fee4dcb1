import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

// journalCase's escalation Disputes has two levels (5 and 10 days) and no final step.
const RAISED = '2026-11-01 raised NordicLeads "Who owns inbound leads in the Nordics" via Disputes about Prices';

describeRule('inconsistent-dispute', {
    fires: journalCase([RAISED, '2026-11-10 resolved NordicLeads "Split by region"', '2026-11-12 escalated NordicLeads']),
    range: '2026-11-12 escalated NordicLeads',
    message: /^Dispute NordicLeads is escalated on 2026-11-12, after it was resolved on 2026-11-10: the entry counts for nothing\.$/,
    nearMiss: journalCase([RAISED, '2026-11-04 escalated NordicLeads', '2026-11-10 resolved NordicLeads "Split by region"']),
    today: '2026-11-22'
});

describe('rule inconsistent-dispute: each way a dispute\'s entries may not add up', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const messages = async (entries: string[], extra = '') => {
        await clearDocuments(services);
        const { findings } = await checkText(services, journalCase(entries, extra), { today: '2026-11-22' });
        return findings.filter(finding => finding.ruleId === 'inconsistent-dispute').map(finding => finding.message);
    };

    it('an escalation or a resolution dated before the dispute was raised', async () => {
        assert.deepEqual(await messages([RAISED, '2026-10-30 escalated NordicLeads', '2026-10-31 resolved NordicLeads']), [
            'Dispute NordicLeads is escalated on 2026-10-30, before it was raised on 2026-11-01: the entry counts for nothing.',
            'Dispute NordicLeads is resolved on 2026-10-31, before it was raised on 2026-11-01: the entry counts for nothing.'
        ]);
    });

    it('a second resolution', async () => {
        assert.deepEqual(await messages([RAISED, '2026-11-03 resolved NordicLeads', '2026-11-05 resolved NordicLeads "Again"']),
            ['Dispute NordicLeads is resolved on 2026-11-05, after it was resolved on 2026-11-03: the entry counts for nothing.']);
    });

    it('an escalation past the last level of an escalation with no final step, and past the final step of one with', async () => {
        assert.deepEqual(await messages([RAISED, '2026-11-02 escalated NordicLeads', '2026-11-03 escalated NordicLeads']),
            ['Dispute NordicLeads is escalated on 2026-11-03, past the last of the 2 levels of Disputes, which has no final step: the entry counts for nothing.']);
        const withFinal = journalCase([], '').replace('level Steering within 10 days }', 'level Steering within 10 days finally mediation }');
        assert.notEqual(withFinal, journalCase([]), 'the case has a final step');
        await clearDocuments(services);
        const text = withFinal.replace('journal Deal2026 for Deal {\n', `journal Deal2026 for Deal {\n    ${RAISED}\n    2026-11-02 escalated NordicLeads\n    2026-11-03 escalated NordicLeads\n    2026-11-04 escalated NordicLeads\n`);
        const { findings } = await checkText(services, text, { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'inconsistent-dispute').map(finding => finding.message),
            ['Dispute NordicLeads is escalated on 2026-11-04, past the final step of Disputes (2 levels, then finally mediation): the entry counts for nothing.']);
    });

    it('leaves entries after today to future-entry, and a whole history alone', async () => {
        assert.deepEqual(await messages([RAISED, '2026-11-03 resolved NordicLeads', '2026-12-05 resolved NordicLeads "Again"']), []);
        assert.deepEqual(await messages([RAISED, '2026-11-02 escalated NordicLeads', '2026-11-03 resolved NordicLeads']), []);
    });
});
