import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { CharterParser } from '@entente/language';
import { AstUtils, DefaultTokenBuilder, type AstNode, type ParseResult, type TokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';
import { charterOfLines, partyFile } from '../../bench/generate.js';
import { workspaceArbitrary } from '../robustness/charter-arbitrary.js';
import { mutate, mutationArbitrary } from '../robustness/mutations.js';
import { exampleCharters } from '../helpers/examples.js';
import { createTestServices } from '../helpers/workspace.js';
import { writeOutParse } from '../helpers/parse-tree.js';

const services = createTestServices();
const parser = services.parser.LangiumParser as unknown as CharterParser;

const writeOut = (result: ParseResult<AstNode>) => writeOutParse(result, services.Grammar);

/** The fast parser read `text`, and its parse is Langium's, node for node. */
function assertSameParse(text: string): void {
    const langium = parser.parseWithLangium(text);
    assert.deepEqual([...langium.lexerErrors, ...langium.parserErrors].map(error => error.message), [], 'Langium reads it without errors');
    assert.ok(parser.parseFast(text), 'the fast parser reads the text');
    const fast = parser.parse(text);
    assert.deepEqual(writeOut(fast), writeOut(langium));
}

/** Well-formed texts at the edges of the lexer: where a keyword ends and a name begins, line ends, comments, escapes. */
const EDGES: Record<string, string> = {
    'comments everywhere': '// first\nparty A { // after brace\n role R /* inline */ }\n/* before */ charter C { parties A // end\n decision D { decided by /* who */ A . R } // last\n}\n// trailing',
    'only comments': '/* nothing */ // here\n',
    'empty': '',
    'names that start with keywords': 'party partyA { role roleB role dayz } charter toC { parties partyA objective ofx objective weekly3 objective _to }',
    'executive-decision': 'party executive charter C { escalation E { level executive finally executive-decision "the CEO" } escalation F { finally executive-decision} }',
    'line ends': 'party A\r\n{\r\n role R\r}\rcharter C {\n\tparties A\r\n vision "one line" /* a\r\ncomment */ }\r\nparty B "text"\n\r\nparty D\r\n',
    'unicode whitespace and a BOM': '\uFEFFparty\u00A0A\u2028charter\u3000C { vision "é 𝔄 \u2028" }',
    'escapes and numbers': 'party A charter C { vision "say \\"hi\\" \\\\ \\n" metric M { target >= 1.5 of 10 target < 3 % target = 2 days target <= 7 EUR target > 2.25 } term from 2026-01-01 to 2030-12-31 review every 2 years exit { notice 90 days "a" "b" } }',
    // A minus sign before a target's or a reading's value, written against it or apart (`Signed` in charter.langium).
    'values below zero': 'party A charter C { metric M { target >= -10 target > - 2.5 % } }\njournal J for C { 2026-01-01 measured M -25 2026-01-02 measured M - 3 % 2026-01-03 measured M 0 }',
    // A journal entry's kind is read ahead (the decision between entries) before its date is consumed: comments on either side of it.
    'comments around a journal entry\'s kind': 'party A { role R } charter C { body B }\njournal J for C {\n 2026-01-01 /* before the kind */ met /* after */ B with A.R // end\n 2026-01-02 // line\n note "x" /* a */ 2026-01-03 /* b */ /* c */ assessed by A { trust /* t */ 4 }\r\n 2026-01-04\r\n\treviewed\n}',
    // Entries cut short while typed: a date alone, and a date with a word that is no kind, between whole entries and last.
    'unfinished journal entries': 'party A charter C { body B }\njournal J for C {\n 2026-01-01 met B\n 2026-01-02\n 2026-01-03 deliv\n 2026-01-04 note "x"\n 2026-01-05 /* c */ mett\n 2026-01-06\n}',
    // Dates being typed are dates to both parsers (the checker says they are none), whole ones beside them; a number is not.
    'dates being typed': 'party A charter C { parties A term from 2026- to 2027-1 commitment K { due 2026-12-3 } commitment L { due 2026-12-31 } metric M { target >= 2026 } }\njournal J for C {\n 2026-0\n 2026-01-0 met B\n 2026-01-02 note "x"\n 2026-1-\n}',
    // Keywords as values: assigned (`?=`, from alternatives), and as a data type rule's text, alone or in a journal's entry.
    'keywords as values': 'party A charter C { decision D { reserved } decision E { fundamental escalates to } body B { chair rotates weekly }\n exit { notice 3 weeks } }\njournal J for C { 2026-01-01 assessed by A { openness 5 conflict equality 2 } 2026-01-02 measured M 3 % 2026-01-03 measured M 4 days }',
    'every clause': 'party A { role R } party B { role R }\ncharter C "t" { parties A, B vision "v" term to 2027-01-01 review quarterly objective O "o"\n body X { members A.R, B chair rotates yearly votes by majority meets monthly chair A.R }\n decision D { proposed by A, B decided by X, A.R by unanimity consults B.R informs A escalates to E escalates to }\n escalation E { level A.R, B within 5 days level X finally mediation }\n commitment K { owner A.R to B, A due 2027-06-30 every quarter supports O, O status done }\n metric M { kind relationship owner X target >= 10 cadence weekly tracks O benefits A, B }\n exit }'
};

const JOURNAL = /^\s*journal\b/m;

describe('the fast parser', () => {
    for (const [name, text] of Object.entries({ ...exampleCharters(), ...EDGES })) {
        it(`parses as Langium's parser does: ${name}`, () => assertSameParse(text));
    }

    it('reads the journals itself (generated from the grammar, it covers every element of it)', () => {
        const journals = Object.entries(exampleCharters()).filter(([, text]) => JOURNAL.test(text));
        assert.ok(journals.length >= 6, 'the examples have journals');
        for (const [name, text] of journals) {
            const fast = parser.parseFast(text);
            assert.ok(fast, `the fast parser reads ${name}`);
            assert.ok((fast!.value as unknown as { elements: Array<{ $type: string }> }).elements.some(element => element.$type === 'Journal'), name);
        }
    });

    it('makes elements that are plain objects, as Langium\'s are (made by a function of their type, for their size)', () => {
        const text = `${partyFile(3)}\n${charterOfLines('Plain', 60)}\njournal J for Plain { 2026-01-01 met B0 with P0.R0 2026-01-02 assessed by P0 { trust 4 } 2026-01-03 raised I0 "x" }`;
        const fast = parser.parseFast(text);
        assert.ok(fast);
        const elements = AstUtils.streamAst(fast.value).toArray();
        assert.ok(elements.length > 30, String(elements.length));
        for (const element of elements) {
            assert.equal(Object.getPrototypeOf(element), Object.prototype, element.$type);
            assert.equal(element.constructor, Object, element.$type);
            assert.ok(Object.keys(element)[0] === '$type' && Object.prototype.hasOwnProperty.call(element, '$type'), element.$type);
        }
    });

    it('parses generated charters as Langium does, the bench\'s among them', () => {
        assertSameParse(partyFile(3));
        assertSameParse(charterOfLines('Big', 400));
    });

    it('parses generated well-formed workspaces as Langium does', function () {
        // 150 workspaces through both parsers: seconds alone, more on a busy machine.
        this.timeout(180_000);
        fc.assert(fc.property(workspaceArbitrary, files => {
            for (const text of Object.values(files)) assertSameParse(text);
        }), { numRuns: 150, seed: 20261123 });
    });

    it('gives up on every text Langium finds an error in, and reads the rest as Langium does', function () {
        this.timeout(180_000);
        const base = [...Object.values(exampleCharters()), ...Object.values(EDGES)];
        let fast = 0;
        let gaveUp = 0;
        fc.assert(fc.property(fc.nat(base.length - 1), fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }), (which, mutations) => {
            const text = mutate(base[which], mutations);
            const langium = parser.parseWithLangium(text);
            const clean = langium.lexerErrors.length === 0 && langium.parserErrors.length === 0;
            if (parser.parseFast(text)) {
                fast++;
                assert.ok(clean, 'the fast parser read a text with errors');
                assert.deepEqual(writeOut(parser.parse(text)), writeOut(langium));
            } else {
                gaveUp++;
                // What it read before giving up decides: any text that starts the same way is given up on too.
                const { readUpTo } = (parser as unknown as { fast: { parse(text: string): { readUpTo: number } } }).fast.parse(text);
                if (readUpTo < text.length) {
                    for (const ending of [base[(which + 1) % base.length], '', '}', ' party Z', '"', '/*']) {
                        assert.equal(parser.parseFast(text.slice(0, readUpTo) + ending), undefined, `gives up on ${JSON.stringify(text.slice(Math.max(0, readUpTo - 30), readUpTo))} + ${JSON.stringify(ending.slice(0, 20))}`);
                    }
                }
            }
        }), { numRuns: 300, seed: 20261123 });
        assert.ok(fast > 0 && gaveUp > 0, `both kinds of text were met (${fast} read, ${gaveUp} given up on)`);
    });

    it('leaves a broken charter to Langium, with its errors and a partial tree', () => {
        const text = 'party A { role }\ncharter C { parties A, decision { decided by } body B { members A.';
        assert.equal(parser.parseFast(text), undefined);
        const result = parser.parse(text);
        assert.ok(result.parserErrors.length > 0);
        assert.equal((result.value as AstNode & { elements: AstNode[] }).elements.length, 2);
    });
});

