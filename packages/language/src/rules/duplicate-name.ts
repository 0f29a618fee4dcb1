import { kindAndName } from '../wording.js';
import { ISSUE_SCOPE, type Range } from '../model/types.js';
import type { CharterHistory } from '../journal/history.js';
import { journalsWithHistory } from '../journal/rule-helpers.js';
import type { RelatedLocation } from './rule.js';
import { defineRule, docsPath } from './rule.js';

/**
 * Related locations listed on one finding. A name declared thousands of times
 * must not give every declaration a list of all the others (quadratic in
 * memory: 5,000 `party P {}` lines once made 25 million related locations).
 */
export const MAX_RELATED_DUPLICATES = 3;

interface Declaration { uri: string; range: Range; kind: string }

export const duplicateName = defineRule({
    meta: {
        id: 'duplicate-name',
        severity: 'error',
        dimension: 'structure',
        summary: 'Two elements share a name in one scope: parties and charters across the workspace, roles within their party, issues within the charter\'s journals, and everything else within its charter; and a body is named like one of its charter\'s parties.',
        docs: docsPath('duplicate-name'),
        structural: true
    },
    check({ document, workspace, report, ...context }) {
        // Declarations grouped once by scope and name: linear in the number of names, whatever the clashes.
        const byScope = new Map<string, Declaration[]>();
        // Each name's group, by its place in `document.names`: found again without making its key a second time.
        const groupOf: Array<Declaration[] | undefined> = [];
        for (const named of document.names) {
            // Workspace names are looked up in the workspace; issues in all the charter's journals (below).
            if (named.scope === 'workspace' || named.scope.startsWith(ISSUE_SCOPE)) {
                groupOf.push(undefined);
                continue;
            }
            const key = `${named.scope}\u0000${named.name}`;
            let group = byScope.get(key);
            if (!group) {
                byScope.set(key, (group = []));
            }
            group.push({ uri: named.source.uri, range: named.source.nameRange, kind: named.kind });
            groupOf.push(group);
        }
        // Each workspace-wide group with the keys of its declarations, made once per name.
        const workspaceGroups = new Map<string, { all: Declaration[]; keys: Set<string> }>();
        const workspaceGroup = (name: string) => {
            let group = workspaceGroups.get(name);
            if (!group) {
                const all = workspace.topLevel(name);
                group = { all, keys: new Set(all.map(declaration => keyOf(declaration.uri, declaration.range))) };
                workspaceGroups.set(name, group);
            }
            return group;
        };
        document.names.forEach((named, index) => {
            if (named.scope === 'workspace') {
                const self = keyOf(named.source.uri, named.source.nameRange);
                const { all, keys } = workspaceGroup(named.name);
                const others = all.length - (keys.has(self) ? 1 : 0);
                if (others > 0) {
                    report({
                        message: `The name '${named.name}' is declared ${others + 1} times in the workspace${more(others)}.`,
                        range: named.source.nameRange,
                        element: named.name,
                        related: firstOthers(all, self, named.name)
                    });
                }
                return;
            }
            // A name's own key is made only when it clashes (a 10k-line charter declares thousands of names, each once).
            const same = groupOf[index];
            if (same === undefined) {
                return;
            }
            if (same.length > 1) {
                const self = keyOf(named.source.uri, named.source.nameRange);
                const where = named.scope.startsWith('party:') ? `party ${named.scope.slice(6)}` : `charter ${named.scope.slice(8)}`;
                report({
                    message: `The name '${named.name}' is used ${same.length} times in ${where}${more(same.length - 1)}.`,
                    range: named.source.nameRange,
                    element: `${named.scope.split(':')[1]}.${named.name}`,
                    related: firstOthers(same, self, named.name)
                });
            }
        });
        // A body named like one of its charter's parties: `decided by Acme`, `members Acme` or `informs Acme` cannot say which it means
        // (the body's name wins), and a rename of one silently moves the other's references.
        for (const charter of document.charters) {
            if (charter.bodies.length === 0 || charter.parties.length === 0) continue;
            const parties = new Set(charter.parties);
            for (const body of charter.bodies) {
                if (!parties.has(body.name)) continue;
                report({
                    message: `${kindAndName('body', body.name, true)} has the name of party ${body.name} of ${kindAndName('charter', charter.name)}: where the charter names ${body.name}, it means the body, not the party.`,
                    range: body.source.nameRange,
                    element: `${charter.name}.${body.name}`,
                    related: workspace.topLevel(body.name).filter(declaration => declaration.kind === 'party').slice(0, MAX_RELATED_DUPLICATES)
                        .map(party => ({ uri: party.uri, range: party.range, message: `Party '${body.name}'.` }))
                });
            }
        }
        // An issue is raised once in all the charter's journals, whatever their file: `escalated` and `resolved` name it.
        for (const { journal, history } of journalsWithHistory(context)) {
            const raises = issueRaises(history);
            const entries = journal.entries;
            for (let index = 0; index < entries.length; index++) {
                const entry = entries[index];
                if (entry.kind !== 'raised' || !entry.issue) continue;
                const same = raises.get(entry.issue.text);
                if (same === undefined || same.length < 2) continue;
                const name = entry.issue.text;
                const range = entry.issue.range;
                report({
                    message: `The issue '${name}' is raised ${same.length} times in the journals of ${kindAndName('charter', history.charter.name)}${more(same.length - 1)}.`,
                    range,
                    element: `${history.charter.name}.${name}`,
                    related: firstOthers(same, keyOf(entry.uri, range), name)
                });
            }
        }
    }
});

