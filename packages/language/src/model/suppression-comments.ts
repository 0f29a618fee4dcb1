import { isRealDate } from '../front-ends.js';
import type { Range } from './types.js';

/** A `// entente-disable-next-line rule-id[, rule-id…] -- reason [until YYYY-MM-DD]` comment. */
export interface SuppressionComment {
    /** Zero-based line of the comment; it suppresses findings that start on the next line. */
    line: number;
    ruleIds: Array<{ id: string; range: Range }>;
    /** The reason after `--`, without the expiry; undefined when none is given. */
    reason?: string;
    /** The expiry date after `until`, when given. */
    until?: string;
    /** What follows `until` when it is meant as a date and is none (`until 2026-6-30`, `until 2026-02-30`). */
    badUntil?: string;
    range: Range;
}

const DIRECTIVE = /^\/\/\s*entente-disable-next-line\b(.*)$/;

/** A `//` comment as the lexer found it: its text and where it starts. */
export interface CommentToken {
    image: string;
    /** Zero-based line and character of its first `/`. */
    line: number;
    character: number;
}

/**
 * Every suppression comment among a document's comments. Only the lexer's
 * `//` comment tokens count: a directive inside a string (a multi-line one
 * included) is text, and one after a string ending in `\\"` is a comment.
 */
export function findSuppressionComments(comments: Iterable<CommentToken>): SuppressionComment[] {
    const found: SuppressionComment[] = [];
    for (const comment of comments) {
        const match = DIRECTIVE.exec(comment.image.replace(/[\r\n]+$/, ''));
        if (!match) {
            continue;
        }
        const { line, character } = comment;
        const rest = match[1];
        const restStart = character + match[0].length - rest.length;
        const separator = rest.indexOf('--');
        const idsText = separator < 0 ? rest : rest.slice(0, separator);
        const ruleIds = [...idsText.matchAll(/[A-Za-z0-9_-]+/g)].map(id => ({
            id: id[0],
            range: { start: { line, character: restStart + id.index }, end: { line, character: restStart + id.index + id[0].length } }
        }));
        let reason = separator < 0 ? undefined : rest.slice(separator + 2).trim();
        let until: string | undefined;
        let badUntil: string | undefined;
        // `until` and a date end the reason; `until further notice` is the reason's own words, `until 2026-6-30` a date miswritten.
        const expiry = reason !== undefined ? /(?:^|\s)until\s+(\d\S*)\s*$/.exec(reason) : null;
        if (expiry && reason !== undefined) {
            if (isRealDate(expiry[1])) {
                until = expiry[1];
            } else {
                badUntil = expiry[1];
            }
            reason = reason.slice(0, expiry.index).trim();
        }
        found.push({
            line,
            ruleIds,
            reason: reason ? reason : undefined,
            until,
            ...(badUntil !== undefined ? { badUntil } : {}),
            range: { start: { line, character }, end: { line, character: character + match[0].length } }
        });
    }
    return found;
}

/** Whether a text may hold a suppression comment at all (the cheap test before lexing for them). */
export function mayHoldSuppressions(text: string): boolean {
    return text.includes('entente-disable-next-line');
}
