import { type AstNode, type GrammarAST, type LangiumCoreServices, type ParseResult, type TokenBuilder, type ValueConverter } from 'langium';
import { CharterScanner, GiveUp, Vocabulary } from './charter-scanner.js';
import * as charterReader from './generated/fast-parser.js';
import { Defaults, SharedTexts, type Element, type GeneratedReaderBase, type ReaderContext } from './reader-runtime.js';
import { DeferredParts, deferredCalls } from './deferred-parts.js';
import { CharterValueConverter, type Convert } from './charter-value-converter.js';
import type { CharterScanner as Scanner, TokenEntry } from './charter-scanner.js';

/** What generate-fast-parser.mjs writes: the reader of a grammar and its tables. */
export interface GeneratedReaderModule {
    readonly TOKENS: readonly TokenEntry[];
    readonly ELEMENTS: ReadonlyArray<readonly [path: string, type: string, keyword?: string]>;
    readonly ENTRY: string;
    readonly UNSUPPORTED: readonly string[];
    readonly GeneratedReader: new (scanner: Scanner, context: ReaderContext) => GeneratedReaderBase;
}

/**
 * A recursive-descent parser for well-formed charters, generated from the
 * grammar (generated/fast-parser.ts, written by
 * packages/language/scripts/generate-fast-parser.mjs at build time). It
 * builds the syntax tree and the elements exactly as Langium's parser does —
 * the same nodes, grammar sources, values, references, comments and property
 * order — in less than half the time, and without Chevrotain's parser and
 * lexer, which take about 40 ms to make at start-up. At the first token it
 * does not expect (a syntax error, or a text the scanner does not read as
 * Chevrotain would) it gives up, and Langium's parser parses the text, with
 * its error recovery and messages.
 *
 * test/language/fast-parser.test.ts holds it to Langium's parser, node for
 * node, on every example and on generated charters.
 */
export class CharterFastParser {
    private readonly context: ReaderContext | undefined = undefined;
    private readonly tokenBuilder: TokenBuilder;

    /** `reader`: the charter grammar's, unless another grammar's (the generator's tests). */
    constructor(services: LangiumCoreServices, private readonly reader: GeneratedReaderModule = charterReader) {
        this.tokenBuilder = services.parser.TokenBuilder;
        const vocabulary = Vocabulary.of(services.parser.Lexer.definition, reader.TOKENS);
        const elements = vocabulary ? elementsOf(services, reader) : undefined;
        if (vocabulary && elements && reader.UNSUPPORTED.length === 0) {
            const full: ReaderContext = {
                vocabulary,
                elements,
                linker: services.references.Linker,
                converter: services.parser.ValueConverter,
                conversions: conversionsOf(services.parser.ValueConverter, elements),
                defaults: new Defaults(services.shared.AstReflection)
            };
            const deferred = deferredCalls(elements);
            this.context = deferred.size > 0
                ? { ...full, deferred, deferredReader: new DeferredParts(vocabulary, reader.GeneratedReader, full), sharedTexts: new SharedTexts() }
                : full;
        }
    }

    /** Whether the fast parser reads texts at all (the grammar is one the generated reader and the scanner were made for). */
    get enabled(): boolean {
        return this.context !== undefined;
    }

    /** The parse of a well-formed charter, or how far the parser read before it gave up (Langium's parser is then to parse the text). */
    parse(text: string): ParseResult<AstNode> | GiveUp {
        if (!this.context) {
            return GiveUp.atEnd();
        }
        try {
            const reader = new this.reader.GeneratedReader(new CharterScanner(this.context.vocabulary, text), this.context);
            const value = reader.readDocument((reader as unknown as Record<string, () => Element>)[this.reader.ENTRY]);
            return { value, lexerErrors: [], lexerReport: this.tokenBuilder.flushLexingReport?.(text), parserErrors: [] };
        } catch (error) {
            // GiveUp is the expected way out. Anything else would be a mistake in the reader, which the tests
            // catch; should one slip through, Langium's parser still reads the text.
            return error instanceof GiveUp ? error : GiveUp.atEnd();
        }
    }
}

/**
 * The grammar elements the generated reader names, found by their paths in
 * the grammar; undefined (the fast parser then stays off) if the grammar is
 * not the one it was generated from — the generated-code test fails then too.
 */
function elementsOf(services: LangiumCoreServices, reader: GeneratedReaderModule): GrammarAST.AbstractElement[] | undefined {
    const locator = services.workspace.AstNodeLocator;
    const elements: GrammarAST.AbstractElement[] = [];
    for (const [path, type, keyword] of reader.ELEMENTS) {
        const element = locator.getAstNode(services.Grammar, path) as (GrammarAST.AbstractElement & { value?: string }) | undefined;
        if (!element || element.$type !== type || (keyword !== undefined && element.value !== keyword)) {
            return undefined;
        }
        elements.push(element);
    }
    return elements;
}

/**
 * The conversion of a text read through each grammar element, when the value
 * converter is a `CharterValueConverter` (whose conversions depend on the
 * element alone); none for an element it cannot say (it is then asked as the
 * text is read, and says why).
 */
function conversionsOf(converter: ValueConverter, elements: readonly GrammarAST.AbstractElement[]): Array<Convert | undefined> | undefined {
    if (!(converter instanceof CharterValueConverter)) {
        return undefined;
    }
    return elements.map(element => {
        try {
            return converter.conversionOf(element);
        } catch {
            return undefined;
        }
    });
}
