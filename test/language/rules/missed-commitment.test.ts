import * as assert from 'node:assert/strict';
import { describeRule } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

describeRule('missed-commitment', {
    fires: journalCase(['2026-10-01 missed Roadmap "Roadmap frozen during the reorganisation"']),
    range: "2026-10-01 missed Roadmap \"Roadmap frozen during the reorganisation\"",
    message: /Commitment Roadmap was missed on 2026-10-01 \("Roadmap frozen during the reorganisation"\), within the last review interval \(every 6 months\)/,
    nearMiss: journalCase(['2026-10-01 delivered Roadmap']),
    today: '2026-11-22'
});

describe('rule missed-commitment at its boundary dates', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const fired = async (entries: string[], today: string) =>
        (await checkText(services, journalCase(entries), { today })).findings.filter(finding => finding.ruleId === 'missed-commitment').length > 0;

    it("looks back one review interval: 2026-05-22 is outside it on 2026-11-22, 2026-05-23 inside", async () => {
        assert.equal(await fired(["2026-05-22 missed Roadmap \"Old news\""], '2026-11-22'), false, 'quiet on 2026-11-22');
        await clearDocuments(services);
        assert.equal(await fired(["2026-05-22 missed Roadmap \"Old news\""], '2026-11-21'), true, 'fires on 2026-11-21');
    });
});
