import type { CharterModel, PrincipalRef } from '../model/types.js';

/**
 * Whether a mention counts towards the charter's health: it resolved, and to
 * one of the charter's bodies or to a party (or a role of a party) the charter
 * lists. A name declared nowhere (`unresolved-reference`) or a party of
 * another charter (`outsider-reference`) is an error, never a decider, owner,
 * member or beneficiary that raises a score.
 */
export function counts(charter: Pick<CharterModel, 'parties'>, ref: PrincipalRef | undefined): boolean {
    return ref?.kind !== undefined && (ref.kind === 'body' || charter.parties.includes(ref.parties[0]));
}
