import type { CharterModel, PrincipalRef, Range } from '../model/types.js';

/** The kinds of responsibility a role carries in a charter (OPERATIONS.md, "The portfolio"). */
export const RESPONSIBILITY_KINDS = ['seats', 'decisions', 'commitments', 'metrics', 'escalationLevels'] as const;
export type ResponsibilityKind = typeof RESPONSIBILITY_KINDS[number];

/** What one role carries in one charter: counts by kind and their sum. */
export interface RoleLoad {
    /** Qualified name of the role, `Acme.AllianceLead`. */
    role: string;
    party: string;
    charter: string;
    /** URI of the charter's document. */
    uri: string;
    /** Range of the charter's name (where a finding points to the charter). */
    charterRange: Range;
    /** Seats on the charter's bodies (a member clause naming the role). */
    seats: number;
    /** Decisions the role decides directly (`decided by` naming it). */
    decisions: number;
    /** Commitments it owns. */
    commitments: number;
    /** Metrics it owns. */
    metrics: number;
    /** Escalation levels naming it. */
    escalationLevels: number;
    /** The sum of the counts above: the role's responsibilities in this charter. */
    total: number;
}

/**
 * The load of every role named in a charter: pure, over the charter's model.
 * Only roles are counted (a party or a body is not one person's load), and a
 * role counts once per clause, however often a clause repeats it.
 */
export function roleLoadsOfCharter(charter: CharterModel): RoleLoad[] {
    const loads = new Map<string, RoleLoad>();
    const add = (refs: readonly (PrincipalRef | undefined)[], kind: ResponsibilityKind) => {
        const named = new Set(refs.filter((ref): ref is PrincipalRef => ref?.kind === 'role').map(ref => ref.name));
        for (const role of named) {
            let load = loads.get(role);
            if (!load) {
                load = {
                    role, party: role.split('.')[0], charter: charter.name, uri: charter.uri, charterRange: charter.source.nameRange,
                    seats: 0, decisions: 0, commitments: 0, metrics: 0, escalationLevels: 0, total: 0
                };
                loads.set(role, load);
            }
            load[kind]++;
            load.total++;
        }
    };
    for (const body of charter.bodies) {
        add(body.members, 'seats');
    }
    for (const decision of charter.decisions) {
        add(decision.deciders, 'decisions');
    }
    for (const commitment of charter.commitments) {
        add([commitment.owner], 'commitments');
    }
    for (const metric of charter.metrics) {
        add([metric.owner], 'metrics');
    }
    for (const escalation of charter.escalations) {
        for (const level of escalation.levels) {
            add(level.principals, 'escalationLevels');
        }
    }
    return [...loads.values()];
}

/** What loads a role, in words: `2 seats, 1 decision, 3 commitments`. */
export function describeLoad(load: Pick<RoleLoad, ResponsibilityKind>): string {
    // Built up without arrays: `overloaded-role` describes every charter's load of every overloaded role on each check.
    let text = '';
    for (const [kind, one, many] of LOAD_WORDS) {
        const n = load[kind];
        if (n > 0) {
            text += `${text === '' ? '' : ', '}${n} ${n === 1 ? one : many}`;
        }
    }
    return text;
}

const LOAD_WORDS: ReadonlyArray<readonly [ResponsibilityKind, string, string]> = [
    ['seats', 'seat', 'seats'], ['decisions', 'decision', 'decisions'], ['commitments', 'commitment', 'commitments'],
    ['metrics', 'metric', 'metrics'], ['escalationLevels', 'escalation level', 'escalation levels']
];