/** Each charter history's raises by issue name, in its journals' order: found once for all the charter's documents. */
const raisesOfHistory = new WeakMap<CharterHistory, Map<string, Declaration[]>>();

/**
 * Where each issue of the charter's journals is raised. A declaration's span
 * is worked out when a clash reads it: each raise's span is read from its
 * entry's syntax, and a name raised once (almost every one) needs none.
 */
function issueRaises(history: CharterHistory): Map<string, Declaration[]> {
    let raises = raisesOfHistory.get(history);
    if (raises === undefined) {
        raises = new Map();
        for (const journal of history.journals) {
            const entries = journal.entries;
            for (let index = 0; index < entries.length; index++) {
                const entry = entries[index];
                if (entry.kind !== 'raised' || !entry.issue) continue;
                const declaration = new IssueDeclaration(entry.uri, entry.issue);
                const same = raises.get(entry.issue.text);
                if (same) same.push(declaration);
                else raises.set(entry.issue.text, [declaration]);
            }
        }
        raisesOfHistory.set(history, raises);
    }
    return raises;
}

/** A raise of an issue, as a declaration whose span is its issue's, when asked. */
class IssueDeclaration implements Declaration {
    readonly kind = 'issue';
    constructor(readonly uri: string, private readonly issue: { readonly range: Range }) {}

    get range(): Range {
        return this.issue.range;
    }
}

function keyOf(uri: string, range: Range): string {
    return `${uri}\u0000${range.start.line}:${range.start.character}`;
}

/** Up to MAX_RELATED_DUPLICATES declarations other than this one, in order. */
function firstOthers(all: Declaration[], self: string, name: string): RelatedLocation[] {
    const related: RelatedLocation[] = [];
    for (const other of all) {
        if (related.length === MAX_RELATED_DUPLICATES) {
            break;
        }
        if (keyOf(other.uri, other.range) !== self) {
            related.push({ uri: other.uri, range: other.range, message: `Another ${other.kind} named '${name}'.` });
        }
    }
    return related;
}

/** Says how many others are not listed, when some are not. */
function more(others: number): string {
    return others > MAX_RELATED_DUPLICATES ? ` (the first ${MAX_RELATED_DUPLICATES} others are listed)` : '';
}