describe('the charter token builder', () => {
    it('makes the token types Langium\'s makes, each keyword with the same longer alternatives', () => {
        const tokens = (builder: TokenBuilder) => (builder.buildTokens(services.Grammar, { caseInsensitive: false }) as TokenType[])
            .map(type => ({ name: type.name, pattern: String(type.PATTERN), group: type.GROUP, longer: ([] as TokenType[]).concat(type.LONGER_ALT ?? []).map(alt => alt.name) }));
        const ours = tokens(services.parser.TokenBuilder);
        // STRING and ML_COMMENT match what the grammar's regexes match, by linear custom patterns (test/robustness/hostile/lexing.test.ts).
        const linear = new Set(['STRING', 'ML_COMMENT']);
        assert.ok(ours.filter(type => linear.has(type.name)).every(type => type.pattern.startsWith('(text,offset)') || type.pattern.startsWith('(text, offset)')));
        assert.deepEqual(ours.map(type => (linear.has(type.name) ? { ...type, pattern: 'custom' } : type)),
            tokens(new DefaultTokenBuilder()).map(type => (linear.has(type.name) ? { ...type, pattern: 'custom' } : type)));
        assert.deepEqual(ours.find(type => type.name === 'days')?.longer, ['ID']);
    });
});

describe('the charter parser\'s start-up', () => {
    it('reads a well-formed charter without making Langium\'s parser or Chevrotain\'s lexer', () => {
        const fresh = createTestServices();
        const freshParser = fresh.parser.LangiumParser as unknown as CharterParser;
        const result = freshParser.parse('party A { role R } charter C { parties A }');
        assert.deepEqual([result.lexerErrors, result.parserErrors], [[], []]);
        const internals = freshParser as unknown as { langium?: unknown };
        const lexer = fresh.parser.Lexer as unknown as { chevrotainLexer?: unknown };
        assert.equal(internals.langium, undefined);
        assert.equal(lexer.chevrotainLexer, undefined);
        freshParser.parse('party A { role }');
        assert.notEqual(internals.langium, undefined, 'a broken charter makes them');
        assert.notEqual(lexer.chevrotainLexer, undefined);
    });
});

