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
        const examples = fs.readdirSync(path.join(REPO_ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.charter'));
        assert.ok(examples.length >= 8);
        for (const name of examples) {
            const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
            assert.equal(formatter.format(text), text, name);
        }
    });
});
