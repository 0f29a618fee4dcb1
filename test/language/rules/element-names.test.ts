import * as assert from 'node:assert/strict';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const services = createTestServices();

describe('the element a finding is about', () => {
    afterEach(() => clearDocuments(services));

    it('is a complete qualified name, or absent while the element has no name yet', async () => {
        const { findings } = await checkText(services, 'party A {}\nparty B {}\ncharter Deal {\n    parties A, B\n    metric { kind outcome }\n    objective\n    decision\n');
        assert.ok(findings.some(finding => finding.ruleId === 'incomplete-metric'), 'the nameless metric is still checked');
        for (const finding of findings) {
            assert.ok(finding.element === undefined || (/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?$/.test(finding.element) && !finding.element.split('.').includes('undefined')), `${finding.ruleId}: ${finding.element}`);
            assert.ok(!('element' in finding) || finding.element !== undefined, 'no element key without a value');
        }
    });
});
