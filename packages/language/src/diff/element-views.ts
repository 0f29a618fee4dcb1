import { compareText } from '../util/compare-text.js';
import { listText } from '../wording.js';
/**
 * Each element of the partnership model seen as a list of display
 * attributes: what the diff compares. References are written through a
 * `NameMap`, so an old side with renamed parties, roles or charter elements
 * reads as the new side would name them.
 */
import type {
    BodyModel, CharterModel, CommitmentModel, DecisionModel, Duration, EscalationModel, MetricModel, ObjectiveModel, PartyInfo, PrincipalRef, RoleInfo
} from '../model/types.js';

/** Attribute key and display value; `undefined` when the clause is not written. */
export type Attributes = Array<[string, string | undefined]>;

/** How old names read on the new side: parties, roles (`Party.Role`) and a charter's own elements. */
export class NameMap {
    readonly parties = new Map<string, string>();
    readonly roles = new Map<string, string>();
    /** A charter's bodies, escalations, objectives and the rest (names are unique within a charter). */
    readonly inner = new Map<string, string>();

    party(name: string): string {
        return this.parties.get(name) ?? name;
    }

    role(qualifiedName: string): string {
        const renamed = this.roles.get(qualifiedName);
        if (renamed) {
            return renamed;
        }
        const dot = qualifiedName.indexOf('.');
        return dot < 0 ? qualifiedName : `${this.party(qualifiedName.slice(0, dot))}${qualifiedName.slice(dot)}`;
    }

    element(name: string): string {
        return this.inner.get(name) ?? name;
    }

    principal(ref: PrincipalRef): string {
        switch (ref.kind) {
            case 'party': return this.party(ref.name);
            case 'role': return this.role(ref.name);
            case 'body': return this.element(ref.name);
            default: return ref.text;
        }
    }

    /** A copy for one charter pair: the workspace's party and role names, no charter elements yet. */
    forCharter(): NameMap {
        const copy = new NameMap();
        this.parties.forEach((value, key) => copy.parties.set(key, value));
        this.roles.forEach((value, key) => copy.roles.set(key, value));
        return copy;
    }
}

/** The identity map, for the new side. */
export const SAME_NAMES = new NameMap();

const quoted = (text: string | undefined) => (text === undefined ? undefined : JSON.stringify(text));
const list = (items: string[]) => (items.length ? [...new Set(items)].sort().join(', ') : undefined);
/** `6 months`; half-written text may leave out the number or the unit. */
function duration(value: Duration | undefined): string | undefined {
    if (!value) {
        return undefined;
    }
    const parts = [Number.isFinite(value.value) ? String(value.value) : undefined, value.unit || undefined].filter(part => part !== undefined);
    return parts.length ? parts.join(' ') : undefined;
}

function principals(refs: PrincipalRef[], names: NameMap): string | undefined {
    return list(refs.map(ref => names.principal(ref)));
}

/**
 * Who can carry a decision, in the say model's words (docs/health.md, "Say"): `Acme alone` (sole control),
 * `joint` (two or more parties must agree), `joint, only Acme can block` (no one carries it alone but one
 * party can stop it), `by majority, no one can block` (an even majority body), or `no one decides` (no
 * valid decider). A party that can only block is never said to control.
 */
export function controlOf(controlling: string[], blocking: string[], names: NameMap, seated = controlling.length + blocking.length > 0): string {
    const controllers = [...new Set(controlling.map(party => names.party(party)))].sort();
    if (controllers.length >= 1) {
        return `${listText(controllers, 'or')} alone`;
    }
    if (blocking.length > 1) {
        return 'joint';
    }
    if (blocking.length === 1) {
        return `joint, only ${names.party(blocking[0])} can block`;
    }
    return seated ? 'by majority, no one can block' : 'no one decides';
}

/** Each party's share of say in a decision: `Acme 50%, Globex 50%`. */
function sayText(sayByParty: Record<string, number>, names: NameMap): string | undefined {
    const entries = Object.entries(sayByParty).map(([party, share]) => [names.party(party), share] as const).sort(([a], [b]) => compareText(a, b));
    return entries.length ? entries.map(([party, share]) => `${party} ${Math.round(share * 100)}%`).join(', ') : undefined;
}

function blockers(blocking: string[], names: NameMap): string {
    return list(blocking.map(party => names.party(party))) ?? 'no one';
}

function seats(seatsByParty: Record<string, number>, names: NameMap): string | undefined {
    const entries = Object.entries(seatsByParty).map(([party, count]) => [names.party(party), count] as const).sort(([a], [b]) => compareText(a, b));
    return entries.length ? entries.map(([party, count]) => `${party} ${count}`).join(', ') : undefined;
}

/** Normalised Banzhaf power of a majority body's parties, as whole percentages: `Acme 67%, Globex 33%`. */
function power(powerByParty: Record<string, number>, names: NameMap): string | undefined {
    const entries = Object.entries(powerByParty).map(([party, share]) => [names.party(party), share] as const).sort(([a], [b]) => compareText(a, b));
    return entries.length ? entries.map(([party, share]) => `${party} ${Math.round(share * 100)}%`).join(', ') : undefined;
}

