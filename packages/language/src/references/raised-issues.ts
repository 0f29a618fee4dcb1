import type { AstNodeDescription, AstNodeDescriptionProvider, AstReflection, LangiumDocument } from 'langium';
import { Raised, type Entry, type Issue, type Journal } from '../generated/ast.js';

/** The types `isRaised` accepts, to be asked of an entry's type directly: a journal has thousands of entries. */
export function raisedTypesOf(reflection: AstReflection): ReadonlySet<string> {
    return new Set(reflection.getAllSubTypes(Raised.$type));
}

/**
 * Calls `action` with the issue each `raised` entry of the journal declares,
 * in entry order. Indexed: a `for of` in code run once per build (before V8
 * optimises it) makes an iterator result per entry.
 */
export function forEachRaisedIssue(journal: Journal, raisedTypes: ReadonlySet<string>, action: (issue: Issue) => void): void {
    const entries: Entry[] = journal.entries;
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        if (raisedTypes.has(entry.$type)) {
            const issue = (entry as Raised).issue;
            if (issue) {
                action(issue);
            }
        }
    }
}

/** Adds to `into` a description of each issue the journal's `raised` entries name (an issue without its name yet is left out). */
export function describeRaisedIssues(journal: Journal, raisedTypes: ReadonlySet<string>, descriptions: AstNodeDescriptionProvider, document: LangiumDocument, into: AstNodeDescription[]): void {
    forEachRaisedIssue(journal, raisedTypes, issue => {
        if (issue.name) {
            into.push(descriptions.createDescription(issue, issue.name, document));
        }
    });
}
