import type { DimensionId } from '../health/types.js';
import type { AttributeChange, CheckDelta, ElementChange, SayDelta } from './types.js';

/** The element as a reader names it: `decision PriceList`, `role Acme.Sponsor`. */
export function elementLabel(change: ElementChange): string {
    return `${change.element} ${change.name}`;
}

/** The element a change is about: `decision PriceList`, or `decision PriceList → PartnerPrices` for a rename. */
export function changeHeadline(change: ElementChange): string {
    return change.oldName !== undefined ? `${change.element} ${change.oldName} → ${change.name}` : elementLabel(change);
}

/** One attribute: `control: joint → Acme alone`; an added or removed element's attribute as `owner: Acme.Lead`. */
export function describeAttribute(attribute: AttributeChange, change: ElementChange['change']): string {
    if (change === 'added') {
        return `${attribute.attribute}: ${attribute.after ?? 'none'}`;
    }
    if (change === 'removed') {
        return `${attribute.attribute}: ${attribute.before ?? 'none'}`;
    }
    return `${attribute.attribute}: ${attribute.before ?? 'none'} → ${attribute.after ?? 'none'}`;
}

/** A signed whole number: `+5`, `-7`, `0`. */
export function signed(value: number): string {
    return value > 0 ? `+${value}` : String(value);
}

/** `Acme's share of say 52% → 61%`; a party on one side only reads `none` on the other. */
export function describeSay(say: SayDelta): string {
    const show = (value: number | null) => (value === null ? 'none' : `${Math.round(value * 100)}%`);
    return `${say.party}'s share of say ${show(say.before)} → ${show(say.after)}`;
}

/** The checks that moved a dimension: `mutuality 1.00 → 0.67, say balance 0.67 → 1.00`. */
export function describeCheckMoves(checks: CheckDelta[], dimension: DimensionId): string {
    const show = (value: number | null) => (value === null ? 'not measured' : value.toFixed(2));
    return checks.filter(check => check.dimension === dimension)
        .map(check => `${check.title} ${show(check.before)} → ${show(check.after)}`).join(', ');
}
