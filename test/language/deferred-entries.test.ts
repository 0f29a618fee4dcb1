import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isCompositeCstNode, isLeafCstNode, CstUtils, type AstNode, type CompositeCstNode, type CstNode, type Reference } from 'langium';
import { createTestServices, checkWorkspace, clearDocuments } from '../helpers/workspace.js';
import { DeferredCstNode } from '../../packages/language/src/parser/charter-cst.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/operations');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

type Entry = AstNode & { $cstNode: CstNode & { isRead?: boolean } };

/** The places of the entries whose syntax nodes have been made (numbers: a failed comparison of syntax trees would print them whole). */
function readEntries(entries: Entry[]): number[] {
    return entries.flatMap((entry, index) => (entry.$cstNode.isRead ? [index] : []));
}

/**
 * A journal's entries are read without their syntax nodes (docs/architecture.md,
 * "A journal's entries"): a check never reads them again, and anything that asks
 * for their syntax gets the tree a full reading makes.
 */
describe('deferred journal entries', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    async function checkJournal(journal = read('acme-globex-2026.charter')) {
        const checked = await checkWorkspace(services, { 'acme-globex.charter': read('acme-globex.charter'), 'acme.charter': read('parties/acme.charter'), 'journal.charter': journal }, { today: '2026-12-01' });
        const root = checked['journal.charter'].document.parseResult.value as AstNode & { elements: Array<AstNode & { entries: Entry[] }> };
        return { checked, entries: root.elements[0].entries };
    }

    it('a check reads no entry again (nor does an unresolved name), and its findings stand where a full reading puts them', async () => {
        const { checked, entries } = await checkJournal();
        assert.ok(entries.length > 10);
        assert.deepEqual(readEntries(entries), [], 'no entry was read again');
        const findings = checked['journal.charter'].findings;
        assert.ok(findings.length > 0, 'the fixture has findings about its entries');
        const lines = read('acme-globex-2026.charter').split('\n');
        for (const finding of findings) {
            // Each finding's span is on the text of its entry: the line exists and the span is inside it.
            const line = lines[finding.range.start.line];
            assert.ok(line !== undefined && finding.range.end.character <= line.length, `${finding.ruleId} at ${JSON.stringify(finding.range)}`);
        }
    });

    it('an entry asked for its syntax is read again: the same elements, their references given nodes', async () => {
        const { entries } = await checkJournal();
        const raised = entries.find(entry => entry.$type === 'Raised') as Entry & { issue: AstNode; escalation: Reference; decision: Reference };
        const issueNode = raised.issue.$cstNode!;
        const escalationRange = raised.escalation.$refNode === undefined ? undefined : null;
        assert.equal(escalationRange, null, 'asking for a reference node reads its entry');
        assert.ok(raised.$cstNode.isRead);
        assert.ok(raised.issue.$cstNode === issueNode, 'the issue keeps its node, which now has children');
        assert.ok(isCompositeCstNode(issueNode) && issueNode.content.length > 0);
        assert.equal(issueNode.text, 'NordicLeads');
        assert.equal(raised.escalation.$refNode!.text, raised.escalation.$refText);
        assert.ok(raised.escalation.$refNode!.astNode === raised, 'the nodes point to the elements the document keeps');
        assert.equal(raised.escalation.ref?.$type, 'Escalation', 'links are kept');
        // The entries beside it were read in the same pass (whatever walks one entry's nodes walks them all).
        assert.deepEqual(readEntries(entries), entries.map((_, index) => index));
    });

    it('the leaf under a position is found through the deferred entries', async () => {
        const text = read('acme-globex-2026.charter');
        const { checked, entries } = await checkJournal(text);
        const offset = text.indexOf('DealRegistrationTime');
        const root = checked['journal.charter'].document.parseResult.value.$cstNode!;
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        assert.ok(leaf && isLeafCstNode(leaf));
        assert.equal(leaf.text, 'DealRegistrationTime');
        assert.equal(leaf.astNode.$type, 'Measured');
        assert.ok(readEntries(entries).includes(entries.findIndex(entry => entry.$type === 'Measured' && entry.$cstNode.text.includes('DealRegistrationTime'))));
    });

    it('comments inside and between entries stay where a full reading puts them', async () => {
        const journal = 'journal J for AcmeGlobex {\n    // before\n    2026-06-30 assessed by Acme { // opening\n        trust 4 /* mid */ commitment 4\n        coordination 3 communication 4 } // after\n    2026-07-01 note "x"\n}\n';
        const { entries } = await checkJournal(journal);
        const comments = (node: CstNode): string[] => isCompositeCstNode(node) ? node.content.flatMap(comments) : node.hidden ? [node.text] : [];
        assert.deepEqual(comments(entries[0].$cstNode), ['// opening', '/* mid */']);
        const journalNode = entries[0].$container!.$cstNode!;
        assert.deepEqual(comments(journalNode), ['// before', '// opening', '/* mid */', '// after']);
    });
});

/** A deferred node's reading, by itself: its state is where its children are (charter-cst.ts). */
describe('a deferred syntax node', () => {
    const child = (): CstNode => ({ hidden: false }) as unknown as CstNode;

    it('has no children while its part is read, and the grafted ones after; the nodes inside it follow their part', () => {
        const seen: Array<{ content: number; isRead: boolean; innerRead: boolean }> = [];
        let inner: DeferredCstNode | undefined;
        const reader = {
            read(node: DeferredCstNode) {
                seen.push({ content: node.content.length, isRead: node.isRead, innerRead: inner!.isRead });
                const children = [child(), child()];
                node.adopt({ content: children, grammarSource: undefined } as unknown as CompositeCstNode);
                inner!.adopt({ content: [child()], grammarSource: undefined } as unknown as CompositeCstNode);
                seen.push({ content: node.content.length, isRead: node.isRead, innerRead: inner!.isRead });
            }
        };
        const part = new DeferredCstNode(4, 1, 2, reader, undefined);
        part.setEnd(9, 1, 7);
        inner = new DeferredCstNode(6, 1, 4, undefined, part);
        inner.setEnd(8, 1, 6);
        assert.deepEqual([part.isUnread, part.isRead, inner.isUnread, inner.isRead], [true, false, false, false]);
        assert.deepEqual(part.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } });
        assert.equal(inner.content.length, 1, 'asking a node inside a part reads the part');
        assert.deepEqual(seen, [{ content: 0, isRead: false, innerRead: false }, { content: 2, isRead: true, innerRead: true }]);
        assert.deepEqual([part.content.length, part.isUnread, part.isRead, inner.isRead], [2, false, true, true]);
        assert.ok(part.content.every(node => node.container === part));
        assert.equal(seen.length, 2, 'read once');
    });

    it('keeps no children when its reading grafts none, and does not read again; with no reader, it has none', () => {
        let reads = 0;
        const part = new DeferredCstNode(0, 0, 0, { read: () => { reads++; } }, undefined);
        assert.deepEqual([part.content, part.content, part.isRead, part.isUnread, reads], [[], [], true, false, 1]);
        const alone = new DeferredCstNode(0, 0, 0, undefined, undefined);
        assert.deepEqual([alone.isUnread, alone.content, alone.isRead], [true, [], true]);
    });
});
