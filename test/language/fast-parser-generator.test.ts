import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AstUtils, type AstNode, type Grammar, type LangiumCoreServices } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { CharterFastParser, type GeneratedReaderModule } from '../../packages/language/src/parser/charter-fast-parser.js';
import { TOKENS, UNSUPPORTED } from '../../packages/language/src/parser/generated/fast-parser.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { writeOutParse } from '../helpers/parse-tree.js';

const GENERATOR = path.join(REPO_ROOT, 'packages/language/scripts/generate-fast-parser.mjs');
const RUNTIME = path.join(REPO_ROOT, 'packages/language/src/parser/reader-runtime.ts');

interface Generator {
    loadGrammar(file: string): Promise<{ grammar: Grammar; locator: { getAstNodePath(node: AstNode): string }; text: string }>;
    generate(grammar: Grammar, locator: { getAstNodePath(node: AstNode): string }, text: string, runtimeImport: string): { code: string; notes: string[] };
}

const TERMINALS = `
hidden terminal WS: /\\s+/;
hidden terminal ML_COMMENT: /\\/\\*[\\s\\S]*?\\*\\//;
hidden terminal SL_COMMENT: /\\/\\/[^\\n\\r]*/;
terminal DATE: /[0-9]{4}-([0-9]{1,2}(-[0-9]{0,2})?)?/;
terminal NUMBER returns number: /[0-9]+(\\.[0-9]+)?/;
terminal ID: /[_a-zA-Z][\\w_]*/;
terminal STRING: /"(\\\\.|[^"\\\\\\r\\n])*"/;
`;

/**
 * A grammar with what the charter grammar does not have yet but the journal
 * and the score issues bring: entries told apart by their second token
 * (LL(2)), actions, `+`, `?=` on a keyword, keyword assignments, fragments,
 * unassigned rule calls, data type rules in and out of cross-references.
 */
const SAMPLE = `grammar Sample
entry Model: (items+=Item)*;
Item: Thing | Log | Other;
Thing: 'thing' name=ID ('{' (flags+=Flag)+ '}')? (sealed?='sealed')?;
Flag: {infer Flag} 'flag' (value=NUMBER)? | {infer Mark} 'mark' label=STRING | kind=('on' | 'off');
Log: 'log' name=ID 'for' target=[Thing:ID] '{' (entries+=Entry)* '}';
Entry: Met | Noted | Measured;
Met: date=DATE 'met' who+=[Thing:QName] (',' who+=[Thing:QName])* ('with' 'all')?;
Noted: date=DATE 'note' text=STRING;
Measured: date=DATE 'measured' what=[Thing:ID] value=NUMBER (unit=Unit)?;
Other: 'other' Named ('=' total=Sum)?;
fragment Named: name=QName (title=STRING)?;
Sum returns string: NUMBER ('+' NUMBER)*;
Unit returns string: ID | '%' | 'days';
QName returns string: ID ('.' ID)?;
${TERMINALS}`;

const SAMPLE_TEXTS = [
    '',
    'thing A thing B { flag flag 3 mark "m" on off } sealed',
    'thing A log L for A { 2026-01-01 met A, A.x with all 2026-01-02 note "n" 2026-01-03 measured A 5 days 2026-01-04 measured A 7 2026-01-05 met A }',
    '// c\nother x.y "t" = 1 + 2.5 + 3 /* d */ other z log M for z { } thing C { off }',
    'log L for A {\n  2026-02-02 measured A 1 %\n  2026-02-03 measured A 2 unit\n}'
];

async function load(generator: Generator, grammarText: string): Promise<{ services: LangiumCoreServices; code: string; notes: string[]; dir: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-reader-'));
    const file = path.join(dir, 'sample.langium');
    fs.writeFileSync(file, grammarText);
    const { grammar, locator, text } = await generator.loadGrammar(file);
    const { code, notes } = generator.generate(grammar, locator, text, pathToFileURL(RUNTIME).href);
    const services = await createServicesForGrammar({ grammar });
    return { services, code, notes, dir };
}

