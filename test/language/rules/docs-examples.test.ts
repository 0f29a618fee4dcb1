import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '@entente/language';
import { REPO_ROOT } from '../../helpers/cli.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const services = createTestServices();

/** The charter block that follows a heading of a docs page. */
function exampleUnder(page: string, heading: string): string | undefined {
    const match = new RegExp(`## ${heading}\\n+\`\`\`charter\\n([\\s\\S]*?)\`\`\``).exec(page);
    return match?.[1];
}

describe('the examples of the rule docs pages', () => {
    afterEach(() => clearDocuments(services));

    for (const rule of allRules) {
        it(`${rule.meta.id}: the bad example fires the rule and the good one does not`, async () => {
            const page = fs.readFileSync(path.join(REPO_ROOT, rule.meta.docs), 'utf8');
            const bad = exampleUnder(page, 'Bad example');
            const good = exampleUnder(page, 'Good example');
            assert.ok(bad && good, 'the page has a bad and a good example');
            const badFindings = (await checkText(services, bad, { today: '2026-11-22' })).findings;
            assert.ok(badFindings.some(finding => finding.ruleId === rule.meta.id), `bad example fires ${rule.meta.id}`);
            await clearDocuments(services);
            const goodFindings = (await checkText(services, good, { today: '2026-11-22' })).findings;
            assert.deepEqual(goodFindings.filter(finding => finding.ruleId === rule.meta.id).map(f => f.message), []);
            // A rule about charters that journals are held to as well may show it with a second pair of examples.
            const badJournal = exampleUnder(page, 'Bad example in a journal');
            const goodJournal = exampleUnder(page, 'Good example in a journal');
            assert.equal(!!badJournal, !!goodJournal, 'a bad example in a journal goes with a good one');
            if (badJournal && goodJournal) {
                await clearDocuments(services);
                const bad = await checkText(services, badJournal, { today: '2026-11-22' });
                assert.ok(bad.findings.some(finding => finding.ruleId === rule.meta.id && (bad.model.journals ?? []).some(journal =>
                    finding.range.start.line >= journal.source.range.start.line && finding.range.end.line <= journal.source.range.end.line)), `bad journal example fires ${rule.meta.id} in the journal`);
                await clearDocuments(services);
                const good = (await checkText(services, goodJournal, { today: '2026-11-22' })).findings;
                assert.deepEqual(good.filter(finding => finding.ruleId === rule.meta.id).map(f => f.message), []);
            }
        });
    }
});
