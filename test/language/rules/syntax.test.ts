import * as assert from 'node:assert/strict';
import { describeRule, textAt } from '../../helpers/rule-cases.js';
import { checkText, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { journalCase } from '../../helpers/journal-cases.js';

// A kind of journal entry misspelt: the finding stands on the word, and its quick fix writes the kind meant.
describeRule('syntax', {
    fires: journalCase(['2026-05-01 deliv Roadmap']),
    range: 'deliv',
    message: /^`deliv` is no kind of entry \(did you mean `delivered`\?\): an entry is met, delivered, .* or note\.$/,
    nearMiss: journalCase(['2026-05-01 delivered Roadmap'])
});

describe('rule syntax on an assessment score out of 1 to 5', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const scoreFindings = async (entry: string) => {
        const text = journalCase([entry]);
        const { findings } = await checkText(services, text, { today: '2026-11-22' });
        return findings.filter(finding => finding.ruleId === 'syntax' && /scores each pillar/.test(finding.message)).map(finding => [finding.message, textAt(text, finding)]);
    };

    it('points at the score out of range, and says which pillar and score', async () => {
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 4 commitment 7 coordination 3 communication 4 }'),
            [['An assessment scores each pillar with a whole number from 1 to 5; commitment is 7.', 'commitment 7']]);
    });

    it('a pillar scored twice: each score out of range is pointed at, and so is the score that does not count', async () => {
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 9 commitment 4 coordination 3 communication 4 trust 0 }'),
            [['An assessment scores each pillar with a whole number from 1 to 5; trust is 9.', 'trust 9'], ['An assessment scores each pillar with a whole number from 1 to 5; trust is 0.', 'trust 0']]);
        await clearDocuments(services);
        const text = journalCase(['2026-10-30 assessed by Acme { trust 3 commitment 4 coordination 3 communication 4 trust 2 }']);
        const { findings, model } = await checkText(services, text, { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'syntax').map(finding => [finding.message, textAt(text, finding)]),
            [['This assessment scores trust again further on, and the last score counts: remove this one.', 'trust 3']]);
        const assessed = model.journals?.[0]?.entries.find(entry => entry.kind === 'assessed');
        assert.equal(assessed?.kind === 'assessed' ? assessed.scores.trust : undefined, 2, 'the last score counts');
    });

    it('a score out of range is not reasoned from: the perceived layer and the gap read the scores that stand', async () => {
        const text = journalCase([
            '2026-10-30 assessed by Acme { trust 6 commitment 4 coordination 4 communication 4 }',
            '2026-10-30 assessed by Globex { trust 2 commitment 4 coordination 4 communication 4 }'
        ]);
        const { document, findings, model } = await checkText(services, text, { today: '2026-11-22' });
        const assessed = model.journals?.[0]?.entries.find(entry => entry.kind === 'assessed');
        assert.deepEqual(assessed?.kind === 'assessed' ? assessed.scores : undefined, { commitment: 4, coordination: 4, communication: 4 });
        assert.ok(!findings.some(finding => finding.ruleId === 'perception-gap'), 'no gap from a trust of 6');
        const layers = services.charter.HealthScorer.score(document, findings)[0].layers;
        assert.equal(layers?.perceived.byParty.Acme?.pillars.trust, undefined);
        assert.notEqual(layers?.gap?.pillar, 'trust');
    });

    it('an assessment that leaves out one of the four pillars is a finding on the entry', async () => {
        const text = journalCase(['2026-10-30 assessed by Acme { trust 3 coordination 4 }']);
        const { findings } = await checkText(services, text, { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'syntax').map(finding => finding.message),
            ['This assessment leaves out commitment and communication: a party\'s view scores trust, commitment, coordination and communication from 1 to 5 (openness, equality and conflict may follow).']);
    });

    it('a score between two whole numbers says it must be whole, and names the two it lies between', async () => {
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 3.5 commitment 4 coordination 4 communication 4 }'),
            [['An assessment scores each pillar with a whole number from 1 to 5; trust is 3.5: write 3 or 4.', 'trust 3.5']]);
        await clearDocuments(services);
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 4 communication 5.5 }'),
            [['An assessment scores each pillar with a whole number from 1 to 5; communication is 5.5.', 'communication 5.5']]);
    });

    it('scores from 1 to 5 give no finding', async () => {
        assert.deepEqual(await scoreFindings('2026-10-30 assessed by Acme { trust 1 commitment 5 coordination 3 communication 4 }'), []);
    });
});

