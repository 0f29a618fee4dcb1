import { kindAndName } from '../wording.js';
import type { CharterModel, JournalModel, PrincipalRef, Range } from '../model/types.js';
import { journalsWithHistory } from '../journal/rule-helpers.js';
import { extendList } from './fixes/edits.js';
import { defineRule, docsPath, type NoOptions, type Report } from './rule.js';

/**
 * `party`: the outsider; `replacements`, for a mention in a journal: the
 * charter's own principals to name instead (the charter usually stands in
 * another file, which the fix cannot read).
 */
type OutsiderData = { party: string; replacements?: string[] };

export const outsiderReference = defineRule<NoOptions, OutsiderData>({
    meta: {
        id: 'outsider-reference',
        severity: 'error',
        dimension: 'structure',
        summary: 'A charter, or a journal of it, mentions a party, or a role of a party, that is not among the charter\'s `parties`.',
        docs: docsPath('outsider-reference'),
        structural: true
    },
    check({ document, report, ...context }) {
        for (const charter of document.charters) {
            for (const mention of charter.outsiderReferences) {
                report(outsiderReport(charter, mention.party, mention.range));
            }
        }
        // A journal's names resolve as if written in its charter: an attendee, a decider or an assessing party that is
        // not among the charter's parties is the same error as in the charter (docs/journal.md).
        for (const { journal, history } of journalsWithHistory(context)) {
            const charter = history.charter;
            forEachJournalOutsider(journal, charter, (party, written, range, assessment) => {
                const found = outsiderReport(charter, party, range, assessment);
                report({ ...found, data: { party, replacements: ownPrincipalsLike(charter, written) } });
            });
        }
    },
    /**
     * List the party in `parties`, or name one of the charter's own principals
     * instead (for a role, the listed parties' roles of the same name first).
     * In a journal whose charter stands in another file, only the latter.
     */
    fix({ finding, charter, text }) {
        const party = finding.data.party;
        const written = text.getText(finding.range);
        const replacements = finding.data.replacements ?? (charter ? ownPrincipalsLike(charter, written) : []);
        const add = charter
            ? [{ title: `Add ${party} to \`parties\``, edits: [extendList(text, charter.source, charter.partyRefs, 'parties', [party])], preferred: true }]
            : [];
        return [...add, ...replacements.slice(0, 8).map(replacement => ({ title: `Replace ${written} with ${replacement}`, edits: [{ range: finding.range, newText: replacement }], preferred: false }))];
    }
});

function outsiderReport(charter: CharterModel, party: string, range: Range, assessment = false): Report<OutsiderData> {
    const listed = charter.parties.length ? charter.parties.join(', ') : 'none';
    return {
        message: `${party} is not a party to ${kindAndName('charter', charter.name)} (its parties: ${listed})${assessment ? '; its assessment is left out of the perceived score' : ''}.`,
        range,
        element: charter.name,
        data: { party },
        related: charter.partiesClauseRange
            ? [{ uri: charter.uri, range: charter.partiesClauseRange, message: 'The charter\'s parties.' }]
            : undefined
    };
}

/**
 * Calls `action` with each party, or role of a party, that a journal's
 * entries name and the charter does not list: attendees of `met`, deciders of
 * `decided` and the party of `assessed`, as the charter's own clauses are
 * read (a body is the charter's own; a name that resolves to nothing is
 * `unresolved-reference`'s).
 */
function forEachJournalOutsider(journal: JournalModel, charter: CharterModel, action: (party: string, written: string, range: Range, assessment: boolean) => void): void {
    const listed = new Set(charter.parties);
    const mention = (ref: PrincipalRef) => {
        if ((ref.kind === 'party' || ref.kind === 'role') && !listed.has(ref.parties[0])) {
            action(ref.parties[0], ref.text, ref.range, false);
        }
    };
    // Indexed rather than for...of: this runs for every entry of a journal, once a build.
    const entries = journal.entries;
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        if (entry.kind === 'met') {
            const attendees = entry.attendees ?? [];
            for (let at = 0; at < attendees.length; at++) mention(attendees[at]);
        } else if (entry.kind === 'decided') {
            for (let at = 0; at < entry.deciders.length; at++) mention(entry.deciders[at]);
        } else if (entry.kind === 'assessed' && entry.party?.resolved && !listed.has(entry.party.text)) {
            action(entry.party.text, entry.party.text, entry.party.range, true);
        }
    }
}

/** The charter's own parties (for a party written) or their roles, those of the same name first (for a role written). */
function ownPrincipalsLike(charter: CharterModel, written: string): string[] {
    const role = written.includes('.') ? written.slice(written.indexOf('.') + 1).trim() : undefined;
    return role === undefined
        ? [...charter.parties]
        : charter.parties.flatMap(listed => charter.partyInfo[listed]?.roles.map(candidate => candidate.qualifiedName) ?? [])
            .sort((a, b) => Number(b.endsWith(`.${role}`)) - Number(a.endsWith(`.${role}`)));
}
