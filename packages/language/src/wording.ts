/**
 * One place for the English of lists and plurals, used by every message,
 * label and summary Entente writes (rules, health, diff, hover, CLI, diagrams):
 * `Carbonic, Northfield and Volterra`, `1 of 1 joint body has`, `6 files`.
 */

const IRREGULAR: Record<string, string> = { this: 'these' };

/** Each word's plural once worked out: messages count a few dozen words, thousands of times in a large check. */
const PLURALS = new Map<string, string>();
const MAX_PLURALS = 1_000;

/** The plural of an English noun or noun phrase: `decision` → `decisions`, `body` → `bodies`, `escalation path` → `escalation paths`. */
export function pluralOf(word: string): string {
    let plural = PLURALS.get(word);
    if (plural === undefined) {
        plural = pluralFormOf(word);
        if (PLURALS.size < MAX_PLURALS) {
            PLURALS.set(word, plural);
        }
    }
    return plural;
}

function pluralFormOf(word: string): string {
    if (Object.hasOwn(IRREGULAR, word)) {
        return IRREGULAR[word];
    }
    if (/[^aeiou]y$/.test(word)) {
        return `${word.slice(0, -1)}ies`;
    }
    if (/(s|x|z|ch|sh)$/.test(word)) {
        return `${word}es`;
    }
    return `${word}s`;
}

/** The word for a count, without the number: `decision` for 1, `decisions` otherwise. */
export function plural(n: number, word: string, pluralForm?: string): string {
    return n === 1 ? word : pluralForm ?? pluralOf(word);
}

/** `1 decision`, `3 decisions`, `0 bodies`. */
export function count(n: number, word: string, pluralForm?: string): string {
    return `${n} ${plural(n, word, pluralForm)}`;
}

/** A noun with its indefinite article, as a sentence starts: `A decision`, `An escalation`, `An objective`. */
export function aNoun(noun: string): string {
    return `${/^[aeiou]/i.test(noun) ? 'An' : 'A'} ${noun}`;
}

const IRREGULAR_VERBS: Record<string, string> = { has: 'have', is: 'are', was: 'were', does: 'do' };

/** The plural form of a verb in the third person: `has` → `have`, `seats` → `seat`, `reaches` → `reach`. */
export function verbPluralOf(singular: string): string {
    if (IRREGULAR_VERBS[singular]) {
        return IRREGULAR_VERBS[singular];
    }
    if (/(ss|x|z|ch|sh)es$/.test(singular)) {
        return singular.slice(0, -2);
    }
    return singular.endsWith('s') ? singular.slice(0, -1) : singular;
}

/** The verb agreeing with a count: `has` for 1, `have` otherwise (`is`/`are`, `seats`/`seat`, or any pair given). */
export function verb(n: number, singular: string, pluralForm = verbPluralOf(singular)): string {
    return n === 1 ? singular : pluralForm;
}

/** `Acme`, `Acme and Globex`, `Acme, Globex and Initech` (`or` as the last word when asked); empty for none. */
export function listText(items: readonly string[], last: 'and' | 'or' = 'and'): string {
    if (items.length <= 1) {
        return items[0] ?? '';
    }
    return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/**
 * How a message names an element of a kind: `decision Budget`; while its name
 * is not written yet (`decision { … }`, a line being typed), `an unnamed
 * decision`, never `decision ` with nothing after it. `start` for the first
 * words of a sentence: `Decision Budget`, `An unnamed decision`. Every message
 * that names an element goes through this or `nameOf`.
 */
export function kindAndName(kind: string, name: string | undefined, start = false): string {
    const words = name ? `${kind} ${name}` : `an unnamed ${kind}`;
    return start ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : words;
}

/**
 * An element's name where a message gives it alone (`SteeringCommittee seats …`,
 * `can each block Budget`): the name as written, or `an unnamed body` while it
 * has none (`An unnamed body` at the start of a sentence). A name is never
 * capitalised: it is the charter's own word.
 */
export function nameOf(kind: string, name: string | undefined, start = false): string {
    return name || kindAndName(kind, undefined, start);
}

/**
 * The keyword that starts each kind of named element, by its syntax type
 * (`Decision` → `decision`): how a message or the outline names an element
 * whose name is not written yet, or the block a `}` is missing from.
 */
export const ELEMENT_KEYWORDS: Readonly<Record<string, string>> = {
    Party: 'party', Role: 'role', Charter: 'charter', Objective: 'objective', Body: 'body', Decision: 'decision',
    Escalation: 'escalation', Commitment: 'commitment', Metric: 'metric', Journal: 'journal'
};