export function partyAttributes(party: PartyInfo): Attributes {
    return [['title', quoted(party.title)]];
}

export function roleAttributes(role: RoleInfo): Attributes {
    return [['title', quoted(role.title)]];
}

export function charterAttributes(charter: CharterModel, names: NameMap): Attributes {
    const term = charter.term ? `${charter.term.start ?? '?'} to ${charter.term.end ?? '?'}` : undefined;
    const every = duration(charter.review?.every);
    const review = charter.review ? (charter.review.cadence ?? (every ? `every ${every}` : 'incomplete')) : undefined;
    return [
        ['title', quoted(charter.title)],
        ['parties', list(charter.partyRefs.map(ref => names.principal(ref)))],
        ['vision', quoted(charter.vision)],
        ['term', term],
        ['review', review],
        ['exit notice', charter.exit ? (duration(charter.exit.notice) ?? 'none') : undefined],
        ['exit terms', quoted(charter.exit?.text)]
    ];
}

export function objectiveAttributes(objective: ObjectiveModel): Attributes {
    return [['title', quoted(objective.title)]];
}

export function bodyAttributes(body: BodyModel, names: NameMap): Attributes {
    const chair = body.chair ? names.principal(body.chair) : body.chairRotates ? `rotates ${body.chairRotates}` : undefined;
    return [
        ['title', quoted(body.title)],
        ['members', principals(body.members, names)],
        ['voting', body.votingDeclared ? body.voting : `${body.voting} (default)`],
        ['chair', chair],
        ['meets', body.meets],
        ['seats', seats(body.seatsByParty, names)],
        ['voting power', body.voting === 'majority' ? power(body.powerByParty, names) : undefined],
        ['control', controlOf(body.controllingParties, body.blockingParties, names, body.totalSeats > 0)],
        ['can block', blockers(body.blockingParties, names)]
    ];
}

export function decisionAttributes(decision: DecisionModel, names: NameMap): Attributes {
    const byBody = decision.deciders.some(ref => ref.kind === 'body');
    return [
        ['title', quoted(decision.title)],
        ['proposed by', principals(decision.proposers, names)],
        ['decided by', principals(decision.deciders, names)],
        ['voting', decision.votingDeclared || byBody ? decision.voting : undefined],
        ['consults', principals(decision.consulted, names)],
        ['informs', principals(decision.informed, names)],
        ['reserved', decision.reserved ? 'yes' : undefined],
        ['escalates to', decision.escalation === undefined ? undefined : names.element(decision.escalation)],
        ['control', controlOf(decision.controllingParties, decision.blockingParties, names, decision.decided)],
        ['can block', blockers(decision.blockingParties, names)],
        ['say', sayText(decision.sayByParty, names)]
    ];
}

export function escalationAttributes(escalation: EscalationModel, names: NameMap): Attributes {
    const levels: Attributes = escalation.levels.map((level, index) => {
        const who = principals(level.principals, names) ?? 'no one';
        return [`level ${index + 1}`, level.within ? `${who} within ${duration(level.within)}` : `${who} (no time box)`];
    });
    const step = escalation.finalStep;
    const finalStep = step
        ? [step.kind, step.deciders.length ? `by ${step.deciders.map(ref => names.principal(ref)).join(', ')}` : undefined, quoted(step.text)].filter(Boolean).join(' ')
        : undefined;
    return [
        ['title', quoted(escalation.title)],
        ['levels', String(escalation.levels.length)],
        ...levels,
        ['final step', finalStep],
        ['final say', step ? (step.oneSided ? `${names.party(step.parties[0])} alone` : 'neutral') : undefined],
        ['worst case', escalation.worstCaseDays === undefined ? (escalation.levels.length ? 'unbounded' : undefined) : `${escalation.worstCaseDays} days`]
    ];
}

export function commitmentAttributes(commitment: CommitmentModel, names: NameMap): Attributes {
    return [
        ['title', quoted(commitment.title)],
        ['owner', commitment.owner ? names.principal(commitment.owner) : undefined],
        ['to', principals(commitment.beneficiaries, names)],
        ['due', commitment.due],
        ['every', commitment.recurrence],
        ['supports', list(commitment.supports.map(name => names.element(name)))],
        ['status', commitment.status]
    ];
}

export function metricAttributes(metric: MetricModel, names: NameMap): Attributes {
    // Half-written text can leave any part of a target out.
    const target = metric.target
        ? [metric.target.comparator, metric.target.value, metric.target.scale !== undefined ? `of ${metric.target.scale}` : undefined, metric.target.unit]
            .filter(part => part !== undefined && part !== null && part !== '' && !Number.isNaN(part)).join(' ')
        : undefined;
    return [
        ['title', quoted(metric.title)],
        ['kind', metric.kind],
        ['owner', metric.owner ? names.principal(metric.owner) : undefined],
        ['target', target],
        ['cadence', metric.cadence],
        ['tracks', list(metric.tracks.map(name => names.element(name)))],
        ['benefits', principals(metric.beneficiaries, names)]
    ];
}
