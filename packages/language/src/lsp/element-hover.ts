/**
 * Hover text for the elements a reviewer points at: a decision (who decides, controls, can block, each
 * party's say, its escalation), a body (seats and voting power per party), a commitment, a metric and an
 * escalation (what they say, in one glance), an objective (what tracks and supports it), and a reference
 * to a party or role (its title and what it does in this charter). Pure over the model.
 */
import { partiesWithSay } from '../health/say.js';
import { unitSuffix, type DisputeModel } from '../journal/history.js';
import type { EntryKind, IsoDate } from '../model/journal-types.js';
import type { BodyModel, CharterModel, CommitmentModel, DecisionModel, EscalationModel, MetricModel, ObjectiveModel, Position, PrincipalRef, Range } from '../model/types.js';
import { count, kindAndName, listText, plural } from '../wording.js';

export function contains(range: Range, position: Position): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const names = (refs: PrincipalRef[]) => listText(refs.map(ref => ref.text));

export function decisionHover(charter: CharterModel, decision: DecisionModel): string {
    const lines = [`**${kindAndName('decision', decision.name)}**${decision.title ? ` — ${decision.title}` : ''}${decision.reserved ? ' (reserved matter)' : ''}`, ''];
    lines.push(`- decided by: ${decision.deciders.length ? `${names(decision.deciders)} (${decision.voting})` : 'no one'}`);
    lines.push(`- controls: ${decision.controllingParties.length ? `${listText(decision.controllingParties, 'or')} alone` : decision.decided ? 'no party alone' : 'no one'}`);
    lines.push(`- can block: ${decision.blockingParties.length ? listText(decision.blockingParties) : 'no one'}`);
    const sayers = partiesWithSay(decision);
    const silent = charter.parties.filter(party => !sayers.includes(party));
    lines.push(`- say: ${sayers.length ? sayers.map(party => `${party} ${percent(decision.sayByParty[party])}`).join(', ') : 'no one has a say yet'}${silent.length && sayers.length ? `; ${listText(silent)} none` : ''}`);
    if (decision.consulted.length) {
        lines.push(`- consults: ${names(decision.consulted)}`);
    }
    if (decision.informed.length) {
        lines.push(`- informs: ${names(decision.informed)}`);
    }
    const escalation = charter.escalations.find(e => e.name === decision.coveringEscalation);
    if (escalation) {
        const final = escalation.finalStep ? `, finally ${escalation.finalStep.kind}${escalation.finalStep.oneSided ? ` by ${escalation.finalStep.parties[0]} alone` : ''}` : ', no final step';
        lines.push(`- escalates to: ${escalation.name} (${count(escalation.levels.length, 'level')}${escalation.worstCaseDays !== undefined ? `, at most ${escalation.worstCaseDays} days` : ''}${final})`);
    } else {
        lines.push(`- escalates to: nothing${decision.blockingParties.length >= 2 ? ' (a deadlock has no way out)' : ''}`);
    }
    return lines.join('\n');
}

export function bodyHover(charter: CharterModel, body: BodyModel): string {
    const lines = [`**${kindAndName('body', body.name)}**${body.title ? ` — ${body.title}` : ''}`, '', `votes by ${body.voting}${body.meets ? `, meets ${body.meets}` : ''}; ${count(body.totalSeats, 'seat')}`, '',
        '| party | seats | voting power |', '|---|---|---|'];
    for (const party of charter.parties) {
        lines.push(`| ${party} | ${body.seatsByParty[party] ?? 0} | ${percent(body.powerByParty[party] ?? 0)} |`);
    }
    lines.push('', body.controllingParties.length ? `${listText(body.controllingParties, 'or')} carries its votes alone.`
        : body.blockingParties.length ? `${listText(body.blockingParties)} can each block.` : body.totalSeats ? 'No party can block it alone.' : 'It seats no charter party.');
    return lines.join('\n');
}

export function commitmentHover(commitment: CommitmentModel): string {
    const lines = [`**${kindAndName('commitment', commitment.name)}**${commitment.title ? ` — ${commitment.title}` : ''}`, ''];
    lines.push(`- owner: ${commitment.owner ? commitment.owner.text : 'no one'}${commitment.beneficiaries.length ? `, to ${names(commitment.beneficiaries)}` : ''}`);
    const when = [commitment.due ? `due ${commitment.due}` : '', commitment.recurrence ? `every ${commitment.recurrence}` : ''].filter(Boolean).join(', ');
    lines.push(`- ${when || 'no due date'}${commitment.status ? `; status ${commitment.status}` : ''}`);
    if (commitment.supports.length) {
        lines.push(`- supports: ${listText(commitment.supports)}`);
    }
    return lines.join('\n');
}

