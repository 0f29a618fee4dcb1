/**
 * Text from a charter, a file name or a syntax error, made safe to print on a
 * terminal: control characters (C0, DEL, C1 — ESC, OSC, BEL, carriage return,
 * line breaks), Unicode line separators and the bidirectional controls
 * (U+202E and its kin, which reorder what is shown) are written as visible
 * escapes (`\x1B`, `\u202E`), so a charter can neither drive the terminal nor
 * disguise a line. Our own colours are added after this, around safe text.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
    return text.replace(UNSAFE, character => {
        const code = character.charCodeAt(0);
        return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    });
}

/** Every string in a value of plain objects, arrays and maps (keys included, so look-ups still match), made terminal-safe. */
export function terminalSafeDeep<T>(value: T): T {
    if (typeof value === 'string') {
        return terminalSafe(value) as T;
    }
    if (Array.isArray(value)) {
        return value.map(item => terminalSafeDeep(item)) as T;
    }
    if (value instanceof Map) {
        return new Map([...value].map(([key, item]) => [terminalSafeDeep(key), terminalSafeDeep(item)])) as T;
    }
    if (value !== null && typeof value === 'object') {
        const prototype = Object.getPrototypeOf(value);
        if (prototype === Object.prototype || prototype === null) {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, terminalSafeDeep(item)])) as T;
        }
    }
    return value;
}
