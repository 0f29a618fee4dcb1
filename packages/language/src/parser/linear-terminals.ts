import type { CustomPatternMatcherFunc } from 'chevrotain';

/**
 * Token patterns for the terminals whose regular expression can scan to the
 * end of the text and fail: a string or a block comment that is never closed.
 * Chevrotain tries a pattern again at every position its error recovery
 * reaches, so a text full of `\"` (each `"` the start of another unclosed
 * string) or of `/*` took quadratic time: 150 KB of `\"`, 10 seconds.
 *
 * These match exactly what the grammar's regular expressions match
 * (`charter.langium`: STRING `/"(\\.|[^"\\\r\n])*"/`, ML_COMMENT
 * `/\/\*[\s\S]*?\*\//`), and remember where the last failed scan of a text
 * stopped: a later start inside that stretch fails the same way, so it fails
 * at once. Lexing is then linear on every input.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Line terminators: what `.` in a JavaScript regular expression does not match. */
function isLineTerminator(code: number): boolean {
    return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** STRING: `"`, then escapes (`\` and any character but a line terminator) or characters other than `"`, `\` and a line end (CR, LF), then `"`. */
export function stringMatcher(): CustomPatternMatcherFunc {
    // The last failed scan: from `start`, it got no further than `stop` (the end, a line end, or a `\` before one).
    let failed: { text: string; start: number; stop: number } | undefined;
    return (text, offset) => {
        if (text.charCodeAt(offset) !== QUOTE) {
            return null;
        }
        // A `"` inside a failed scan was the second character of an escape: a scan from it continues in step
        // with the failed one from the next character on, and fails where it failed (at the same line end, say).
        if (failed !== undefined && offset > failed.start && offset < failed.stop && failed.text === text) {
            return null;
        }
        const length = text.length;
        let i = offset + 1;
        while (i < length) {
            const code = text.charCodeAt(i);
            if (code === QUOTE) {
                return [text.substring(offset, i + 1)] as unknown as RegExpExecArray;
            }
            if (code === BACKSLASH) {
                if (i + 1 >= length || isLineTerminator(text.charCodeAt(i + 1))) {
                    break;
                }
                i += 2;
            } else if (code === 0x0a || code === 0x0d) {
                break;
            } else {
                i++;
            }
        }
        failed = { text, start: offset, stop: i };
        return null;
    };
}

/** ML_COMMENT: `/*`, then the shortest run of anything up to the first `*\/`. */
export function blockCommentMatcher(): CustomPatternMatcherFunc {
    // A text with no `*/` after some offset has none after any later one.
    let unclosed: { text: string; from: number } | undefined;
    return (text, offset) => {
        if (text.charCodeAt(offset) !== 0x2f || text.charCodeAt(offset + 1) !== 0x2a) {
            return null;
        }
        if (unclosed !== undefined && offset >= unclosed.from && unclosed.text === text) {
            return null;
        }
        const end = text.indexOf('*/', offset + 2);
        if (end < 0) {
            unclosed = { text, from: offset };
            return null;
        }
        return [text.substring(offset, end + 2)] as unknown as RegExpExecArray;
    };
}
