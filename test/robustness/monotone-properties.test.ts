import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIMENSION_IDS, sayTotals, type CharterHealth, type CharterModel, type Range } from '@entente/language';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';
import { workspaceArbitrary } from './charter-arbitrary.js';
import { PROPERTY_RUNS } from './properties.test.js';

/**
 * The health score is monotone (docs/health.md, "Monotone"), proven over generated charters: an edit
 * that fixes something never lowers any dimension or the overall score, and an edit that makes the
 * charter worse never raises any. `npm run fuzz` runs it with 2,000 inputs and a fresh seed.
 */
const services = createTestServices();
const SEED = Number(process.env.ENTENTE_FUZZ_SEED ?? 20261122);
const FILE = 'charter-0.charter';

interface Edit {
    what: string;
    text: string;
}

type EditMaker = (charter: CharterModel, text: string, pick: number) => Edit | undefined;

function offsets(text: string) {
    const document = TextDocument.create('file:///x.charter', 'charter', 1, text);
    return (position: Range['start']) => document.offsetAt(position);
}

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);
const choose = <T>(items: T[], pick: number): T | undefined => (items.length ? items[pick % items.length] : undefined);

/** Edits that fix something: naming a missing decider, owner, final step or time box, adding a complete metric, making a one-sided final say neutral. */
const IMPROVING: Record<string, EditMaker> = {
    'a decider for an undecided decision': (charter, text, pick) => {
        const decision = choose(charter.decisions.filter(d => d.deciders.length === 0 && d.source.blockEndOffset !== undefined), pick);
        const party = choose(charter.parties, pick);
        return decision && party ? { what: `${decision.name} decided by ${party}`, text: splice(text, decision.source.blockEndOffset!, decision.source.blockEndOffset!, ` decided by ${party} `) } : undefined;
    },
    'an owner for an unowned commitment': (charter, text, pick) => {
        const commitment = choose(charter.commitments.filter(c => !c.owner && c.source.blockEndOffset !== undefined), pick);
        const party = choose(charter.parties, pick + 1);
        return commitment && party ? { what: `${commitment.name} owned by ${party}`, text: splice(text, commitment.source.blockEndOffset!, commitment.source.blockEndOffset!, ` owner ${party} `) } : undefined;
    },
    'a final step for an escalation that has none': (charter, text, pick) => {
        const escalation = choose(charter.escalations.filter(e => !e.finalStep && e.source.blockEndOffset !== undefined), pick);
        return escalation ? { what: `${escalation.name} finally arbitration`, text: splice(text, escalation.source.blockEndOffset!, escalation.source.blockEndOffset!, ' finally arbitration ') } : undefined;
    },
    'a time box for an untimed level': (charter, text, pick) => {
        const level = choose(charter.escalations.flatMap(e => e.levels.filter(l => !l.within && l.principals.length > 0).map(l => ({ e, l }))), pick);
        if (!level) {
            return undefined;
        }
        const end = offsets(text)(level.l.principals[level.l.principals.length - 1].range.end);
        return { what: `${level.e.name} level ${level.l.index + 1} within 5 days`, text: splice(text, end, end, ' within 5 days') };
    },
    'a complete metric': (charter, text, pick) => {
        const owner = choose(charter.parties, pick);
        if (!owner || charter.source.blockEndOffset === undefined) {
            return undefined;
        }
        const tracks = charter.objectives.filter(o => o.name).map(o => o.name);
        const metric = `\n    metric ExtraMetric { kind relationship owner ${owner} target >= 4 of 5 cadence quarterly benefits ${charter.parties.join(', ')}${tracks.length ? ` tracks ${tracks.join(', ')}` : ''} }\n`;
        return { what: 'a complete metric', text: splice(text, charter.source.blockEndOffset, charter.source.blockEndOffset, metric) };
    },
    'a one-sided final say made neutral': (charter, text, pick) => {
        const escalation = choose(charter.escalations.filter(e => e.finalStep?.oneSided), pick);
        if (!escalation) {
            return undefined;
        }
        const at = offsets(text);
        return { what: `${escalation.name} finally arbitration`, text: splice(text, at(escalation.finalStep!.range.start), at(escalation.finalStep!.range.end), 'finally arbitration') };
    }
};

