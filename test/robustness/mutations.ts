import fc from 'fast-check';

/**
 * Mutations of real charters, as a hurried editor or a hostile pull request
 * makes them: tokens deleted, duplicated and swapped, text cut short, random
 * bytes, NUL, lone surrogates, a BOM, CRLF, very long lines, huge numbers and
 * dates that do not exist.
 */
export type Mutation =
    | { kind: 'delete-token'; at: number }
    | { kind: 'duplicate-token'; at: number }
    | { kind: 'swap-tokens'; at: number; with: number }
    | { kind: 'cut'; at: number }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'bom' }
    | { kind: 'crlf' }
    | { kind: 'long-line'; at: number; length: number }
    | { kind: 'huge-number'; at: number }
    | { kind: 'bad-date'; at: number };

const NASTY_TEXT = ['\u0000', '\uD800', '\uDFFF', '\u202E', '\uFEFF', '{', '}', '"', '/*', '*/', '//', '.', ',', 'party', 'charter', '\r', '\t', '9'.repeat(400), '2026-02-30', 'é', '𝔄'];

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
    fc.nat().map(at => ({ kind: 'delete-token' as const, at })),
    fc.nat().map(at => ({ kind: 'duplicate-token' as const, at })),
    fc.tuple(fc.nat(), fc.nat()).map(([at, other]) => ({ kind: 'swap-tokens' as const, at, with: other })),
    fc.nat().map(at => ({ kind: 'cut' as const, at })),
    fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...NASTY_TEXT), fc.string({ unit: 'binary', maxLength: 8 }))).map(([at, text]) => ({ kind: 'insert' as const, at, text })),
    fc.constant({ kind: 'bom' as const }),
    fc.constant({ kind: 'crlf' as const }),
    fc.tuple(fc.nat(), fc.integer({ min: 1_000, max: 100_000 })).map(([at, length]) => ({ kind: 'long-line' as const, at, length })),
    fc.nat().map(at => ({ kind: 'huge-number' as const, at })),
    fc.nat().map(at => ({ kind: 'bad-date' as const, at }))
);

/** Applies mutations in turn to a text. */
export function mutate(text: string, mutations: Mutation[]): string {
    return mutations.reduce(applyMutation, text);
}

function applyMutation(text: string, mutation: Mutation): string {
    const tokens = [...text.matchAll(/\S+/g)];
    const token = (at: number) => tokens[at % Math.max(tokens.length, 1)];
    const offset = (at: number) => (text.length ? at % (text.length + 1) : 0);
    switch (mutation.kind) {
        case 'delete-token': {
            const t = token(mutation.at);
            return t ? text.slice(0, t.index) + text.slice(t.index + t[0].length) : text;
        }
        case 'duplicate-token': {
            const t = token(mutation.at);
            return t ? text.slice(0, t.index) + `${t[0]} ${t[0]}` + text.slice(t.index + t[0].length) : text;
        }
        case 'swap-tokens': {
            const [a, b] = [token(mutation.at), token(mutation.with)].sort((x, y) => (x?.index ?? 0) - (y?.index ?? 0));
            if (!a || !b || a.index === b.index) {
                return text;
            }
            return text.slice(0, a.index) + b[0] + text.slice(a.index + a[0].length, b.index) + a[0] + text.slice(b.index + b[0].length);
        }
        case 'cut':
            return text.slice(0, offset(mutation.at));
        case 'insert': {
            const at = offset(mutation.at);
            return text.slice(0, at) + mutation.text + text.slice(at);
        }
        case 'bom':
            return `\uFEFF${text}`;
        case 'crlf':
            return text.replace(/\n/g, '\r\n');
        case 'long-line': {
            const at = offset(mutation.at);
            return `${text.slice(0, at)}"${'x'.repeat(mutation.length)}"${text.slice(at)}`;
        }
        case 'huge-number': {
            const numbers = [...text.matchAll(/\b\d+\b/g)];
            const n = numbers[mutation.at % Math.max(numbers.length, 1)];
            return n ? text.slice(0, n.index) + '9'.repeat(330) + text.slice(n.index + n[0].length) : text;
        }
        case 'bad-date': {
            const dates = [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)];
            const d = dates[mutation.at % Math.max(dates.length, 1)];
            return d ? text.slice(0, d.index) + '2026-02-30' + text.slice(d.index + d[0].length) : text;
        }
    }
}
