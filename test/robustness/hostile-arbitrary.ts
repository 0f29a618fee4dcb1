import fc from 'fast-check';

/**
 * Generators for the shapes of issue 21 that the examples' mutations never
 * reach: charters where a few names are declared again and again, strings
 * and comments made of escapes and quotes (often never closed), and folders
 * holding things that are not plain charter files.
 */

const NAMES = ['P', 'Q', 'Acme', 'Lead', 'Price'];

/** A charter in which a handful of names is declared up to hundreds of times, at the top level, in parties and in a charter. */
export const duplicateHeavyCharter: fc.Arbitrary<string> = fc.record({
    parties: fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.constantFrom(...NAMES), { maxLength: 6 })), { minLength: 1, maxLength: 400 }),
    charters: fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.tuple(fc.constantFrom('objective', 'decision', 'body', 'commitment', 'metric', 'escalation'), fc.constantFrom(...NAMES)), { maxLength: 300 })), { maxLength: 3 })
}).map(({ parties, charters }) => [
    ...parties.map(([name, roles]) => `party ${name} { ${roles.map(role => `role ${role}`).join(' ')} }`),
    ...charters.map(([name, elements]) => `charter ${name} {\n    parties ${parties[0][0]}\n${elements.map(([kind, element]) => `    ${kind} ${element}`).join('\n')}\n}`)
].join('\n') + '\n');

/** Text made of what strings and comments are made of: quotes, escapes, comment marks, line breaks and a directive. */
export const escapeHeavyText: fc.Arbitrary<string> = fc.array(
    fc.constantFrom('"', '\\"', '\\\\', '\\\\"', '\\', '/*', '*/', '//', '\n', '\r\n', ' ', 'a', 'party', '{', '}', '// entente-disable-next-line undecided-decision -- x\n'),
    { maxLength: 300 }
).map(parts => parts.join(''));

/** A charter with escape-heavy text where strings and comments go, sometimes repeated into a long, never-closed tail. */
export const escapeHeavyCharter: fc.Arbitrary<string> = fc.tuple(escapeHeavyText, escapeHeavyText, fc.nat({ max: 100 })).map(([title, tail, repeat]) =>
    `party Acme "${title}" { role Lead }\nparty Globex { role Lead }\ncharter Deal {\n    parties Acme, Globex\n    vision "${tail}"\n    decision Price\n}\n${tail.repeat(repeat)}`);

/** One entry of a folder given to the CLI. */
export type OddEntry =
    | { kind: 'charter'; text: string }
    | { kind: 'latin1' }
    | { kind: 'empty' }
    | { kind: 'fifo' }
    | { kind: 'link-to-sibling' }
    | { kind: 'link-to-device' }
    | { kind: 'dangling-link' }
    | { kind: 'link-loop' }
    | { kind: 'folder-named-charter' }
    | { kind: 'folder-named-gitignore' }
    | { kind: 'fifo-ignore-file' };

export const oddEntry: fc.Arbitrary<OddEntry> = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('party A {}\n', 'party   B { role   Lead }\n', 'charter C { parties A }\n').map(text => ({ kind: 'charter' as const, text })) },
    fc.constantFrom<OddEntry>(
        { kind: 'latin1' }, { kind: 'empty' }, { kind: 'fifo' }, { kind: 'link-to-sibling' }, { kind: 'link-to-device' }, { kind: 'dangling-link' },
        { kind: 'link-loop' }, { kind: 'folder-named-charter' }, { kind: 'folder-named-gitignore' }, { kind: 'fifo-ignore-file' }
    )
);
