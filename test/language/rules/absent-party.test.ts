import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('absent-party', {
    fires: journalCase(['2026-10-01 met Steering with Acme.Sponsor', '2026-11-01 met Steering with Acme.Sponsor']),
    range: "Deal",
    message: /Globex is seated on Steering but attended neither of its last two recorded meetings \(2026-10-01, 2026-11-01\)/,
    nearMiss: journalCase(['2026-10-01 met Steering with Acme.Sponsor', '2026-11-01 met Steering with Acme.Sponsor, Globex.Sponsor']),
    today: '2026-11-22'
});

describe('rule absent-party at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'absent-party').length > 0;

    it("needs two meetings that record attendance (a meeting without `with` says nothing about who came)", async () => {
        assert.equal(await fired(["2026-10-01 met Steering", "2026-11-01 met Steering with Acme.Sponsor"], '2026-11-22'), false, 'quiet with one recorded meeting');
    });
});