describe('the charter parser while someone types after a syntax error', () => {
    it('does not try the fast parser again on texts that start as the one it gave up on, and does once the start changes', () => {
        const fresh = createTestServices();
        const freshParser = fresh.parser.LangiumParser as unknown as CharterParser;
        const fast = (freshParser as unknown as { fast: { parse(text: string): unknown } }).fast;
        let attempts = 0;
        const parse = fast.parse.bind(fast);
        fast.parse = text => { attempts++; return parse(text); };
        const good = charterOfLines('Typed', 300);
        const broken = good.replace('decided by B0', 'decided by B0 {');
        assert.ok(freshParser.parse(broken).parserErrors.length > 0);
        assert.equal(attempts, 1);
        for (const typed of [`${broken}// a`, `${broken}// ab`, broken.replace(/}\n$/, 'metric Late }\n')]) {
            const result = freshParser.parse(typed);
            assert.deepEqual(writeOut(result), writeOut(freshParser.parseWithLangium(typed)));
        }
        assert.equal(attempts, 1, 'typing after the error: Langium\'s parser alone');
        const fixed = freshParser.parse(good);
        assert.equal(attempts, 2, 'the error fixed: the fast parser again');
        assert.deepEqual([fixed.lexerErrors, fixed.parserErrors], [[], []]);
        assert.deepEqual(writeOut(fixed), writeOut(freshParser.parseWithLangium(good)));
    });
});