describe('rule syntax: what the lexer cannot read, and journal entries cut short', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const syntaxFindings = async (entries: string[]) => {
        await clearDocuments(services);
        const text = journalCase([...entries, '2026-06-01 delivered Roadmap']);
        const { findings, model } = await checkText(services, text, { today: '2026-11-22' });
        // The entry after the broken one is read in every case.
        assert.ok(model.journals?.[0]?.entries.some(entry => entry.kind === 'delivered' && entry.date === '2026-06-01'), JSON.stringify(entries));
        return findings.filter(finding => finding.ruleId === 'syntax').map(finding => [finding.message, textAt(text, finding)]);
    };

    it('names a typographic quote pasted from a word processor, and says to write a straight one', async () => {
        const findings = await syntaxFindings(['2026-05-01 note \u201CKick-off\u201D']);
        assert.deepEqual(findings.filter(([message]) => /typographic/.test(message)), [
            ['`\u201C` is a typographic quote: write texts between straight double quotes ("…").', '\u201C'],
            ['`\u201D` is a typographic quote: write texts between straight double quotes ("…").', '\u201D']
        ]);
    });

    it('offers what a misspelt kind or a typographic quote probably meant, as quick fixes: one guess, or each of several', async () => {
        const replacementsOf = async (entry: string) => {
            await clearDocuments(services);
            const { findings } = await checkText(services, journalCase([entry]), { today: '2026-11-22' });
            return findings.filter(finding => finding.ruleId === 'syntax').map(finding => (finding.data as { replacements: Array<{ title: string; newText: string }> }).replacements);
        };
        assert.deepEqual(await replacementsOf('2026-05-01 de'), [[
            { title: 'Change `de` to `delivered`', newText: 'delivered', range: { start: { line: 14, character: 15 }, end: { line: 14, character: 17 } } },
            { title: 'Change `de` to `decided`', newText: 'decided', range: { start: { line: 14, character: 15 }, end: { line: 14, character: 17 } } }
        ]]);
        assert.deepEqual((await replacementsOf('2026-05-01 note \u201Cx\u201D')).filter(list => list.length > 0).map(list => list.map(({ title, newText }) => [title, newText])), [
            [['Change it to a straight quote (")', '"']], [['Change it to a straight quote (")', '"']]
        ]);
        assert.deepEqual(await replacementsOf('2026-05-01 xy'), [[]]);
    });

    it('a misspelt kind is one finding, whatever the entry names after it on its line', async () => {
        const findings = await syntaxFindings(['2026-05-01 delivred Roadmap', '2026-05-02 Met Steering with Acme.Sponsor, Globex.Sponsor', '2026-05-03 mesured Revenue 5 USD']);
        assert.deepEqual(findings.map(([message, at]) => [message.replace(/: an entry is .*/, ''), at]), [
            ['`delivred` is no kind of entry (did you mean `delivered`?)', 'delivred'],
            ['`Met` is no kind of entry (did you mean `met`?)', 'Met'],
            ['`mesured` is no kind of entry (did you mean `measured`?)', 'mesured']
        ]);
    });

    it('a quote left open is the error of its line alone: the entries after it are read, and the fix closes it at the line end', async () => {
        const findings = await syntaxFindings(['2026-05-01 missed Roadmap "no budget  ', '2026-05-20 note "after it"']);
        assert.deepEqual(findings, [['This quote is not closed on its line: a text in quotes ends on the line it starts (write the closing `"`).', '"']]);
        await clearDocuments(services);
        const text = journalCase(['2026-05-01 missed Roadmap "no budget  ', '2026-05-20 note "after it"']);
        const { findings: all, model } = await checkText(services, text, { today: '2026-11-22' });
        assert.ok(model.journals?.[0]?.entries.some(entry => entry.kind === 'note' && entry.date === '2026-05-20'), 'the note after the open quote is read');
        const syntax = all.find(finding => finding.ruleId === 'syntax');
        const [fix] = (syntax?.data as { replacements: Array<{ title: string; newText: string; range: { start: { line: number; character: number } } }> }).replacements;
        assert.equal(fix.title, 'Close the quote at the end of the line');
        const lines = text.split('\n');
        const { line, character } = fix.range.start;
        lines[line] = lines[line].slice(0, character) + fix.newText + lines[line].slice(character);
        assert.match(lines[line], /missed Roadmap "no budget" {2}$/, 'closed before the spaces that end the line');
        await clearDocuments(services);
        const fixed = await checkText(services, lines.join('\n'), { today: '2026-11-22' });
        assert.deepEqual(fixed.findings.filter(finding => finding.ruleId === 'syntax'), []);
    });

    it('a quote inside a text is one finding on the text, whose fix writes the quotes within it as \\" and leaves the text meant', async () => {
        const cases: Array<[string, string, string]> = [
            ['2026-05-01 note "He said "fine" and left"', '"He said "fine" and left"', 'He said "fine" and left'],
            ['2026-05-01 missed Roadmap "the "big" launch"', '"the "big" launch"', 'the "big" launch'],
            ['2026-05-01 note "a 5" screen"', '"a 5" screen"', 'a 5" screen'],
            ['2026-05-01 note "already \\"escaped\\" and "not" yet"', '"already \\"escaped\\" and "not" yet"', 'already "escaped" and "not" yet']
        ];
        for (const [entry, written, meant] of cases) {
            const findings = await syntaxFindings([entry]);
            assert.equal(findings.length, 1, `${entry}: ${JSON.stringify(findings)}`);
            assert.match(findings[0][0], /^A quote inside a text ends it: write the quotes within a text as \\" \(".*"\)\.$/);
            assert.equal(findings[0][1], written);
            await clearDocuments(services);
            const text = journalCase([entry]);
            const { findings: all } = await checkText(services, text, { today: '2026-11-22' });
            const [fix] = (all.find(finding => finding.ruleId === 'syntax')?.data as { replacements: Array<{ newText: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> }).replacements;
            const lines = text.split('\n');
            lines[fix.range.start.line] = lines[fix.range.start.line].slice(0, fix.range.start.character) + fix.newText + lines[fix.range.start.line].slice(fix.range.end.character);
            await clearDocuments(services);
            const fixed = await checkText(services, lines.join('\n'), { today: '2026-11-22' });
            assert.deepEqual(fixed.findings.filter(finding => finding.ruleId === 'syntax'), [], entry);
            const read = fixed.model.journals?.[0]?.entries[0];
            assert.equal(read?.kind === 'note' ? read.text : read?.kind === 'missed' ? read.reason : undefined, meant, entry);
        }
    });

    it('says once that a date not written in full is no date', async () => {
        const findings = await syntaxFindings(['2026-05-1 note "x"']);
        assert.deepEqual(findings.map(([message]) => message), ['`2026-05-1` is not a date: write dates in full, as YYYY-MM-DD (2026-05-01).']);
    });

    it('says what a date written as elsewhere means as YYYY-MM-DD, once, on the whole date, and offers it as a quick fix', async () => {
        const cases: Array<[string, string, string[]]> = [
            ['03/12/2026', '2026-12-03 for 3 December, 2026-03-12 for 12 March', ['2026-12-03', '2026-03-12']],
            ['25/12/2026', '2026-12-25', ['2026-12-25']],
            ['12/25/2026', '2026-12-25', ['2026-12-25']],
            ['2026/12/03', '2026-12-03', ['2026-12-03']],
            ['2026.12.03', '2026-12-03', ['2026-12-03']],
            ['03.12.2026', '2026-12-03 for 3 December, 2026-03-12 for 12 March', ['2026-12-03', '2026-03-12']],
            ['20261203', '2026-12-03', ['2026-12-03']],
            ['3 Dec 2026', '2026-12-03', ['2026-12-03']],
            ['December 3, 2026', '2026-12-03', ['2026-12-03']],
            ['31/02/2026', '2026-01-31 is 31 January', []]
        ];
        for (const [written, instead, dates] of cases) {
            await clearDocuments(services);
            const text = journalCase([`${written} met Steering with Acme.Sponsor`, '2026-06-01 delivered Roadmap']);
            const { findings, model } = await checkText(services, text, { today: '2026-11-22' });
            assert.ok(model.journals?.[0]?.entries.some(entry => entry.kind === 'delivered' && entry.date === '2026-06-01'), `${written}: the entry after it is read`);
            const syntax = findings.filter(finding => finding.ruleId === 'syntax');
            assert.deepEqual(syntax.map(finding => [finding.message, textAt(text, finding)]), [[`\`${written}\` is not a date: write dates as YYYY-MM-DD (${instead}).`, written]], written);
            const replacements = (syntax[0].data as { replacements: Array<{ newText: string; range: typeof syntax[0]['range'] }> }).replacements;
            assert.deepEqual(replacements.map(replacement => replacement.newText), dates, written);
            for (const { newText, range } of replacements) {
                // The fix leaves an entry that is read, on the date meant.
                await clearDocuments(services);
                const lines = text.split('\n');
                lines[range.start.line] = lines[range.start.line].slice(0, range.start.character) + newText + lines[range.start.line].slice(range.end.character);
                const fixed = await checkText(services, lines.join('\n'), { today: '2026-11-22' });
                assert.deepEqual(fixed.findings.filter(finding => finding.ruleId === 'syntax'), [], `${written} → ${newText}`);
                assert.ok(fixed.model.journals?.[0]?.entries.some(entry => entry.kind === 'met' && entry.date === newText), `${written} → ${newText}: the meeting is read`);
            }
        }
    });

    it('a date in quotes, single or double, is one finding on the date and its quotes, with the date alone as its quick fix', async () => {
        for (const written of ["'2026-03-04'", '"2026-03-04"']) {
            await clearDocuments(services);
            const text = journalCase([`${written} met Steering with Acme.Sponsor`, '2026-06-01 delivered Roadmap']);
            const { findings, model } = await checkText(services, text, { today: '2026-11-22' });
            assert.ok(model.journals?.[0]?.entries.some(entry => entry.kind === 'delivered' && entry.date === '2026-06-01'), `${written}: the entry after it is read`);
            const syntax = findings.filter(finding => finding.ruleId === 'syntax');
            assert.deepEqual(syntax.map(finding => [finding.message, textAt(text, finding)]),
                [[`\`${written}\` is a date in quotes: write dates without quotes (2026-03-04).`, written]], written);
            const replacements = (syntax[0].data as { replacements: Array<{ title: string; newText: string; range: typeof syntax[0]['range'] }> }).replacements;
            assert.deepEqual(replacements.map(({ title, newText }) => [title, newText]), [['Change it to 2026-03-04', '2026-03-04']], written);
            await clearDocuments(services);
            const [{ range }] = replacements;
            const lines = text.split('\n');
            lines[range.start.line] = lines[range.start.line].slice(0, range.start.character) + '2026-03-04' + lines[range.start.line].slice(range.end.character);
            const fixed = await checkText(services, lines.join('\n'), { today: '2026-11-22' });
            assert.deepEqual(fixed.findings.filter(finding => finding.ruleId === 'syntax'), [], `${written}: fixed`);
            assert.ok(fixed.model.journals?.[0]?.entries.some(entry => entry.kind === 'met' && entry.date === '2026-03-04'), `${written}: the meeting is read once fixed`);
        }
        await clearDocuments(services);
        const charter = journalCase([]).replace('term from 2026-01-01', 'term from "2026-01-01"');
        const { findings } = await checkText(services, charter, { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'syntax').map(finding => [finding.message, textAt(charter, finding)]),
            [['`"2026-01-01"` is a date in quotes: write dates without quotes (2026-01-01).', '"2026-01-01"']]);
    });

    it('a number written with thousands separators is one finding on the whole number, with the number as a quick fix, and is not read as its first group', async () => {
        const cases: Array<[string, string]> = [['1,000,000', '1000000'], ['1.000.000', '1000000'], ['2,500.75', '2500.75'], ['1.000,5', '1000.5']];
        for (const [written, meant] of cases) {
            await clearDocuments(services);
            const text = journalCase([`2026-10-31 measured Revenue ${written} USD`, '2026-11-01 delivered Roadmap']);
            const { findings, model } = await checkText(services, text, { today: '2026-11-22' });
            const syntax = findings.filter(finding => finding.ruleId === 'syntax');
            assert.deepEqual(syntax.map(finding => [finding.message, textAt(text, finding)]),
                [[`\`${written}\` is written with thousands separators: write numbers without them (${meant}).`, written]], written);
            assert.deepEqual((syntax[0].data as { replacements: Array<{ newText: string }> }).replacements.map(({ newText }) => newText), [meant], written);
            const reading = model.journals?.[0]?.entries.find(entry => entry.kind === 'measured');
            assert.equal(reading?.kind === 'measured' ? reading.value : 'none', undefined, `${written}: no reading of ${written.split(/[,.]/)[0]}`);
            assert.deepEqual(findings.filter(finding => finding.ruleId === 'off-target-metric'), [], `${written}: not off target`);
            assert.ok(model.journals?.[0]?.entries.some(entry => entry.kind === 'delivered'), `${written}: the entry after it is read`);
        }
        await clearDocuments(services);
        const charter = journalCase([]).replace('target >= 100000 USD', 'target >= 100,000 USD');
        const { findings, model } = await checkText(services, charter, { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'syntax').map(finding => [finding.message, textAt(charter, finding)]),
            [['`100,000` is written with thousands separators: write numbers without them (100000).', '100,000']]);
        assert.equal(model.charters[0].metrics[0].target, undefined, 'no target of >= 100');
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'incomplete-metric').map(finding => finding.message), [], 'the target is written, cut short: not missing');
    });

    it('in a charter too: a due date or a term written as elsewhere says what to write', async () => {
        const text = journalCase([], '\n    commitment Kit { owner Acme.AllianceLead to Globex due 30/06/2026 }').replace('term from 2026-01-01', 'term from 1 Jan 2026');
        const { findings } = await checkText(services, text, { today: '2026-11-22' });
        assert.deepEqual(findings.filter(finding => finding.ruleId === 'syntax').map(finding => [finding.message, textAt(text, finding)]), [
            ['`1 Jan 2026` is not a date: write dates as YYYY-MM-DD (2026-01-01).', '1 Jan 2026'],
            ['`30/06/2026` is not a date: write dates as YYYY-MM-DD (2026-06-30).', '30/06/2026']
        ]);
    });

    it('writes a date not written in full in full, as a quick fix, and says why a date is not of the calendar', async () => {
        const about = async (date: string) => {
            await clearDocuments(services);
            const { findings } = await checkText(services, journalCase([`${date} note "x"`]), { today: '2026-11-22' });
            const [finding] = findings.filter(candidate => candidate.ruleId === 'syntax');
            return [finding.message, (finding.data as { replacements: Array<{ title: string; newText: string }> }).replacements.map(({ title, newText }) => [title, newText])];
        };
        assert.deepEqual(await about('2026-12-3'), ['`2026-12-3` is not a date: write dates in full, as YYYY-MM-DD (2026-12-03).', [['Change it to 2026-12-03', '2026-12-03']]]);
        assert.deepEqual(await about('2026-1-5'), ['`2026-1-5` is not a date: write dates in full, as YYYY-MM-DD (2026-01-05).', [['Change it to 2026-01-05', '2026-01-05']]]);
        assert.deepEqual(await about('2026-11'), ['`2026-11` is not a date: write dates in full, as YYYY-MM-DD (2026-01-31).', []]);
        assert.deepEqual(await about('2026-02-29'), ['2026-02-29 is not a date of the calendar: 2026 is not a leap year, so February has 28 days.', []]);
        assert.deepEqual(await about('2028-02-30'), ['2028-02-30 is not a date of the calendar: February 2028 has 29 days.', []]);
        assert.deepEqual(await about('2026-04-31'), ['2026-04-31 is not a date of the calendar: April has 30 days.', []]);
        assert.deepEqual(await about('2026-13-01'), ['2026-13-01 is not a date of the calendar: months are numbered 01 to 12.', []]);
        assert.deepEqual(await about('2026-05-00'), ['2026-05-00 is not a date of the calendar: days are numbered from 01.', []]);
    });

    it('reads a journal entry with a date that is none as undated: no rule counts it as a meeting', async () => {
        for (const date of ['2026-02-30', '2026-11-2', '2026-1']) {
            await clearDocuments(services);
            const text = journalCase(['2026-01-20 met Steering with Acme.Sponsor, Globex.Sponsor', `${date} met Steering with Acme.Sponsor, Globex.Sponsor`]);
            const { findings } = await checkText(services, text, { today: '2026-11-22' });
            assert.deepEqual(findings.filter(finding => finding.ruleId === 'missed-meeting').map(finding => finding.message),
                ['Body Steering meets quarterly but last met on 2026-01-20; a meeting was due by 2026-06-04 (today is 2026-11-22).'], date);
            assert.equal(findings.filter(finding => finding.ruleId === 'syntax' && finding.message.includes(date)).length, 1, date);
        }
    });

    it('reads on past a date being typed in a charter, and reasons from no date that is none', async () => {
        for (const due of ['2026-', '2026-0', '2026-03', '2026-03-', '2026-03-3', '2026-02-30']) {
            await clearDocuments(services);
            // Training, after the commitment being written, is overdue as of 2026-11-22: it is still read.
            const text = journalCase([], `\n    commitment Kit { owner Acme.AllianceLead to Globex due ${due} }\n    commitment Later { owner Acme.AllianceLead to Globex due 2026-04-30 }`);
            const { findings } = await checkText(services, text, { today: '2026-11-22' });
            const about = (name: string) => findings.filter(finding => finding.element === `Deal.${name}`).map(finding => finding.ruleId).sort();
            assert.deepEqual(about('Kit'), [], `${due}: no rule reasons from a date that is none`);
            assert.deepEqual(about('Later'), ['overdue-commitment'], `${due}: the commitment after it is read`);
            assert.deepEqual(findings.filter(finding => finding.ruleId === 'syntax').map(finding => [finding.message, textAt(text, finding)]),
                [[due.length === 10 ? `${due} is not a date of the calendar: February 2026 has 28 days.` : `\`${due}\` is not a date: write dates in full, as YYYY-MM-DD (${due === '2026-03-3' ? '2026-03-03' : '2026-01-31'}).`, due]]);
        }
    });

    it('says a text goes in quotes, and a list of names takes commas, where an entry goes on past its end, each with its quick fix', async () => {
        const cases: Array<[string, string, string, string]> = [
            ['2026-05-01 note unquoted text // why', 'A text is written in double quotes: "unquoted text".', 'unquoted text', '2026-05-01 note "unquoted text" // why'],
            ['2026-05-01 reviewed Half year review', 'A text is written in double quotes: "Half year review".', 'Half year review', '2026-05-01 reviewed "Half year review"'],
            ['2026-05-01 missed Roadmap frozen', 'A text is written in double quotes: "frozen".', 'frozen', '2026-05-01 missed Roadmap "frozen"'],
            ['2026-05-01 met Steering with Acme.Sponsor Globex.Sponsor', 'Names in a list are separated by commas: write a comma after `Acme.Sponsor`, before `Globex`.', 'Globex',
                '2026-05-01 met Steering with Acme.Sponsor, Globex.Sponsor'],
            ['2026-05-01 decided Prices by Acme Globex', 'Names in a list are separated by commas: write a comma after `Acme`, before `Globex`.', 'Globex', '2026-05-01 decided Prices by Acme, Globex']
        ];
        for (const [entry, message, span, fixed] of cases) {
            assert.deepEqual(await syntaxFindings([entry]), [[message, span]], entry);
            await clearDocuments(services);
            const text = journalCase([entry]);
            const [finding] = (await checkText(services, text, { today: '2026-11-22' })).findings.filter(candidate => candidate.ruleId === 'syntax');
            const [{ range, newText }] = (finding.data as { replacements: Array<{ newText: string; range: typeof finding.range }> }).replacements;
            const lines = text.split('\n');
            lines[range.start.line] = lines[range.start.line].slice(0, range.start.character) + newText + lines[range.start.line].slice(range.end.character);
            assert.equal(lines[range.start.line].trim(), fixed, entry);
            await clearDocuments(services);
            assert.deepEqual((await checkText(services, lines.join('\n'), { today: '2026-11-22' })).findings.filter(candidate => candidate.ruleId === 'syntax'), [], fixed);
        }
    });

    it('names any other character it cannot read, an invisible one by its code', async () => {
        assert.deepEqual((await syntaxFindings(['2026-05-01 note "x" \u00A7'])).map(([message]) => message), ['Unexpected character `\u00A7`.']);
        assert.deepEqual((await syntaxFindings(['2026-05-01 note "x" \u200B'])).map(([message]) => message), ['Unexpected character `U+200B`.']);
    });

    it('reports a date alone, and a word that is no kind of entry with the kinds it may begin or be near', async () => {
        assert.deepEqual(await syntaxFindings(['2026-05-01']), [
            ['This entry has a date and nothing else: write what happened after it (met, delivered, missed, measured, decided, raised, escalated, resolved, reviewed, assessed or note).', '2026-05-01']
        ]);
        const word = async (entry: string) => (await syntaxFindings([entry])).map(([message]) => message.replace(/: an entry is .*/, ''));
        assert.deepEqual(await word('2026-05-01 re'), ['`re` is no kind of entry (did you mean `resolved` or `reviewed`?)']);
        assert.deepEqual(await word('2026-05-01 mesured'), ['`mesured` is no kind of entry (did you mean `measured`?)']);
        assert.deepEqual(await word('2026-05-01 xy'), ['`xy` is no kind of entry']);
    });
});

