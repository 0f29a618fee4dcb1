import { kindAndName, nameOf } from '../wording.js';
import type { DecisionModel, PrincipalRef } from '../model/types.js';
import { isOwnEntry, journalsWithHistory } from '../journal/rule-helpers.js';
import { defineRule, docsPath, type NoOptions } from './rule.js';

/**
 * Whether those named after `by` can carry the decision under the charter:
 * one of them is a decider named in the charter (a role acts for its party),
 * they include a party that controls the decision alone, or they cover every
 * deciding party.
 */
export function canCarry(decision: DecisionModel, by: readonly PrincipalRef[]): boolean {
    // Searches of the few names after `by` rather than sets of them, with no closure made per call: the rule asks this of every `decided` entry.
    for (const decider of decision.deciders) {
        if (names(by, decider.name) || (decider.kind === 'party' && actsFor(by, decider.name))) return true;
    }
    for (const party of decision.controllingParties) {
        if (covers(by, party)) return true;
    }
    // Every deciding party covered, and there is at least one.
    let deciding = false;
    for (const decider of decision.deciders) {
        for (const party of decider.parties) {
            if (!covers(by, party)) return false;
            deciding = true;
        }
    }
    return deciding;
}

/** Whether one of those named is the principal `name`. */
function names(by: readonly PrincipalRef[], name: string): boolean {
    for (const ref of by) {
        if (ref.name === name) return true;
    }
    return false;
}

/** Whether one of those named is a role of the party, acting for it. */
function actsFor(by: readonly PrincipalRef[], party: string): boolean {
    for (const ref of by) {
        if (ref.kind === 'role' && ref.parties[0] === party) return true;
    }
    return false;
}

/** Whether one of those named stands for the party. */
function covers(by: readonly PrincipalRef[], party: string): boolean {
    for (const ref of by) {
        if (ref.parties.includes(party)) return true;
    }
    return false;
}

export const decidedWithoutRight = defineRule<NoOptions, { decision: string; deciders: string[] }>({
    meta: {
        id: 'decided-without-right',
        severity: 'warning',
        dimension: 'execution',
        summary: 'A `decided ... by P` entry where P cannot carry that decision under the charter.',
        docs: docsPath('decided-without-right')
    },
    check({ report, ...context }) {
        for (const { journal, history } of journalsWithHistory(context)) {
            const decisions = new Map(history.charter.decisions.map(decision => [decision.name, decision]));
            // Indexed rather than for...of: a rule runs once a build, before V8 optimizes it, and an iterator makes an object per entry.
            for (let index = 0; index < journal.entries.length; index++) {
                const entry = journal.entries[index];
                if (entry.kind !== 'decided' || !entry.decision || entry.deciders.length === 0 || !isOwnEntry(journal, entry)) continue;
                const decision = decisions.get(entry.decision.text);
                if (!decision || decision.deciders.length === 0 || entry.deciders.some(ref => !ref.kind)) continue;
                if (!canCarry(decision, entry.deciders)) {
                    const by = entry.deciders.map(ref => ref.text).join(', ');
                    const should = decision.deciders.map(ref => ref.text).join(', ');
                    report({
                        message: `${kindAndName('decision', decision.name, true)} was taken on ${entry.date} by ${by}, but the charter has it decided by ${should}.`,
                        range: { start: entry.deciders[0].range.start, end: entry.deciders.at(-1)!.range.end },
                        element: `${history.charter.name}.${decision.name}`,
                        related: [{ uri: decision.source.uri, range: decision.source.nameRange, message: `Who decides ${nameOf('decision', decision.name)}.` }],
                        data: { decision: decision.name, deciders: decision.deciders.map(ref => ref.text) }
                    });
                }
            }
        }
    },
    fix({ finding }) {
        const deciders = finding.data.deciders.join(', ');
        return deciders ? [{ title: `Record it as decided by ${deciders}`, edits: [{ range: finding.range, newText: deciders }], preferred: true }] : [];
    }
});
