import type { ParseResult } from 'langium';

/** One of a parse's errors, as Langium hands them on from Chevrotain. */
export type ParserError = ParseResult['parserErrors'][number];

/**
 * The grammar rules that were reading when the parser met the error,
 * outermost first (`['Charter', 'Body', 'MembersClause']`). Chevrotain keeps
 * them in the error's `context.ruleStack` (public in its recognition
 * exceptions); Langium names Chevrotain's rules after the grammar's with a
 * zero-width space after the name (`ruleSuffix` in Langium's parser), which
 * is taken off here. test/language/langium-internals.test.ts holds both.
 */
export function ruleStackOf(error: ParserError): string[] {
    const stack = (error as { context?: { ruleStack?: string[] } }).context?.ruleStack ?? [];
    return stack.map(rule => rule.replace(/\W/g, ''));
}

/** The token before the one the parser could not take (Chevrotain's `previousToken`, on a mismatch or no viable alternative). */
export function previousTokenOf(error: ParserError): ParserError['token'] | undefined {
    return (error as { previousToken?: ParserError['token'] }).previousToken;
}