describe('rule syntax: the parser says what it expected, after what, and what it found', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const messages = async (charter: string) => {
        await clearDocuments(services);
        const { findings } = await checkText(services, `party A { role R } party B\n${charter}`);
        return findings.filter(finding => finding.ruleId === 'syntax').map(finding => finding.message);
    };

    it('names a terminal by what it holds: a name, a date', async () => {
        assert.deepEqual(await messages('charter C { parties A, B decision D { decided by } }'), ['Expected a name after `by`, found `}`.']);
        assert.equal((await messages('charter C { parties A, B commitment K { owner A due 2026 } }'))[0], 'Expected a date (YYYY-MM-DD) after `due`, found `2026`.');
    });

    it('lists the keywords that could have come', async () => {
        assert.deepEqual(await messages('charter C { parties A, B body X { members A, B votes by } }'), ['Expected `unanimity`, `consensus` or `majority` after `by`, found `}`.']);
    });

    it('guesses the keyword a misspelt word meant, where keywords were expected, and guesses nothing for a name far from them', async () => {
        assert.deepEqual(await messages('charter C { parties A, B body X { members A, B meets quartely } }'),
            ['Expected `weekly`, `monthly`, `quarterly` or `yearly` after `meets`, found `quartely` (did you mean `quarterly`?).']);
        assert.deepEqual(await messages('charter C { parties A, B body X { members A, B votes by majorty } }'),
            ['Expected `unanimity`, `consensus` or `majority` after `by`, found `majorty` (did you mean `majority`?).']);
        assert.deepEqual(await messages('charter C { parties A, B body X { members A, B votes by Board } }'),
            ['Expected `unanimity`, `consensus` or `majority` after `by`, found `Board`.']);
    });

    it('lists a few all, rather than ending in "or 2 more": the time units after a number', async () => {
        assert.deepEqual(await messages('charter C { parties A, B review every 6 fortnights }'),
            ['Expected `day`, `days`, `week`, `weeks`, `month`, `months`, `year` or `years` after `6`, found `fortnights`.']);
    });

    it('says what may follow a whole element, and where the file ends too soon', async () => {
        assert.deepEqual(await messages('charter C { parties A, B } }'), ['Expected a `party`, `charter` or `journal`, found `}`.']);
        assert.deepEqual(await messages('charter C { parties A, B decision D { decided by A'), ['Expected `}` to close decision D, opened on line 2, found the end of the file.']);
    });

    it('names the block a missing `}` would close and the line it opened on, not the token before it', async () => {
        // Before: "Expected `}` after `}`", when the brace before the error was the last one written.
        assert.deepEqual(await messages('charter C {\n    parties A, B\n    body X {\n        members A\n    decision D { decided by X }\n'), [
            'Expected `}` to close body X, opened on line 4, found `decision`.',
            'Expected `}` to close charter C, opened on line 2, found the end of the file.'
        ]);
        assert.deepEqual(await messages('charter C {\n    parties A, B\n    exit {\n}\nparty D'), ['Expected `}` to close charter C, opened on line 2, found `party`.']);
        assert.deepEqual(await messages('charter {\n    parties A, B\n'), ['Expected a name after `charter`, found `{`.', 'Expected `}` to close an unnamed charter, opened on line 2, found the end of the file.']);
        assert.deepEqual(await messages('charter C {\n    parties A, B\n    exit { notice 90 days\n    decision D { }\n}'), ['Expected `}` to close the exit terms, opened on line 4, found `decision`.']);
    });

    it('stands on the line being typed when what it found is on a later line', async () => {
        const text = journalCase(['2026-03-15 met Steering with', '2026-07-20 delivered Roadmap']);
        const { findings } = await checkText(services, text, { today: '2026-11-22' });
        const syntax = findings.filter(finding => finding.ruleId === 'syntax');
        assert.deepEqual(syntax.map(finding => [finding.message, textAt(text, finding), finding.range.start.line]),
            [['Expected a name after `with`, found `2026-07-20`.', 'with', text.split('\n').findIndex(line => line.includes('met Steering with'))]]);
    });
});

