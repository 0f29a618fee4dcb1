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
    /**
     * Set for a comment meant as a suppression but not written as one (a
     * block comment, `ENTENTE-DISABLE-NEXT-LINE`, `entente-disable-line`):
     * why it is not read as one. It suppresses nothing; it is reported
     * rather than ignored in silence (`unused-suppression`).
     */
    unrecognised?: string;
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

/** A comment that starts like a suppression, in any case and spelling: `entente-disable…`, `ENTENTE_DISABLE…`, `entente disable…`. */
const LOOKS_LIKE_DIRECTIVE = /^(\/\/|\/\*)\s*(entente[-_ ]?disable[-_\w]*)/i;

/**
 * The comments meant as suppressions that are not one, as suppressions that
 * suppress nothing, each with why (`unrecognised`): a block comment
 * (`/* entente-disable-next-line … *\/`; only `//` comments are read), the
 * directive in another case (`ENTENTE-DISABLE-NEXT-LINE`), or another
 * directive than the one there is (`entente-disable-line`,
 * `entente-disable`). `comments` holds `//` and block comments alike.
 */
export function findUnrecognisedSuppressions(comments: Iterable<CommentToken>): SuppressionComment[] {
    const found: SuppressionComment[] = [];
    for (const comment of comments) {
        const image = comment.image.replace(/[\r\n]+$/, '');
        const block = image.startsWith('/*');
        if (!block && DIRECTIVE.test(image)) {
            continue; // a suppression, read by findSuppressionComments
        }
        const match = LOOKS_LIKE_DIRECTIVE.exec(image);
        if (!match) {
            continue;
        }
        const word = match[2];
        const { line, character } = comment;
        const start = character + match[0].length - word.length;
        const unrecognised = word === 'entente-disable-next-line'
            ? 'only a // comment is read as a suppression, not a block comment (write // entente-disable-next-line on the line before the finding)'
            : word.toLowerCase().replace(/[_ ]/g, '-') === 'entente-disable-next-line'
                ? `the directive is written entente-disable-next-line, in lower case, not ${word}`
                : `there is no ${word} directive: write // entente-disable-next-line on the line before the finding`;
        found.push({ line, ruleIds: [], unrecognised, range: { start: { line, character: start }, end: { line, character: start + word.length } } });
    }
    return found;
}

/** Whether a text may hold a suppression comment, or one meant as one, at all (the cheap test before lexing for them). */
export function mayHoldSuppressions(text: string): boolean {
    return /entente[-_ ]?disable/i.test(text);
}
