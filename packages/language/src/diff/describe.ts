import type { AttributeChange, ElementChange } from './types.js';

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
