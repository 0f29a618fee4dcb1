import { Lexer as ChevrotainLexer, type TokenType, type TokenTypeDictionary, type TokenVocabulary } from 'chevrotain';
import { DEFAULT_TOKENIZE_OPTIONS, type LangiumCoreServices, type Lexer, type LexerResult, type TokenBuilder, type TokenizeOptions } from 'langium';

/**
 * Langium's lexer, made when it is first asked to tokenize a text. Its token
 * types are made at once (the fast parser and the completion use them);
 * Chevrotain's analysis of them takes about 13 ms, which a CLI run that
 * checks well-formed charters (all read by the fast parser) never needs.
 */
export class CharterLexer implements Lexer {
    readonly definition: TokenTypeDictionary;
    private readonly tokenBuilder: TokenBuilder;
    private readonly tokenTypes: TokenType[];
    private chevrotainLexer?: ChevrotainLexer;

    constructor(private readonly services: LangiumCoreServices) {
        this.tokenBuilder = services.parser.TokenBuilder;
        const tokens = this.tokenBuilder.buildTokens(services.Grammar, { caseInsensitive: services.LanguageMetaData.caseInsensitive });
        this.tokenTypes = asArray(tokens);
        this.definition = Object.fromEntries(this.tokenTypes.map(type => [type.name, type]));
    }

    tokenize(text: string, _options: TokenizeOptions = DEFAULT_TOKENIZE_OPTIONS): LexerResult {
        this.chevrotainLexer ??= new ChevrotainLexer(this.tokenTypes, {
            positionTracking: 'full',
            skipValidations: this.services.LanguageMetaData.mode === 'production',
            errorMessageProvider: this.services.parser.LexerErrorMessageProvider
        });
        const result = this.chevrotainLexer.tokenize(text);
        return { tokens: result.tokens, errors: result.errors, hidden: result.groups.hidden ?? [], report: this.tokenBuilder.flushLexingReport?.(text) };
    }
}

function asArray(tokens: TokenVocabulary): TokenType[] {
    if (Array.isArray(tokens)) {
        return tokens;
    }
    if ('modes' in tokens) {
        throw new Error('The charter lexer has one mode.');
    }
    return Object.values(tokens as TokenTypeDictionary);
}
