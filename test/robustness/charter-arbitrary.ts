import fc from 'fast-check';

/**
 * A grammar-aware generator of charter workspaces: parties with roles and
 * charters with every kind of clause, whose references mostly resolve but
 * sometimes name nothing, an outsider, or a body that seats another body.
 * What it makes is always well-formed text of the language, so properties
 * can reason about the model (mutation fuzzing covers broken text).
 */

const PARTY_NAMES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
const ROLE_NAMES = ['Lead', 'Sponsor', 'Legal', 'Ops'];
const ELEMENT_NAMES = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'];
const CADENCES = ['weekly', 'monthly', 'quarterly', 'yearly'];
const RULES = ['unanimity', 'consensus', 'majority'];
const UNITS = ['days', 'weeks', 'months', 'day', 'week', 'month'];

const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'x', '.', ',', 'é', '-', '\''), maxLength: 12 }).map(s => JSON.stringify(s));
const optionalTitle = fc.option(text, { nil: undefined }).map(title => (title ? ` ${title}` : ''));
const date = fc.record({ y: fc.integer({ min: 2020, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const duration = fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom(...UNITS)).map(([n, unit]) => `${n} ${unit}`);

function principal(parties: string[], bodies: string[]): fc.Arbitrary<string> {
    return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...parties) },
        { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...parties), fc.constantFrom(...ROLE_NAMES)).map(([p, r]) => `${p}.${r}`) },
        { weight: bodies.length ? 3 : 0, arbitrary: bodies.length ? fc.constantFrom(...bodies) : fc.constant(parties[0]) },
        { weight: 1, arbitrary: fc.constant('Nobody') }
    );
}

function list(item: fc.Arbitrary<string>, min = 1, max = 4): fc.Arbitrary<string> {
    return fc.array(item, { minLength: min, maxLength: max }).map(items => items.join(', '));
}

function clause(keyword: string, value: fc.Arbitrary<string>): fc.Arbitrary<string> {
    return fc.option(value.map(v => `${keyword} ${v}`), { nil: undefined }).map(c => c ?? '');
}

function block(header: string, clauses: Array<fc.Arbitrary<string>>): fc.Arbitrary<string> {
    return fc.tuple(...clauses).chain(parts => fc.shuffledSubarray(parts.filter(Boolean), { minLength: 0 })
        .map(chosen => `${header} {\n        ${chosen.join('\n        ')}\n    }`));
}

