import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';
import { blockCommentMatcher, stringMatcher } from './linear-terminals.js';

/**
 * Langium's token builder, with each terminal's partial pattern made once:
 * Langium's makes it again for every keyword and terminal pair (about 400
 * here), 4 ms of every process that parses a charter.
 */
export class CharterTokenBuilder extends DefaultTokenBuilder {
    private readonly partialPatterns = new Map<string, RegExp>();

    /** STRING and ML_COMMENT match as the grammar says, in linear time on any text (linear-terminals.ts). */
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const linear = terminal.name === 'STRING' ? { matcher: stringMatcher(), start: '"' } : terminal.name === 'ML_COMMENT' ? { matcher: blockCommentMatcher(), start: '/' } : undefined;
        if (linear) {
            token.PATTERN = linear.matcher;
            token.START_CHARS_HINT = [linear.start];
            token.LINE_BREAKS = true;
        }
        return token;
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const pattern = token.PATTERN as RegExp | undefined;
            return pattern?.source !== undefined && this.partiallyMatches(`^${pattern.source}$`, keyword.value);
        });
    }

    /** Langium's `partialMatches`: whether some start of `input` matches the pattern so far. */
    private partiallyMatches(source: string, input: string): boolean {
        let partial = this.partialPatterns.get(source);
        if (!partial) {
            partial = RegExpUtils.partialRegExp(source);
            this.partialPatterns.set(source, partial);
        }
        const match = input.match(partial);
        return !!match && match[0].length > 0;
    }
}
