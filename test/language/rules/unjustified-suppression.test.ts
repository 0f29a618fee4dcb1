import * as assert from 'node:assert/strict';
import { checkText, clearDocuments, createTestServices, TWO_PARTIES } from '../../helpers/workspace.js';
import { describeRule, textAt } from '../../helpers/rule-cases.js';

describeRule('unjustified-suppression', {
    fires: `${TWO_PARTIES}charter Deal {\n    parties Acme, Globex\n    // entente-disable-next-line uninformed-party\n    decision Pricing { decided by Acme }\n}\n`,
    range: '// entente-disable-next-line uninformed-party',
    message: /suppression of uninformed-party gives no reason/,
    nearMiss: `${TWO_PARTIES}charter Deal {\n    parties Acme, Globex\n    // entente-disable-next-line uninformed-party -- prices are public\n    decision Pricing { decided by Acme }\n}\n`
});

describe('suppression comments', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const charter = (comment: string, decision = 'decision Pricing { decided by Acme }') =>
        `${TWO_PARTIES}charter Deal {\n    parties Acme, Globex\n    ${comment}\n    ${decision}\n}\n`;

    it('suppress the named finding on the next line, even without a reason (which is then reported)', async () => {
        const { findings } = await checkText(services, charter('// entente-disable-next-line uninformed-party'));
        assert.ok(!findings.some(f => f.ruleId === 'uninformed-party'));
        assert.ok(findings.some(f => f.ruleId === 'unjustified-suppression'));
    });

    it('suppress several rules named with commas, and only those', async () => {
        const text = charter('// entente-disable-next-line uninformed-party, deadlock-risk -- joint by design', 'decision Pricing { decided by Acme, Globex }');
        const { findings } = await checkText(services, text);
        assert.ok(!findings.some(f => f.ruleId === 'deadlock-risk'));
        const unused = findings.filter(f => f.ruleId === 'unused-suppression');
        assert.deepEqual(unused.map(f => textAt(text, f)), ['uninformed-party'], 'Pricing involves both parties, so that part suppresses nothing');
    });

    it('stop suppressing after their expiry date, and say so', async () => {
        const text = charter('// entente-disable-next-line uninformed-party -- public prices until 2026-06-30');
        const before = await checkText(services, text, { today: '2026-06-30' });
        assert.ok(!before.findings.some(f => f.ruleId === 'uninformed-party'));
        assert.ok(!before.findings.some(f => f.ruleId === 'unjustified-suppression'), 'the reason is "public prices"');
        await clearDocuments(services);
        const after = await checkText(services, text, { today: '2026-07-01' });
        assert.ok(after.findings.some(f => f.ruleId === 'uninformed-party'));
        assert.match(after.findings.find(f => f.ruleId === 'unused-suppression')!.message, /expired on 2026-06-30/);
    });

    it('suppress nothing when what follows until is no date, and say so; until and words is the reason', async () => {
        for (const [until, today] of [['2026-6-30', '2026-01-01'], ['2026-02-30', '2026-01-01'], ['2027-13-45', '2026-01-01']]) {
            await clearDocuments(services);
            const { findings } = await checkText(services, charter(`// entente-disable-next-line uninformed-party -- public prices until ${until}`), { today });
            assert.ok(findings.some(f => f.ruleId === 'uninformed-party'), `until ${until}: the finding shows`);
            assert.equal(findings.find(f => f.ruleId === 'unused-suppression')?.message,
                `This suppression of uninformed-party suppresses nothing: its expiry '${until}' is no date of the calendar (write until YYYY-MM-DD).`);
        }
        await clearDocuments(services);
        const prose = await checkText(services, charter('// entente-disable-next-line uninformed-party -- public until further notice'));
        assert.ok(!prose.findings.some(f => f.ruleId === 'uninformed-party' || f.ruleId === 'unused-suppression'));
        assert.equal(prose.model.suppressions[0].reason, 'public until further notice');
    });

    it('name the nearest rule id to an unknown one', async () => {
        const { findings } = await checkText(services, charter('// entente-disable-next-line uninformed-parties -- public prices'));
        assert.equal(findings.find(f => f.ruleId === 'unused-suppression')?.message,
            "This suppression of uninformed-parties suppresses nothing: no rule is called 'uninformed-parties' (did you mean 'uninformed-party'?).");
    });

    it('cannot suppress structural rules', async () => {
        const { findings } = await checkText(services, charter('// entente-disable-next-line unresolved-reference -- typo to fix later', 'decision Pricing { decided by Acme.Nobody informs Globex }'));
        assert.ok(findings.some(f => f.ruleId === 'unresolved-reference'));
        assert.match(findings.find(f => f.ruleId === 'unused-suppression')!.message, /structural rule and cannot be suppressed/);
    });

    it('are not read inside strings', async () => {
        const { model } = await checkText(services, `${TWO_PARTIES}charter Deal { parties Acme, Globex vision "see // entente-disable-next-line no-review" }`);
        assert.deepEqual(model.suppressions, []);
    });
});
