import * as assert from 'node:assert/strict';
import { allRules, kindAndName, nameOf, type Finding } from '@entente/language';
import { checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';
import { textAt } from '../../helpers/rule-cases.js';

const services = createTestServices();

const PARTIES = `
party Acme { role Lead role Sponsor }
party Globex { role Lead }
party Initech { role Lead }
`;

/**
 * Elements of every kind without a name (`decision { … }`, as while a line is
 * typed), each written so that as many rules as can fire about it do.
 */
const UNNAMED = {
    'parties.charter': PARTIES,
    'elements.charter': `
charter Deal {
    parties Acme, Globex
    term to 2020-01-01
    objective
    body { members Acme.Lead, Acme.Sponsor, Globex.Lead votes by majority chair Acme.Lead meets monthly }
    body { }
    decision { decided by Acme reserved }
    decision { }
    decision { decided by Acme, Globex by unanimity }
    decision { decided by Acme }
    escalation { level Acme within 5 days finally executive-decision by Acme }
    escalation { level Acme, Globex level Acme }
    commitment { due 2020-01-01 }
    commitment { owner Acme to Globex }
    commitment { owner Acme to Globex }
    commitment { owner Acme to Globex }
    metric { benefits Acme cadence monthly target >= 3 % }
}
`,
    'charters.charter': `
charter {
    parties Acme
    metric M { kind outcome }
    decision { decided by Initech }
}
charter {
    parties Acme, Globex
    body Acme { members Acme.Lead, Globex.Lead }
    body { members Acme.Lead }
    commitment K { owner Acme to Globex due 2026-01-01 }
}
charter {
    parties Acme, Globex
    decision { decided by Acme }
    decision { decided by Acme }
}
`,
    'journal.charter': `
charter Named {
    parties Acme, Globex
    commitment K { owner Acme to Globex due 2026-01-01 }
}
journal for Named {
    2025-12-20 delivered K
}
`
};

/**
 * Rules that find their element by a name written elsewhere (in a journal
 * entry, or another declaration with the same name), so an unnamed element
 * never meets them; or that name no element at all.
 */
const NEVER_UNNAMED = new Set([
    'absent-party', 'decided-without-right', 'dispute-over-time', 'future-entry', 'inconsistent-dispute', 'late-delivery',
    'mismatched-unit', 'missed-commitment', 'missed-meeting', 'off-target-metric', 'one-sided-delivery', 'overloaded-role',
    'perception-gap', 'review-overdue', 'stale-assessment', 'unjustified-suppression', 'unreported-metric', 'unused-suppression',
    'syntax', 'unresolved-reference'
]);

/** What never reads well in a sentence: a name left out (`Decision  says`, `of .`, `''`) or a sentence that starts in lower case. */
function misreadings(message: string): string[] {
    const problems: string[] = [];
    if (/ {2}/.test(message)) problems.push('a double space');
    if (/''|""/.test(message)) problems.push('empty quotes');
    if (/ [.,;:)]/.test(message) || /\( /.test(message)) problems.push('a space before punctuation');
    if (/^[\s,.;:']/.test(message)) problems.push('nothing before the first word');
    if (/^an? /.test(message)) problems.push('a sentence in lower case');
    return problems;
}

describe('messages about elements without a name', () => {
    afterEach(() => clearDocuments(services));

    it('name them in one way ("an unnamed decision"), in a sentence that reads well', () => {
        assert.equal(kindAndName('decision', 'Budget'), 'decision Budget');
        assert.equal(kindAndName('decision', 'Budget', true), 'Decision Budget');
        assert.equal(kindAndName('decision', ''), 'an unnamed decision');
        assert.equal(kindAndName('escalation', undefined, true), 'An unnamed escalation');
        assert.equal(nameOf('body', 'board', true), 'board', 'a name is the charter\'s own word: never capitalised');
        assert.equal(nameOf('body', '', true), 'An unnamed body');
    });

    it('read well in every rule that fires about an unnamed element, with its related locations', async () => {
        const checked = await checkWorkspace(services, UNNAMED, { today: '2026-11-22' });
        const findings: Finding[] = Object.values(checked).flatMap(document => document.findings);
        const fired = new Set(findings.map(finding => finding.ruleId));
        for (const finding of findings) {
            for (const message of [finding.message, ...(finding.related ?? []).map(related => related.message)]) {
                assert.deepEqual(misreadings(message), [], `${finding.ruleId}: "${message}"`);
            }
        }
        assert.ok(findings.some(finding => finding.message.includes('an unnamed decision') || finding.message.startsWith('An unnamed decision')));
        // Every rule that can meet an unnamed element met one here: a rule added later is walked too, or said to need a name.
        const notWalked = allRules.map(rule => rule.meta.id).filter(id => !fired.has(id) && !NEVER_UNNAMED.has(id));
        assert.deepEqual(notWalked, [], `rules that fired: ${[...fired].sort().join(', ')}`);
    });

    it('point at the element\'s keyword, as a named element\'s point at its name, never underlining its whole block', async () => {
        const checked = await checkWorkspace(services, UNNAMED, { today: '2026-11-22' });
        for (const [file, { model, findings }] of Object.entries(checked)) {
            const text = UNNAMED[file as keyof typeof UNNAMED];
            for (const charter of model.charters) {
                const elements = [['charter', [charter]], ['objective', charter.objectives], ['body', charter.bodies], ['decision', charter.decisions],
                    ['escalation', charter.escalations], ['commitment', charter.commitments], ['metric', charter.metrics]] as const;
                for (const [keyword, items] of elements) {
                    for (const element of items.filter(item => !item.name)) {
                        assert.equal(textAt(text, { range: element.source.nameRange }), keyword, `${file}: an unnamed ${keyword}`);
                    }
                }
            }
            for (const journal of model.journals ?? []) {
                if (!journal.name) assert.equal(textAt(text, { range: journal.source.nameRange }), 'journal', `${file}: an unnamed journal`);
            }
            for (const finding of findings) {
                assert.ok(!/\{[^]*\}/.test(textAt(text, finding)), `${file}: ${finding.ruleId} underlines a block: "${textAt(text, finding)}"`);
            }
        }
        const about = (file: keyof typeof UNNAMED, ruleId: string) => checked[file].findings.filter(finding => finding.ruleId === ruleId).map(finding => textAt(UNNAMED[file], finding));
        assert.deepEqual(about('elements.charter', 'empty-body'), ['body']);
        assert.ok(about('elements.charter', 'undecided-decision').every(written => written === 'decision'));
    });
});
