import * as assert from 'node:assert/strict';
import { findRule, type Finding } from '@entente/language';
import { checkText, clearDocuments, createTestServices } from './workspace.js';

const services = createTestServices();

/** The text a finding's range covers. */
export function textAt(text: string, finding: Pick<Finding, 'range'>): string {
    const lines = text.split('\n');
    const { start, end } = finding.range;
    if (start.line === end.line) {
        return lines[start.line].slice(start.character, end.character);
    }
    return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

export interface RuleCase {
    /** A charter workspace (one text) where the rule fires. */
    fires: string;
    /** The exact text the finding's range must cover (the smallest span that shows the problem). */
    range: string;
    /** What the message must say (names and numbers). */
    message: RegExp;
    /** A near miss: as close as can be, and the rule must not fire. */
    nearMiss: string;
    today?: string;
}

/** The standard tests of a rule: it fires with its id, default severity, range and message, and not on the near miss. */
export function describeRule(id: string, ruleCase: RuleCase): void {
    describe(`rule ${id}`, () => {
        afterEach(() => clearDocuments(services));

        it('fires with its id, default severity, the smallest range and a message naming the elements', async () => {
            const rule = findRule(id);
            assert.ok(rule, `${id} is registered`);
            const { findings } = await checkText(services, ruleCase.fires, { today: ruleCase.today });
            const mine = findings.filter(finding => finding.ruleId === id);
            assert.ok(mine.length > 0, `${id} fires; got ${findings.map(f => f.ruleId).join(', ')}`);
            const finding = mine[0];
            assert.equal(finding.severity, rule.meta.severity);
            assert.equal(textAt(ruleCase.fires, finding), ruleCase.range);
            assert.match(finding.message, ruleCase.message);
            assert.match(finding.message, /\.$/, 'one sentence ending in a period');
        });

        it('does not fire on a near miss', async () => {
            const { findings } = await checkText(services, ruleCase.nearMiss, { today: ruleCase.today });
            assert.deepEqual(findings.filter(finding => finding.ruleId === id).map(finding => finding.message), []);
        });
    });
}
