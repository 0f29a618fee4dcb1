/**
 * Orders texts as `a.localeCompare(b, 'en')` does (ICU's root collation:
 * punctuation, then digits, then letters regardless of case, lower case
 * first where only case differs), the same on every machine whatever its
 * locale. Texts of printable ASCII — names, rule ids, most paths — are
 * ordered here: the first `localeCompare` of a process loads ICU's collator,
 * about 9 ms of a small `entente check`. Other texts go to `localeCompare`.
 */
export function compareText(a: string, b: string): number {
    if (!isPrintableAscii(a) || !isPrintableAscii(b)) {
        return a.localeCompare(b, 'en');
    }
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
        const difference = PRIMARY[a.charCodeAt(i)] - PRIMARY[b.charCodeAt(i)];
        if (difference !== 0) {
            return difference < 0 ? -1 : 1;
        }
    }
    if (a.length !== b.length) {
        return a.length < b.length ? -1 : 1;
    }
    for (let i = 0; i < length; i++) {
        const difference = upperCase(a.charCodeAt(i)) - upperCase(b.charCodeAt(i));
        if (difference !== 0) {
            return difference < 0 ? -1 : 1;
        }
    }
    return 0;
}

/** Printable ASCII in ICU's root order; letters are equal to their other case until the tertiary level. */
const ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

/** The primary weight of each printable ASCII character, by code. */
const PRIMARY: number[] = (() => {
    const weights: number[] = [];
    let weight = 0;
    for (const character of ORDER) {
        const code = character.charCodeAt(0);
        const isUpperCase = code >= 65 && code <= 90;
        weights[code] = isUpperCase ? weight : ++weight;
    }
    return weights;
})();

function upperCase(code: number): number {
    return code >= 65 && code <= 90 ? 1 : 0;
}

function isPrintableAscii(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 32 || code > 126) {
            return false;
        }
    }
    return true;
}
