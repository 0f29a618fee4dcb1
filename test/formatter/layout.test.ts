import * as assert from 'node:assert/strict';
import type { CharterFormatter } from '@entente/language';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkText, clearDocuments, createTestServices, ruleIds } from '../helpers/workspace.js';

const services = createTestServices();
const formatter = services.lsp.Formatter as CharterFormatter;

const MESSY = `// header


party Acme "Acme" { role Lead role Sponsor "VP" }
party   Globex{role Lead}
charter Deal "A deal" { parties Acme , Globex vision "Grow  together"
  term from 2026-01-01 to 2027-01-01 review every 6 months


    // the board
    body Board { members Acme . Lead, Globex.Lead votes by majority
    meets monthly } decision Price { decided by Acme // Acme sets prices
      informs Globex }
  /* block
     comment */
  // entente-disable-next-line undecided-decision -- agreed later
  decision Later { }
  commitment Train { owner Acme.Lead to Globex due 2026-06-30 }   
  metric Sales { kind outcome owner Globex.Lead target >= 90 % cadence monthly }
  exit { notice 90 days "Either party may leave." }
}


`;

const CANONICAL = `// header

party Acme "Acme" {
    role Lead
    role Sponsor "VP"
}

party Globex {
    role Lead
}

charter Deal "A deal" {
    parties Acme, Globex
    vision "Grow  together"
    term from 2026-01-01 to 2027-01-01
    review every 6 months

    // the board
    body Board {
        members Acme.Lead, Globex.Lead
        votes by majority
        meets monthly
    }

    decision Price {
        decided by Acme // Acme sets prices
        informs Globex
    }

    /* block
     comment */
    // entente-disable-next-line undecided-decision -- agreed later
    decision Later {}

    commitment Train {
        owner Acme.Lead
        to Globex
        due 2026-06-30
    }

    metric Sales {
        kind outcome
        owner Globex.Lead
        target >= 90 %
        cadence monthly
    }

    exit {
        notice 90 days
        "Either party may leave."
    }
}
`;

function comments(text: string): string[] {
    return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map(match => match[0]);
}