export function metricHover(metric: MetricModel): string {
    const lines = [`**${kindAndName('metric', metric.name)}**${metric.title ? ` — ${metric.title}` : ''}${metric.kind ? ` (${metric.kind})` : ''}`, ''];
    lines.push(`- owner: ${metric.owner ? metric.owner.text : 'no one'}${metric.beneficiaries.length ? `; benefits ${names(metric.beneficiaries)}` : ''}`);
    lines.push(`- target: ${metric.target ? `${metric.target.comparator} ${metric.target.value}${unitSuffix(metric.target)}` : 'none'}${metric.cadence ? `, read ${metric.cadence}` : ''}`);
    if (metric.tracks.length) {
        lines.push(`- tracks: ${listText(metric.tracks)}`);
    }
    return lines.join('\n');
}

export function escalationHover(escalation: EscalationModel): string {
    const lines = [`**${kindAndName('escalation', escalation.name)}**${escalation.title ? ` — ${escalation.title}` : ''}`, ''];
    for (const level of escalation.levels) {
        lines.push(`${level.index + 1}. ${level.principals.length ? names(level.principals) : 'no one'}${level.within ? ` within ${level.within.value} ${level.within.unit}` : ' (no time box)'}`);
    }
    const final = escalation.finalStep;
    lines.push('', final ? `Finally ${final.kind}${final.oneSided ? ` by ${final.parties[0]} alone` : ''}${escalation.worstCaseDays !== undefined ? `, at most ${escalation.worstCaseDays} days in all` : ''}.` : 'No final step: a dispute can stay open.');
    return lines.join('\n');
}

/** An objective: the metrics that track it and the commitments that support it, or that nothing does yet. */
export function objectiveHover(charter: CharterModel, objective: ObjectiveModel): string {
    const lines = [`**${kindAndName('objective', objective.name)}**${objective.title ? ` — ${objective.title}` : ''}`, ''];
    const metrics = charter.metrics.filter(metric => metric.tracks.includes(objective.name)).map(metric => metric.name);
    const commitments = charter.commitments.filter(commitment => commitment.supports.includes(objective.name)).map(commitment => commitment.name);
    lines.push(`- tracked by: ${metrics.length ? listText(metrics) : 'no metric'}`);
    lines.push(`- supported by: ${commitments.length ? listText(commitments) : 'no commitment'}`);
    return lines.join('\n');
}

/** A party or a role, as mentioned at a reference: its title and what it does in this charter. */
export function principalHover(charter: CharterModel, ref: PrincipalRef): string {
    const isRole = ref.kind === 'role';
    const party = ref.parties[0];
    const info = party ? charter.partyInfo[party] : undefined;
    const title = isRole ? info?.roles.find(role => role.qualifiedName === ref.name)?.title : info?.title;
    const lines = [`**${ref.kind} ${ref.name}**${title ? ` — ${title}` : ''}`, ''];
    if (party && !charter.parties.includes(party)) {
        lines.push(`${party} is not a party to ${charter.name}.`);
        return lines.join('\n');
    }
    const mine = (refs: PrincipalRef[]) => refs.some(item => item.kind === ref.kind && item.name === ref.name);
    const duties: string[] = [];
    const add = (label: string, items: string[]) => {
        if (items.length) {
            duties.push(`- ${label}: ${listText(items)}`);
        }
    };
    add('sits on', charter.bodies.filter(body => mine(body.members)).map(body => body.name));
    add('chairs', charter.bodies.filter(body => body.chair && mine([body.chair])).map(body => body.name));
    add('decides', charter.decisions.filter(decision => mine(decision.deciders)).map(decision => decision.name));
    add('proposes', charter.decisions.filter(decision => mine(decision.proposers)).map(decision => decision.name));
    add('is consulted on', charter.decisions.filter(decision => mine(decision.consulted)).map(decision => decision.name));
    add('is informed of', charter.decisions.filter(decision => mine(decision.informed)).map(decision => decision.name));
    add('owns', [...charter.commitments.filter(c => c.owner && mine([c.owner])), ...charter.metrics.filter(m => m.owner && mine([m.owner]))].map(item => item.name));
    add('is owed', charter.commitments.filter(c => mine(c.beneficiaries)).map(c => c.name));
    add('escalation levels', charter.escalations.flatMap(e => e.levels.filter(level => mine(level.principals)).map(level => `${e.name} level ${level.index + 1}`)));
    add('has the final say in', charter.escalations.filter(e => e.finalStep && mine(e.finalStep.deciders)).map(e => e.name));
    lines.push(duties.length ? `In ${charter.name}:` : `No responsibility in ${charter.name} yet.`, ...duties);
    return lines.join('\n');
}

/** Every mention of a party or role in a charter's clauses. */
export function principalMentions(charter: CharterModel): PrincipalRef[] {
    return [
        ...charter.partyRefs,
        ...charter.bodies.flatMap(body => [...body.members, ...(body.chair ? [body.chair] : [])]),
        ...charter.decisions.flatMap(d => [...d.proposers, ...d.deciders, ...d.consulted, ...d.informed]),
        ...charter.escalations.flatMap(e => [...e.levels.flatMap(level => level.principals), ...(e.finalStep?.deciders ?? [])]),
        ...charter.commitments.flatMap(c => [...(c.owner ? [c.owner] : []), ...c.beneficiaries]),
        ...charter.metrics.flatMap(m => [...(m.owner ? [m.owner] : []), ...m.beneficiaries])
    ].filter(ref => ref.kind === 'party' || ref.kind === 'role');
}

