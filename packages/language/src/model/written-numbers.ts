import type { SyntaxProblem, Range } from './types.js';

/**
 * Numbers written with thousands separators (`1,000,000`, `1.000.000`,
 * `2,500.75`, `1.000,5`), as a spreadsheet shows them: the grammar reads the
 * number up to the first separator (`1`), and the parser stops at the
 * separator. What the number is as a charter writes it, so that the `syntax`
 * finding says what to write and offers it as a quick fix, and the `1` is not
 * reasoned from.
 */

/** A group separator (`,` or `.`), groups of three digits, then maybe a decimal part with the other separator. */
const SEPARATED = /^\d{1,3}([,.])\d{3}(?:\1\d{3})*(?:(?!\1)[,.]\d+)?(?![\d,.])/;

/** The number written with thousands separators at the start of `text`, and the number meant. */
export function numberWithSeparators(text: string): { written: string; meant: string } | undefined {
    const match = SEPARATED.exec(text);
    if (!match) {
        return undefined;
    }
    const [written, separator] = match;
    const decimal = separator === ',' ? '.' : ',';
    const meant = written.split(separator).join('').replace(decimal, '.');
    return { written, meant };
}

/** The `syntax` finding of a number written with thousands separators, with the number as a charter writes it as its quick fix. */
export function numberWithSeparatorsProblem({ written, meant }: { written: string; meant: string }, range: Range): SyntaxProblem {
    return {
        message: `\`${written}\` is written with thousands separators: write numbers without them (${meant}).`,
        range,
        replacements: [{ title: `Change it to ${meant}`, range, newText: meant }]
    };
}

/**
 * The number written with thousands separators that a separator at `offset`
 * of `text` is within (`1,000,000` for the first `,`), with where it starts:
 * the parser stops at such a separator, right after the `1` it read. None
 * when the character at `offset` is no separator or follows no digit.
 */
export function separatedNumberAt(text: string, offset: number): { start: number; written: string; meant: string } | undefined {
    const code = text.charCodeAt(offset);
    if ((code !== 0x2c && code !== 0x2e) || !isDigit(text.charCodeAt(offset - 1))) {
        return undefined;
    }
    let start = offset;
    while (start > 0 && (isDigit(text.charCodeAt(start - 1)) || (text.charCodeAt(start - 1) === 0x2e && isDigit(text.charCodeAt(start - 2))))) start--;
    // A number is not part of a name (`Q3`) or a date.
    if (/[\w-]/.test(text.charAt(start - 1))) {
        return undefined;
    }
    const separated = numberWithSeparators(text.slice(start, offset + 40));
    return separated && { start, ...separated };
}

function isDigit(code: number): boolean {
    return code >= 0x30 && code <= 0x39;
}