describe('rule syntax: a misspelt keyword or a comma left out in a charter is read past as meant', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));
    const PARTIES = ['party Acme { role Lead }', 'party Globex { role Lead }'];
    const charter = (lines: string[]) => [...PARTIES, 'charter AG {', ...lines.map(line => `    ${line}`), '}', ''].join('\n');
    /** The syntax findings of a charter (message, text it stands on), and what its quick fix makes of the text. */
    const check = async (text: string) => {
        await clearDocuments(services);
        const result = await checkText(services, text, { today: '2026-01-01' });
        const syntax = result.findings.filter(finding => finding.ruleId === 'syntax');
        return { ...result, syntax, written: syntax.map(finding => [finding.message, textAt(text, finding)]) };
    };
    const fixed = (text: string, finding: { data?: unknown }) => {
        const [{ range, newText }] = (finding.data as { replacements: Array<{ newText: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> }).replacements;
        const lines = text.split('\n');
        lines[range.start.line] = lines[range.start.line].slice(0, range.start.character) + newText + lines[range.start.line].slice(range.end.character);
        return lines.join('\n');
    };
    /** The findings other than syntax, as rule and message: a typo read as meant leaves them as the text written right has them. */
    const others = (findings: Array<{ ruleId: string; message: string }>) => findings.filter(finding => finding.ruleId !== 'syntax').map(finding => `${finding.ruleId}: ${finding.message}`);

    it('a misspelt element loses nothing after it: one finding on the word, and the rest of the charter read', async () => {
        const text = charter([
            'parties Acme, Globex',
            'vision "v"',
            'decison Budget { decided by Acme }',
            'decision Price {',
            '    decided by Acme',
            '    consult Globex.Lead',
            '    informs Globex',
            '}',
            'commitment Ship { owner Acme.Lead to Globex due 2026-03-01 }'
        ]);
        const { written, model, findings, syntax } = await check(text);
        assert.deepEqual(written, [
            ['`decison` is no kind of element (did you mean `decision`?).', 'decison'],
            ['`consult` is no clause of a decision (did you mean `consults`?).', 'consult']
        ]);
        assert.deepEqual(model.charters[0].decisions.map(decision => decision.name), ['Budget', 'Price']);
        assert.deepEqual(model.charters[0].commitments.map(commitment => commitment.name), ['Ship']);
        const right = fixed(fixed(text, syntax[1]), syntax[0]);
        const corrected = await check(right);
        assert.deepEqual(corrected.written, [], right);
        assert.deepEqual(others(findings), others(corrected.findings));
    });

    it('each element, clause and keyword misspelt: the keyword meant, with its quick fix', async () => {
        const cases: Array<[string, string, string, string]> = [
            ['comitment Ship { owner Acme.Lead to Globex }', '`comitment` is no kind of element (did you mean `commitment`?).', 'comitment', 'commitment Ship'],
            ['metirc Trust { kind relationship owner Acme.Lead }', '`metirc` is no kind of element (did you mean `metric`?).', 'metirc', 'metric Trust'],
            ['escalaton Path { level Acme.Lead, Globex.Lead within 5 days }', '`escalaton` is no kind of element (did you mean `escalation`?).', 'escalaton', 'escalation Path'],
            ['bdy Board { members Acme.Lead, Globex.Lead meets quarterly }', '`bdy` is no kind of element (did you mean `body`?).', 'bdy', 'body Board'],
            ['decision Price { decidedby Acme informs Globex }', '`decidedby` is two keywords written together (did you mean `decided by`?).', 'decidedby', 'decided by Acme'],
            ['commitment Ship { ower Acme.Lead to Globex }', '`ower` is no clause of a commitment (did you mean `owner`?).', 'ower', 'owner Acme.Lead'],
            ['term from 2026-01-01 until 2027-01-01', '`until` is no keyword of a term (did you mean `to`?).', 'until', 'from 2026-01-01 to 2027-01-01']
        ];
        for (const [line, message, word, meant] of cases) {
            const text = charter(['parties Acme, Globex', line, 'objective Growth "after the typo"']);
            const { written, syntax, model } = await check(text);
            assert.deepEqual(written, [[message, word]], line);
            assert.deepEqual(model.charters[0].objectives.map(objective => objective.name), ['Growth'], `${line}: read on after it`);
            const right = fixed(text, syntax[0]);
            assert.ok(right.includes(meant), right);
            assert.deepEqual((await check(right)).written, [], right);
        }
    });

    it('a list of names without a comma: the names after it are read, with the message and fix of a journal\'s lists', async () => {
        const cases: Array<[string, string, string]> = [
            ['parties Acme Globex', 'Names in a list are separated by commas: write a comma after `Acme`, before `Globex`.', 'parties Acme, Globex'],
            ['body Board { members Acme.Lead Globex.Lead meets quarterly }', 'Names in a list are separated by commas: write a comma after `Acme.Lead`, before `Globex`.', 'members Acme.Lead, Globex.Lead'],
            ['decision Price { decided by Acme informs Acme Globex }', 'Names in a list are separated by commas: write a comma after `Acme`, before `Globex`.', 'informs Acme, Globex']
        ];
        for (const [line, message, meant] of cases) {
            const text = charter([line.startsWith('parties') ? line : 'parties Acme, Globex', ...(line.startsWith('parties') ? [] : [line])]);
            const { written, syntax, findings } = await check(text);
            assert.deepEqual(written, [[message, 'Globex']], line);
            assert.ok(!findings.some(finding => finding.ruleId === 'too-few-parties' || finding.ruleId === 'uninformed-party'), `${line}: no finding of the name left out`);
            const right = fixed(text, syntax[0]);
            assert.ok(right.includes(meant), right);
            const corrected = await check(right);
            assert.deepEqual(corrected.written, [], right);
            assert.deepEqual(others(findings), others(corrected.findings), line);
        }
    });

    it('a word far from every keyword is no guess: the parser says what it expected, as before', async () => {
        const { written } = await check(charter(['parties Acme, Globex', 'zzzz Budget { decided by Acme }']));
        assert.ok(written.length > 0 && written.every(([message]) => !/did you mean/.test(message)), JSON.stringify(written));
    });

    it('a long charter is parsed again for a few repairs only: each costs a parse of the whole text', async () => {
        // 5,000 decisions of nine tokens each, every one with a comma left out: 45,000 tokens, parsed again four times at most.
        const decisions = Array.from({ length: 5000 }, (_, index) => `decision D${index} { decided by Acme Globex }`);
        const { written } = await check(charter(['parties Acme, Globex', ...decisions]));
        const repaired = written.filter(([message]) => message.startsWith('Names in a list are separated by commas'));
        assert.ok(repaired.length >= 1 && repaired.length <= 4, `${repaired.length} repairs`);
        assert.equal(written.length, 5000, 'every comma left out is still a finding');
    });

    it('a keyword being typed is no misspelling of another, nor a name after a missing comma', async () => {
        // `con` as `consults` is typed: three edits from `by`, and no name of the list `decided by Acme`.
        const { written } = await check(charter(['parties Acme, Globex', 'decision Price { decided by Acme con }']));
        assert.deepEqual(written, [['Expected `}` to close decision Price, opened on line 5, found `con`.', 'con']]);
    });
});