/** The hover for an element of a charter by its name, if it is one a hover describes. */
export function namedElementHover(charter: CharterModel, name: string): string | undefined {
    const decision = charter.decisions.find(d => d.name === name);
    if (decision) return decisionHover(charter, decision);
    const body = charter.bodies.find(b => b.name === name);
    if (body) return bodyHover(charter, body);
    const commitment = charter.commitments.find(c => c.name === name);
    if (commitment) return commitmentHover(commitment);
    const metric = charter.metrics.find(m => m.name === name);
    if (metric) return metricHover(metric);
    const escalation = charter.escalations.find(e => e.name === name);
    if (escalation) return escalationHover(escalation);
    const objective = charter.objectives.find(o => o.name === name);
    return objective ? objectiveHover(charter, objective) : undefined;
}

/**
 * The hover for the element at a position of a charter, if it is the name of a decision, body, commitment, metric, escalation
 * or objective (or its keyword while it has no name yet), or a party or role reference. By the element found, not by its name:
 * two elements with no name yet share the empty one, and an unnamed body got the hover of an unnamed decision.
 */
export function elementHoverAt(charter: CharterModel, position: Position): { markdown: string; range: Range } | undefined {
    const at = <T extends { source: { nameRange: Range } }>(items: readonly T[], hover: (item: T) => string) => {
        const item = items.find(element => contains(element.source.nameRange, position));
        return item && { markdown: hover(item), range: item.source.nameRange };
    };
    // A mention first: the span of an element with no name yet is all of it, mentions included.
    const mention = principalMentions(charter).find(ref => contains(ref.range, position));
    if (mention) {
        return { markdown: principalHover(charter, mention), range: mention.range };
    }
    return at(charter.decisions, decision => decisionHover(charter, decision)) ?? at(charter.bodies, body => bodyHover(charter, body))
        ?? at(charter.commitments, commitmentHover) ?? at(charter.metrics, metricHover) ?? at(charter.escalations, escalationHover)
        ?? at(charter.objectives, objective => objectiveHover(charter, objective));
}

/** What an entry of each kind records, in one line (docs/journal.md's table). */
export const ENTRY_KIND_MEANINGS: Readonly<Record<EntryKind, string>> = {
    met: 'A meeting of a body was held; `with` lists who attended (without it, attendance is unknown).',
    delivered: 'One instance of a commitment delivered.',
    missed: 'One instance of a commitment explicitly missed, and why.',
    measured: 'A reading of a metric, in its target\'s unit.',
    decided: 'A decision taken, and by whom.',
    raised: 'A dispute enters an escalation at its first level; its issue is a new name.',
    escalated: 'The dispute climbs one level of its escalation.',
    resolved: 'The dispute is closed, and how.',
    reviewed: 'The charter review was held.',
    assessed: 'One party\'s own view of the partnership, 1 to 5 for each pillar.',
    note: 'A note on the timeline, checked for nothing.'
};

/**
 * A dispute as of today, from the charter's history: when it was raised and through which escalation,
 * the level it has reached (and who sits there), resolved or open for how long, and whether that is over
 * the time boxes of the levels it reached.
 */
export function disputeHover(dispute: DisputeModel, escalation: EscalationModel | undefined, today: IsoDate): string {
    const lines = [`**issue ${dispute.issue}**${dispute.title ? ` — ${dispute.title}` : ''}`, ''];
    // Level n of the escalation (1-based), who sits there; past the last level, its final step.
    const levelText = (n: number) => {
        if (!escalation || dispute.levels === 0) return '';
        const level = escalation.levels[n - 1];
        return level
            ? `${n === 1 ? ', at' : ' to'} level ${n} of ${dispute.levels}${level.principals.length ? ` (${names(level.principals)})` : ''}`
            : ` to the final step${escalation.finalStep ? ` (${escalation.finalStep.kind})` : ''}`;
    };
    lines.push(`- raised ${dispute.raised.date}${dispute.escalation ? ` via ${dispute.escalation}` : ', via no escalation'}${dispute.about ? `, about ${dispute.about}` : ''}${levelText(1)}`);
    dispute.escalated.forEach((step, index) => {
        lines.push(`- escalated ${step.date}${levelText(Math.min(index + 2, dispute.levels + 1))}`);
    });
    const days = `${dispute.openDays} ${plural(dispute.openDays, 'day')}`;
    lines.push(dispute.resolved ? `- resolved ${dispute.resolved.date}, after ${days}` : `- open for ${days} (as of ${today})`);
    if (dispute.timeBoxDays !== undefined) {
        lines.push(dispute.overTime
            ? `- over its time box: ${dispute.openDays - dispute.timeBoxDays} ${plural(dispute.openDays - dispute.timeBoxDays, 'day')} past the ${dispute.timeBoxDays} its levels allow`
            : `- within its time box (${dispute.timeBoxDays} days for the levels reached)`);
    } else if (dispute.escalation) {
        lines.push('- no time box (a level it reached has none)');
    }
    return lines.join('\n');
}
