/**
 * The side-by-side's JS pass: what a team keeping charters as YAML would have
 * to write to get the same findings. It resolves the YAML's names (parties,
 * `Party.Role`, bodies), counts seats, works out who controls and who can
 * block each decision with the same voting analysis, builds the same
 * partnership model Entente builds, and runs the same rules on it. Only
 * parsing, linking and source positions are Entente's own.
 */
import { allRules, analyseVote, type BodyModel, type CharterModel, type DocumentModel, type PrincipalRef, type Range, type Report, type Rule, type VotingRule } from '@entente/language';

export interface YamlCharter {
    name: string;
    title?: string;
    parties: string[];
    vision?: string;
    term?: { from?: string | Date; to?: string | Date };
    review?: { every?: number; unit?: string; cadence?: string };
    exit?: { notice?: number; unit?: string };
    objectives?: Array<{ name: string; text?: string }>;
    bodies?: Array<{ name: string; members?: string[]; votes?: string; chair?: string; meets?: string }>;
    decisions?: Array<{ name: string; decidedBy?: string | string[]; consults?: string[]; informs?: string[]; escalatesTo?: string }>;
    escalations?: Array<{ name: string; levels?: Array<{ principals: string[]; within?: number }>; finally?: string }>;
    commitments?: Array<{ name: string; owner?: string; to?: string[]; due?: string | Date; supports?: string; status?: string }>;
    metrics?: Array<{ name: string; kind?: string; owner?: string; target?: string; cadence?: string; tracks?: string[]; benefits?: string[] }>;
}

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const source = { uri: 'yaml', range: NOWHERE, nameRange: NOWHERE };
const days = (value: number, unit = 'days') => ({ value, unit, days: value * ({ day: 1, week: 7, month: 30, year: 365 }[unit.replace(/s$/, '')] ?? 1) });
/** YAML reads an unquoted 2027-06-30 as a timestamp. */
const date = (value: string | Date | undefined) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);
const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Builds the partnership model of a YAML charter, then runs every rule on it; returns the findings' rule ids and messages. */
export function checkYamlCharter(charter: YamlCharter, roles: Record<string, string[]>, today: string): string[] {
    const bodies = new Map((charter.bodies ?? []).map(body => [body.name, body]));
    const seatsMemo = new Map<string, Record<string, number>>();
    const seatsOf = (name: string, open = new Set<string>()): Record<string, number> => {
        const known = seatsMemo.get(name);
        if (known) {
            return known;
        }
        open.add(name);
        const seats: Record<string, number> = {};
        for (const member of bodies.get(name)?.members ?? []) {
            const lent = bodies.has(member) ? (open.has(member) ? {} : seatsOf(member, open)) : { [member.split('.')[0]]: 1 };
            for (const [party, count] of Object.entries(lent)) {
                seats[party] = (seats[party] ?? 0) + count;
            }
        }
        open.delete(name);
        seatsMemo.set(name, seats);
        return seats;
    };
    const unresolved: DocumentModel['unresolvedReferences'] = [];
    const ref = (text: string): PrincipalRef => {
        if (bodies.has(text)) {
            const seats = seatsOf(text);
            return { text, kind: 'body', name: text, parties: Object.keys(seats).filter(party => seats[party] > 0).sort(), range: NOWHERE };
        }
        const [party, role] = text.split('.');
        if (!(party in roles) || (role !== undefined && !roles[party].includes(role))) {
            unresolved.push({ text, expected: 'party, role or body', range: NOWHERE });
            return { text, name: text, parties: [], range: NOWHERE };
        }
        return { text, kind: role ? 'role' : 'party', name: text, parties: [party], range: NOWHERE };
    };
    const withParties = (seats: Record<string, number>) => Object.fromEntries([...charter.parties.map(party => [party, 0] as const), ...Object.entries(seats)]);
    const bodyModels: BodyModel[] = (charter.bodies ?? []).map(body => {
        const seatsByParty = withParties(seatsOf(body.name));
        const voting = (body.votes ?? 'consensus') as VotingRule;
        const outcome = analyseVote(seatsByParty, voting);
        const rotates = body.chair?.startsWith('rotates ') ? body.chair.slice('rotates '.length) : undefined;
        return {
            name: body.name, members: (body.members ?? []).map(ref), voting, votingDeclared: body.votes !== undefined,
            chair: body.chair && !rotates ? ref(body.chair) : undefined, chairRotates: rotates as BodyModel['chairRotates'], meets: body.meets as BodyModel['meets'],
            seatsByParty, totalSeats: Object.values(seatsByParty).reduce((a, b) => a + b, 0),
            powerByParty: outcome.powerByParty, controllingParties: outcome.controllingParties, blockingParties: outcome.blockingParties, source
        };
    });
    const onlyEscalation = charter.escalations?.length === 1 ? charter.escalations[0].name : undefined;
    const model: CharterModel = {
        name: charter.name, title: charter.title, uri: 'yaml', parties: charter.parties, partyRefs: charter.parties.map(ref),
        partyInfo: Object.fromEntries(charter.parties.map(party => [party, { name: party, roles: (roles[party] ?? []).map(role => ({ name: role, qualifiedName: `${party}.${role}`, party })) }])),
        vision: charter.vision,
        term: charter.term ? { start: date(charter.term.from), end: date(charter.term.to), range: NOWHERE } : undefined,
        review: charter.review ? { every: charter.review.every ? days(charter.review.every, charter.review.unit) : undefined, days: charter.review.every ? days(charter.review.every, charter.review.unit).days : 91, range: NOWHERE } : undefined,
        objectives: (charter.objectives ?? []).map(objective => ({ name: objective.name, title: objective.text, source })),
        bodies: bodyModels,
        decisions: (charter.decisions ?? []).map(decision => {
            const deciders = list(decision.decidedBy);
            const soleBody = deciders.length === 1 ? bodies.get(deciders[0]) : undefined;
            const voting = (soleBody?.votes ?? 'consensus') as VotingRule;
            const seats: Record<string, number> = {};
            for (const decider of deciders) {
                for (const [party, count] of Object.entries(bodies.has(decider) ? seatsOf(decider) : { [decider.split('.')[0]]: 1 })) {
                    seats[party] = (seats[party] ?? 0) + count;
                }
            }
            const outcome = analyseVote(seats, voting);
            const [deciderRefs, consulted, informed] = [deciders.map(ref), (decision.consults ?? []).map(ref), (decision.informs ?? []).map(ref)];
            return {
                name: decision.name, proposers: [], deciders: deciderRefs, voting, votingDeclared: false, consulted, informed,
                hasEscalatesClause: decision.escalatesTo !== undefined, escalation: decision.escalatesTo, coveringEscalation: decision.escalatesTo ?? onlyEscalation,
                seatsByParty: seats, controllingParties: outcome.controllingParties, blockingParties: outcome.blockingParties,
                sayByParty: outcome.powerByParty, decided: Object.keys(outcome.powerByParty).length > 0, reserved: false, weight: 1,
                involvedParties: [...new Set([...deciderRefs, ...consulted, ...informed].flatMap(principal => principal.parties))].sort(), source
            };
        }),
        escalations: (charter.escalations ?? []).map(escalation => {
            const levels = (escalation.levels ?? []).map((level, index) => {
                const principals = level.principals.map(ref);
                return { index, principals, parties: [...new Set(principals.flatMap(p => p.parties))].sort(), within: level.within ? days(level.within) : undefined, range: NOWHERE };
            });
            const timed = levels.length > 0 && levels.every(level => level.within);
            return {
                name: escalation.name, levels, finalStep: escalation.finally ? { kind: escalation.finally as 'mediation', range: NOWHERE, deciders: [], parties: [], oneSided: false } : undefined,
                worstCaseDays: timed ? levels.reduce((sum, level) => sum + (level.within?.days ?? 0), 0) : undefined, source
            };
        }),
        commitments: (charter.commitments ?? []).map(commitment => {
            const owner = commitment.owner ? ref(commitment.owner) : undefined;
            const beneficiaries = (commitment.to ?? []).map(ref);
            return {
                name: commitment.name, owner, ownerParties: owner?.parties ?? [], beneficiaries, beneficiaryParties: [...new Set(beneficiaries.flatMap(p => p.parties))].sort(),
                due: date(commitment.due), supports: list(commitment.supports), status: commitment.status as 'open' | undefined, source
            };
        }),
        metrics: (charter.metrics ?? []).map(metric => {
            const owner = metric.owner ? ref(metric.owner) : undefined;
            const beneficiaries = (metric.benefits ?? []).map(ref);
            const target = /^(>=|<=|=|>|<) ([\d.]+)(?: (\S+))?$/.exec(metric.target ?? '');
            return {
                name: metric.name, kind: metric.kind as 'outcome' | undefined, owner, ownerParties: owner?.parties ?? [],
                target: target ? { comparator: target[1], value: Number(target[2]), unit: target[3] } : undefined, cadence: metric.cadence as 'monthly' | undefined,
                tracks: metric.tracks ?? [], beneficiaries, beneficiaryParties: [...new Set(beneficiaries.flatMap(p => p.parties))].sort(), source
            };
        }),
        exit: charter.exit ? { notice: charter.exit.notice ? days(charter.exit.notice, charter.exit.unit) : undefined, range: NOWHERE } : undefined,
        outsiderReferences: [],
        source
    };
    const document: DocumentModel = {
        uri: 'yaml', parties: [], charters: [model], suppressions: [], syntaxProblems: [], unresolvedReferences: unresolved,
        names: [model.name, ...model.objectives.map(o => o.name), ...model.bodies.map(b => b.name), ...model.decisions.map(d => d.name),
            ...model.escalations.map(e => e.name), ...model.commitments.map(c => c.name), ...model.metrics.map(m => m.name)]
            .map((name, index) => ({ name, kind: index === 0 ? 'charter' : 'element', scope: index === 0 ? 'workspace' : `charter:${model.name}`, source }))
    };
    const findings: string[] = [];
    for (const rule of allRules as readonly Rule[]) {
        rule.check({
            document, today, options: { ...rule.meta.options }, workspace: { topLevel: () => [] },
            report: (report: Report) => { findings.push(`${rule.meta.id}: ${report.message}`); }
        });
    }
    return findings;
}