describe('the formatter', () => {
    afterEach(() => clearDocuments(services));

    it('lays a messy charter out in the canonical layout', () => {
        assert.equal(formatter.format(MESSY), CANONICAL);
    });

    it('is idempotent and leaves canonical text as it is', () => {
        assert.equal(formatter.format(CANONICAL), CANONICAL);
    });

    it('keeps every comment, word for word and in order, and strings as written', () => {
        const formatted = formatter.format(MESSY)!;
        assert.deepEqual(comments(formatted), comments(MESSY));
        assert.ok(formatted.includes('"Grow  together"'), 'whitespace inside a string is the string\'s');
    });

    it('keeps a suppression comment directly above what it suppresses', async () => {
        const before = await checkText(services, MESSY);
        await clearDocuments(services);
        const after = await checkText(services, formatter.format(MESSY)!);
        assert.ok(!ruleIds(after.findings).includes('undecided-decision'), 'Later stays suppressed');
        assert.ok(!ruleIds(after.findings).includes('unused-suppression'));
        assert.deepEqual(ruleIds(after.findings), ruleIds(before.findings));
    });

    it('keeps a trailing comment at the end of its line and a comment before a closing brace inside the block', () => {
        const text = 'party A {\n  role R // the lead\n  // more roles later\n}\n';
        assert.equal(formatter.format(text), 'party A {\n    role R // the lead\n    // more roles later\n}\n');
        assert.equal(formatter.format('party A { // roles\n}\n'), 'party A { // roles\n}\n');
    });

    it('keeps at most one blank line the author left between clauses, and none after an opening brace', () => {
        const text = 'party A {}\nparty B {}\ncharter C {\n\n\n    parties A, B\n\n\n\n    vision "v"\n    review yearly\n}\n';
        assert.equal(formatter.format(text), 'party A {}\nparty B {}\n\ncharter C {\n    parties A, B\n\n    vision "v"\n    review yearly\n}\n');
    });

    it('keeps what a suppression comment covers together on the line after it, wherever the comment stands', async () => {
        const parties = 'party Acme { role Lead role Sponsor }\nparty Globex { role Lead }\n';
        const cases = [
            // Several clauses on the suppressed line stay on it.
            'charter Deal {\n    parties Acme, Globex\n    body Board { members Acme.Lead, Globex.Lead\n    // entente-disable-next-line fixed-chair -- agreed\n    votes by consensus chair Acme.Sponsor meets quarterly }\n}\n',
            // A suppression at the end of a line covers the next line: no blank line is put between.
            'charter Deal {\n    parties Acme, Globex\n    decision Price { decided by Acme } // entente-disable-next-line undecided-decision -- later\n    decision Later {}\n}\n',
            // A suppression inside a clause's header.
            'charter // entente-disable-next-line orphan-party -- on purpose\nDeal { parties Acme, Globex decision Price { decided by Acme } }\n'
        ];
        for (const charter of cases) {
            const before = await checkText(services, parties + charter);
            await clearDocuments(services);
            const formatted = formatter.format(parties + charter);
            assert.notEqual(formatted, undefined, charter);
            const after = await checkText(services, formatted!);
            await clearDocuments(services);
            assert.deepEqual(ruleIds(after.findings), ruleIds(before.findings), formatted);
            assert.ok(!ruleIds(after.findings).includes('unused-suppression'), formatted);
            assert.equal(formatter.format(formatted!), formatted, 'idempotent');
        }
        assert.match(formatter.format(parties + cases[0])!, /\/\/ entente-disable-next-line fixed-chair -- agreed\n {8}votes by consensus chair Acme\.Sponsor meets quarterly\n/);
        assert.match(formatter.format(parties + cases[1])!, /\} \/\/ entente-disable-next-line undecided-decision -- later\n {4}decision Later \{\}/);
    });

    it('keeps the file\'s line ends, trims spaces at the end of comments, and keeps the blank line before a block after comments', () => {
        assert.equal(formatter.format('party A {}\r\nparty B { role R }\r\n'), 'party A {}\r\n\r\nparty B {\r\n    role R\r\n}\r\n');
        assert.equal(formatter.format('// header   \nparty A {} // trailing  \n'), '// header\nparty A {} // trailing\n');
        const text = 'party A {}\nparty B {}\ncharter C {\n    parties A, B\n    objective Goal "g" /* t */\n    // about the board\n    body Board { members A }\n}\n';
        assert.equal(formatter.format(text), 'party A {}\nparty B {}\n\ncharter C {\n    parties A, B\n    objective Goal "g" /* t */\n\n    // about the board\n    body Board {\n        members A\n    }\n}\n');
    });

    it('leaves a charter it cannot parse alone', () => {
        assert.equal(formatter.format('charter X { parties A,, B'), undefined);
        assert.equal(formatter.format(''), '');
        assert.equal(formatter.format('// only a comment'), '// only a comment\n');
    });

    it('lays out the example in docs/formatting.md as the page says', () => {
        const page = fs.readFileSync(path.join(REPO_ROOT, 'docs/formatting.md'), 'utf8');
        const example = /```charter\n([\s\S]*?)```/.exec(page)![1];
        assert.equal(formatter.format(example), example);
        assert.equal(formatter.format(example.replace(/\n {4}/g, '\n ').replace(/\n\n/g, '\n')), example.replace('\n\n// Header', '\n// Header').replace('// Header comments stay where they are.\n\nparty', '// Header comments stay where they are.\nparty'));
    });

    it('has every example in the canonical layout', () => {
        const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.charter'))
            // The diff's pure-reformat pair is out of the layout on purpose (docs/diff.md).
            .filter(name => name.split(path.sep).join('/') !== 'changes/13-reformat/after.charter');
        assert.ok(examples.length >= 8);
        for (const name of examples) {
            const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
            assert.equal(formatter.format(text), text, name);
        }
    });
});