/** Edits that make the charter worse: an owner removed, a level made one-sided, a joint decision made the dominant party's alone. */
const WORSENING: Record<string, EditMaker> = {
    'an owner removed': (charter, text, pick) => {
        const commitment = choose(charter.commitments.filter(c => c.owner?.kind), pick);
        if (!commitment) {
            return undefined;
        }
        const at = offsets(text);
        const end = at(commitment.owner!.range.end);
        const start = text.lastIndexOf('owner', at(commitment.owner!.range.start));
        return { what: `${commitment.name} loses its owner`, text: splice(text, start, end, '') };
    },
    'a level made one-sided': (charter, text, pick) => {
        const level = choose(charter.escalations.flatMap(e => e.levels.filter(l => l.parties.length >= 2)), pick);
        const party = level && choose(level.parties.filter(p => charter.parties.includes(p)), pick);
        if (!level || !party) {
            return undefined;
        }
        const at = offsets(text);
        return { what: `level ${level.index + 1} seats only ${party}`, text: splice(text, at(level.principals[0].range.start), at(level.principals[level.principals.length - 1].range.end), party) };
    },
    // A joint decision that an escalation covers becomes the party's alone that has the most say among those
    // sharing it. (Taking an uncovered joint decision out of the deadlock risk is a real gain in conflict management,
    // giving the party with the least say a decision of its own a real gain in balance, and handing a decision to a
    // party that had no part in it brings that party in: none is a worsening edit.)
    'one more unilateral decision for the party with the most say': (charter, text, pick) => {
        const totals = sayTotals(charter);
        const decision = choose(charter.decisions.filter(d => Object.keys(d.sayByParty).length >= 2 && d.coveringEscalation && d.deciders.length > 0), pick);
        const sharing = decision ? Object.keys(decision.sayByParty) : [];
        const most = Math.max(...sharing.map(p => totals.byParty[p] ?? 0));
        const dominant = sharing.find(p => (totals.byParty[p] ?? 0) === most);
        if (!decision || !dominant) {
            return undefined;
        }
        const at = offsets(text);
        return { what: `${decision.name} decided by ${dominant} alone`, text: splice(text, at(decision.deciders[0].range.start), at(decision.deciders[decision.deciders.length - 1].range.end), dominant) };
    }
};

async function healthOf(files: Record<string, string>): Promise<{ health: CharterHealth | undefined; charter: CharterModel | undefined }> {
    try {
        const checked = (await checkWorkspace(services, files))[FILE];
        const charter = checked.model.charters[0];
        return { charter, health: charter ? services.charter.HealthScorer.score(checked.document, checked.findings)[0] : undefined };
    } finally {
        await clearDocuments(services);
    }
}

function scores(health: CharterHealth): Array<[string, number | null]> {
    return [['overall', health.score], ...DIMENSION_IDS.map(id => [id, health.dimensions[id].score] as [string, number | null])];
}

/** Edits applied per kind, so the tests can show the property was exercised, not vacuously true. */
const applied = new Map<string, number>();

function monotone(makers: Record<string, EditMaker>, direction: 'never lower' | 'never raise') {
    return fc.asyncProperty(workspaceArbitrary, fc.constantFrom(...Object.keys(makers)), fc.nat(), async (files, kind, pick) => {
        const before = await healthOf(files);
        if (!before.charter || !before.health) {
            return;
        }
        const edit = makers[kind](before.charter, files[FILE], pick);
        if (!edit) {
            return;
        }
        applied.set(kind, (applied.get(kind) ?? 0) + 1);
        const after = await healthOf({ ...files, [FILE]: edit.text });
        assert.ok(after.health, `${edit.what}: the charter is still there`);
        const was = Object.fromEntries(scores(before.health));
        for (const [id, now] of scores(after.health)) {
            const old = was[id];
            if (old === null) {
                continue;
            }
            assert.ok(now !== null, `${kind} (${edit.what}): ${id} ${old} → not measured`);
            assert.ok(direction === 'never lower' ? now >= old : now <= old, `${kind} (${edit.what}): ${id} ${old} → ${now}\n${edit.text}`);
        }
    });
}

describe('the health score is monotone over generated charters', function () {
    this.timeout(600_000);

    it('an improving edit (a missing decider, owner, final step, time box or metric added; a one-sided final say made neutral) never lowers any score', async () => {
        await fc.assert(monotone(IMPROVING, 'never lower'), { numRuns: PROPERTY_RUNS, seed: SEED });
        assert.ok(Object.keys(IMPROVING).filter(kind => applied.get(kind)).length >= 3, `edits applied: ${JSON.stringify([...applied])}`);
    });

    it('a worsening edit (an owner removed, a level made one-sided, one more unilateral decision) never raises any score', async () => {
        await fc.assert(monotone(WORSENING, 'never raise'), { numRuns: PROPERTY_RUNS, seed: SEED });
        assert.ok(Object.keys(WORSENING).filter(kind => applied.get(kind)).length >= 2, `edits applied: ${JSON.stringify([...applied])}`);
    });
});