/** A charter over some of the workspace's parties. */
function charterText(allParties: string[]): fc.Arbitrary<string> {
    return fc.record({
        name: fc.constantFrom('Deal', 'Alliance', 'Programme'),
        listed: fc.subarray(allParties, { minLength: 0 }),
        bodies: fc.uniqueArray(fc.constantFrom(...ELEMENT_NAMES.map(n => `${n}Board`)), { maxLength: 3 }),
        objectives: fc.uniqueArray(fc.constantFrom(...ELEMENT_NAMES.map(n => `${n}Goal`)), { maxLength: 3 }),
        escalations: fc.uniqueArray(fc.constantFrom(...ELEMENT_NAMES.map(n => `${n}Path`)), { maxLength: 2 })
    }).chain(({ name, listed, bodies, objectives, escalations }) => {
        const who = principal(allParties, bodies);
        const objective = fc.constantFrom(...(objectives.length ? objectives : ['Missing']));
        const escalation = fc.constantFrom(...(escalations.length ? escalations : ['NoPath']));
        const bodyTexts = bodies.map(body => block(`body ${body}`, [
            clause('members', list(who, 1, 5)),
            clause('votes by', fc.constantFrom(...RULES)),
            clause('chair', fc.oneof(who, fc.constantFrom(...CADENCES).map(c => `rotates ${c}`))),
            clause('meets', fc.constantFrom(...CADENCES))
        ]));
        const decisions = fc.array(fc.constantFrom(...ELEMENT_NAMES).chain(n => block(`decision ${n}Decision`, [
            clause('proposed by', who),
            clause('decided by', fc.tuple(list(who, 1, 2), fc.option(fc.constantFrom(...RULES))).map(([d, r]) => (r ? `${d} by ${r}` : d))),
            clause('consults', list(who)),
            clause('informs', list(who)),
            clause('escalates to', escalation),
            fc.constantFrom('', '', 'reserved', 'fundamental')
        ])), { maxLength: 5 });
        const escalationTexts = escalations.map(e => fc.tuple(
            fc.array(fc.tuple(list(who), fc.option(duration)).map(([p, d]) => `level ${p}${d ? ` within ${d}` : ''}`), { maxLength: 3 }),
            fc.option(fc.tuple(fc.constantFrom('mediation', 'arbitration', 'executive-decision', 'termination'), fc.option(list(who, 1, 2)), optionalTitle)
                .map(([k, by, t]) => `finally ${k}${k === 'executive-decision' && by ? ` by ${by}` : ''}${t}`))
        ).map(([levels, final]) => `escalation ${e} {\n        ${[...levels, final ?? ''].join('\n        ')}\n    }`));
        const commitments = fc.array(fc.constantFrom(...ELEMENT_NAMES).chain(n => block(`commitment ${n}Promise`, [
            clause('owner', who),
            clause('to', list(who)),
            clause('', fc.oneof(date.map(d => `due ${d}`), fc.constantFrom('week', 'month', 'quarter', 'year').map(r => `every ${r}`))),
            clause('supports', list(objective, 1, 2)),
            clause('status', fc.constantFrom('open', 'done'))
        ])), { maxLength: 5 });
        const metrics = fc.array(fc.constantFrom(...ELEMENT_NAMES).chain(n => block(`metric ${n}Metric`, [
            clause('kind', fc.constantFrom('outcome', 'process', 'relationship')),
            clause('owner', who),
            clause('target', fc.tuple(fc.constantFrom('>=', '<=', '=', '>', '<'), fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('', ' USD', ' %', ' days', ' of 5')).map(([c, v, u]) => `${c} ${v}${u}`)),
            clause('cadence', fc.constantFrom(...CADENCES)),
            clause('tracks', list(objective, 1, 2)),
            clause('benefits', list(who))
        ])), { maxLength: 4 });
        return fc.tuple(
            fc.tuple(...bodyTexts), decisions, fc.tuple(...escalationTexts), commitments, metrics,
            clause('vision', text), clause('review', fc.oneof(fc.constantFrom(...CADENCES), duration.map(d => `every ${d}`))),
            clause('term', fc.tuple(date, date).map(([a, b]) => `from ${a} to ${b}`)),
            fc.option(duration.map(d => `exit { notice ${d} }`), { nil: undefined })
        ).map(([b, d, e, c, m, vision, review, term, exit]) => [
            `charter ${name} {`,
            listed.length ? `    parties ${listed.join(', ')}` : '',
            `    ${vision}`, `    ${review}`, `    ${term}`,
            ...objectives.map(o => `    objective ${o} "goal"`),
            ...[...b, ...d, ...e, ...c, ...m].map(x => `    ${x}`),
            exit ? `    ${exit}` : '',
            '}'
        ].join('\n'));
    });
}

/** A workspace: one file of parties and one or two charter files. */
export const workspaceArbitrary: fc.Arbitrary<Record<string, string>> = fc.uniqueArray(fc.constantFrom(...PARTY_NAMES), { minLength: 1, maxLength: 5 })
    .chain(parties => fc.tuple(
        fc.constant(parties.map(p => `party ${p} "${p} Inc." {\n${ROLE_NAMES.map(r => `    role ${r}`).join('\n')}\n}`).join('\n')),
        fc.array(charterText(parties), { minLength: 1, maxLength: 2 })
    ))
    .map(([partiesText, charters]) => Object.fromEntries([
        ['parties.charter', partiesText],
        ...charters.map((charter, index) => [`charter-${index}.charter`, charter.replace(/charter (\w+) \{/, `charter $1${index} {`)])
    ]));
