import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderViews } from '@entente/diagrams';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

// Issue #20, point 4 (in part): an edit that does not change the map's shape (one decider added) keeps
// every node where it was relative to the others: the same order in each column, the same columns.
// Still open: in the broken example and a six-party charter ELK reorders a layer's nodes after such an
// edit despite forceNodeModelOrder; those need the previous layout reused.

const services = createTestServices();
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8');
const PARTIES = { 'orbit.charter': read('parties/orbit.charter'), 'kestrel.charter': read('parties/kestrel.charter') };

/** The map's nodes, column by column (left to right), each column top to bottom. */
async function columns(files: Record<string, string>, name: string): Promise<string[][]> {
    const checked = (await checkWorkspace(services, files))[name];
    const charter = checked.model.charters[0];
    const svg = (await renderViews({ charter, findings: [] })).governance;
    await clearDocuments(services);
    const nodes = [...svg.matchAll(/<g data-element="([^"]+)"(?: data-kind="(?:body|decision)")?[^>]*><title>[^<]*<\/title><rect x="([\d.]+)" y="([\d.]+)"/g)]
        .map(match => ({ id: match[1], x: Number(match[2]), y: Number(match[3]) }));
    // A column: nodes whose left edges lie within 40 px of the previous one's (ELK aligns a layer's nodes loosely).
    const sorted = [...nodes].sort((a, b) => a.x - b.x);
    const result: Array<Array<{ id: string; x: number; y: number }>> = [];
    for (const node of sorted) {
        const last = result[result.length - 1];
        if (last && node.x - last[last.length - 1].x <= 40) {
            last.push(node);
        } else {
            result.push([node]);
        }
    }
    return result.map(column => column.sort((a, b) => a.y - b.y).map(node => node.id));
}

describe('the governance map keeps its layout through an edit that keeps its shape', () => {
    after(() => clearDocuments(services));

    const cases: Array<[string, Record<string, string>, string, (text: string) => string]> = [
        ['the fixed example, a decider added', { ...PARTIES, 'c.charter': read('fixed/orbit-kestrel.charter') }, 'c.charter',
            text => text.replace(/decided by ([A-Za-z.]+)\n/, 'decided by $1, Orbit.CFO\n')],
    ];
    for (const [what, files, name, edit] of cases) {
        it(what, async () => {
            const before = await columns(files, name);
            const edited = edit(files[name]);
            assert.notEqual(edited, files[name]);
            const after = await columns({ ...files, [name]: edited }, name);
            assert.deepEqual(after, before);
        });
    }
});