describe('the fast parser generator', () => {
    let generator: Generator;
    before(async () => {
        generator = (await import(pathToFileURL(GENERATOR).href)) as Generator;
    });

    it('has written the charter grammar\'s reader as it would now (run npm run build when charter.langium changes)', function () {
        this.timeout(60_000);
        const result = spawnSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8', cwd: REPO_ROOT });
        assert.equal(result.status, 0, `packages/language/src/parser/generated/fast-parser.ts is stale: run npm run langium:generate\n${result.stdout}${result.stderr}`);
    });

    it('reads all of the charter grammar, and every token the lexer makes', () => {
        assert.deepEqual(UNSUPPORTED, []);
        assert.ok(TOKENS.some(token => token.name === 'executive-decision'));
    });

    it('makes, from another grammar, a reader that builds what Langium\'s parser builds: LL(2) entries, actions, fragments, data types', async function () {
        this.timeout(60_000);
        const { services, code, notes, dir } = await load(generator, SAMPLE);
        try {
            assert.deepEqual(notes, []);
            assert.match(code, /private decide\d+\(\): number/, 'entries that start with a date are told apart by their second token');
            const file = path.join(dir, 'reader.mts');
            fs.writeFileSync(file, code);
            const reader = (await import(pathToFileURL(file).href)) as GeneratedReaderModule;
            const fast = new CharterFastParser(services, reader);
            assert.ok(fast.enabled);
            for (const text of SAMPLE_TEXTS) {
                const langium = services.parser.LangiumParser.parse(text);
                assert.deepEqual([...langium.lexerErrors, ...langium.parserErrors].map(error => error.message), [], `Langium reads ${JSON.stringify(text)}`);
                const result = fast.parse(text);
                assert.ok(!('readUpTo' in result), `the reader reads ${JSON.stringify(text)}`);
                // As CharterParser does after the fast parser's parse.
                AstUtils.linkContentToContainer(result.value, { deep: true });
                assert.deepEqual(writeOutParse(result, services.Grammar), writeOutParse(langium, services.Grammar), text);
            }
            for (const text of ['thing A {}', 'log L for A { 2026-01-01 said }', 'other', 'thing A sealed sealed']) {
                assert.ok('readUpTo' in fast.parse(text), `gives up on ${JSON.stringify(text)}`);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('names at build time what it leaves to Langium\'s parser, and the reader then leaves every text to it', async function () {
        this.timeout(60_000);
        const grammar = `grammar Hard
entry Model: (items+=Item)*;
Item: Expr | Five;
Expr: Primary ({infer Plus.left=current} '+' right=Primary)*;
Primary: value=NUMBER;
Five: 'a' 'b' 'c' 'd' first?='e' | 'a' 'b' 'c' 'd' second?='f';
terminal PLUS_MINUS: /[+-]{2}/;
${TERMINALS}`;
        const { services, notes, code, dir } = await load(generator, grammar);
        try {
            assert.ok(notes.some(note => note.includes('terminal PLUS_MINUS')), notes.join('\n'));
            assert.ok(notes.some(note => note.includes('rule Expr') && note.includes('action')), notes.join('\n'));
            assert.ok(notes.some(note => note.includes('rule Five') && note.includes('tokens do not decide')), notes.join('\n'));
            const file = path.join(dir, 'reader.mts');
            fs.writeFileSync(file, code);
            const reader = (await import(pathToFileURL(file).href)) as GeneratedReaderModule;
            assert.equal(new CharterFastParser(services, reader).enabled, false);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('sets each element\'s container as it stores it, also when an unassigned rule call takes over the elements read before it', async function () {
        this.timeout(60_000);
        const grammar = `grammar Merge
entry Model: (items+=Wrap)*;
Wrap: 'wrap' first=Inner (more+=Inner)* Tail;
Tail: 'tail' (more+=Inner)* ('last' last=Inner)?;
Inner: 'inner' name=ID (kids+=Leaf)*;
Leaf: 'leaf' name=ID (date=DATE)? (n=NUMBER)? (s=STRING)?;
${TERMINALS}`;
        const { services, code, notes, dir } = await load(generator, grammar);
        try {
            assert.deepEqual(notes, []);
            const file = path.join(dir, 'reader.mts');
            fs.writeFileSync(file, code);
            const reader = (await import(pathToFileURL(file).href)) as GeneratedReaderModule;
            const fast = new CharterFastParser(services, reader);
            assert.ok(fast.enabled);
            for (const text of ['wrap inner a leaf x 2026-01-01 3 "s" inner b inner c leaf y tail inner d leaf z last inner e', 'wrap inner a tail', 'wrap inner a inner b tail inner c inner d wrap inner f leaf g tail inner h']) {
                const langium = services.parser.LangiumParser.parse(text);
                assert.deepEqual(langium.parserErrors.map(error => error.message), [], `Langium reads ${JSON.stringify(text)}`);
                const result = fast.parse(text);
                assert.ok(!('readUpTo' in result), `the reader reads ${JSON.stringify(text)}`);
                // No linking of containers afterwards: the reader's parse is Langium's as it stands.
                assert.deepEqual(writeOutParse(result, services.Grammar), writeOutParse(langium, services.Grammar), text);
            }
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
