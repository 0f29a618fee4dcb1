import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, parseConfig, type Finding, type Rule } from '@entente/language';
import { REPO_ROOT } from '../../helpers/cli.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';

const services = createTestServices();

/** The date a page's examples are read as of, when they depend on it ("The examples are read as of 2026-11-22."). */
const DATED = /^The examples are read as of (\d{4}-\d\d-\d\d)\.$/m;
/** Dates far from the examples', at which a page that states none must read its examples the same. */
const OTHER_DATES = ['2021-06-01', '2031-06-01'];

/** The charter block that follows a heading of a docs page. */
function exampleUnder(page: string, heading: string): string | undefined {
    const match = new RegExp(`## ${heading}\\n+\`\`\`charter\\n([\\s\\S]*?)\`\`\``).exec(page);
    return match?.[1];
}

/** The text of a section of a page, up to the next heading of its level. */
function section(page: string, heading: string): string | undefined {
    return new RegExp(`^## ${heading}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(page)?.[1];
}

async function findingsOf(rule: Rule, text: string, today: string): Promise<Finding[]> {
    await clearDocuments(services);
    return (await checkText(services, text, { today })).findings.filter(finding => finding.ruleId === rule.meta.id);
}

describe('the examples of the rule docs pages', () => {
    afterEach(() => clearDocuments(services));

    for (const rule of allRules) {
        const page = fs.readFileSync(path.join(REPO_ROOT, rule.meta.docs), 'utf8');
        const today = DATED.exec(page)?.[1];

        it(`${rule.meta.id}: the bad example fires the rule and the good one does not${today ? `, as of ${today}` : ', whatever the date'}`, async () => {
            const bad = exampleUnder(page, 'Bad example');
            const good = exampleUnder(page, 'Good example');
            assert.ok(bad && good, 'the page has a bad and a good example');
            // A page whose examples depend on the date says which; one that does not must hold on any date a reader copies it.
            for (const date of today ? [today] : ['2026-11-22', ...OTHER_DATES]) {
                assert.ok((await findingsOf(rule, bad, date)).length > 0, `bad example fires ${rule.meta.id} as of ${date}`);
                assert.deepEqual((await findingsOf(rule, good, date)).map(f => f.message), [], `good example as of ${date}${today ? '' : ` (the page states no date: say "The examples are read as of …" if they depend on it)`}`);
            }
            // A rule about charters that journals are held to as well may show it with a second pair of examples.
            const badJournal = exampleUnder(page, 'Bad example in a journal');
            const goodJournal = exampleUnder(page, 'Good example in a journal');
            assert.equal(!!badJournal, !!goodJournal, 'a bad example in a journal goes with a good one');
            if (badJournal && goodJournal) {
                await clearDocuments(services);
                const bad = await checkText(services, badJournal, { today: today ?? '2026-11-22' });
                assert.ok(bad.findings.some(finding => finding.ruleId === rule.meta.id && (bad.model.journals ?? []).some(journal =>
                    finding.range.start.line >= journal.source.range.start.line && finding.range.end.line <= journal.source.range.end.line)), `bad journal example fires ${rule.meta.id} in the journal`);
                assert.deepEqual((await findingsOf(rule, goodJournal, today ?? '2026-11-22')).map(f => f.message), []);
            }
        });

        // The page shows how to suppress a finding (the rules about suppression comments show none), or says a structural one cannot be.
        const configuration = section(page, 'Configuration') ?? '';
        const shown = /^\/\/ entente-disable-next-line .*$/m.exec(configuration)?.[0];
        if (shown || rule.meta.structural) {
            it(`${rule.meta.id}: its suppression comment, on the line before the bad example's finding, ${rule.meta.structural ? 'suppresses nothing (a structural rule)' : 'suppresses it'}`, async () => {
                const comment = shown ?? `// entente-disable-next-line ${rule.meta.id} -- the reason`;
                assert.ok(comment.startsWith(`// entente-disable-next-line ${rule.meta.id} -- `), comment);
                const bad = exampleUnder(page, 'Bad example')!;
                const date = today ?? '2026-11-22';
                const [first] = await findingsOf(rule, bad, date);
                const lines = bad.split('\n');
                lines.splice(first.range.start.line, 0, `${/^\s*/.exec(lines[first.range.start.line])![0]}${comment}`);
                const suppressed = lines.join('\n');
                const left = (await findingsOf(rule, suppressed, date)).filter(finding => finding.range.start.line === first.range.start.line + 1);
                if (rule.meta.structural) {
                    assert.ok(left.length > 0 && /cannot be re-levelled, switched off or suppressed/.test(configuration), `${rule.meta.docs} says a structural rule cannot be suppressed, and it is not`);
                } else {
                    assert.deepEqual(left.map(finding => finding.message), [], `${comment} suppresses the finding on the line after it`);
                }
            });
        }

        it(`${rule.meta.id}: its options and entente.json snippets are what the loader takes`, () => {
            const options = Object.entries(rule.meta.options ?? {});
            const documented = section(page, 'Options');
            assert.equal(documented !== undefined, options.length > 0, `${rule.meta.docs} has an Options section exactly when the rule has options`);
            for (const [name, value] of options) {
                const [, stated, takes] = new RegExp(`^- ${name} \\(default ([\\d./]+)(?:; ([^)]*))?\\)`, 'm').exec(documented ?? '') ?? [];
                assert.ok(stated, `${rule.meta.docs} lists option ${name} with its default`);
                const [numerator, denominator = '1'] = stated.split('/');
                assert.ok(Math.abs(Number(numerator) / Number(denominator) - Number(value)) < 1e-9, `${name}: the page says ${stated}, the rule ${value}`);
                // A number option says what entente.json may set it to, as its range in the rule's metadata.
                const range = rule.meta.optionRanges?.[name];
                if (range) {
                    const kind = range.whole ? 'a whole number' : 'a number';
                    assert.equal(takes, range.max === undefined ? `${kind} of at least ${range.min}` : `${kind} from ${range.min} to ${range.max}`, `${rule.meta.docs}: what ${name} takes`);
                }
            }
            for (const [, json] of page.matchAll(/```json\n([\s\S]*?)```/g)) {
                const config = parseConfig(json, rule.meta.docs, allRules);
                assert.deepEqual(Object.keys(config.rules ?? {}), [rule.meta.id], json);
            }
        });
    }
});
