import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { renderViews, type LayoutMemory } from '@entente/diagrams';
import type { CharterModel } from '@entente/language';
import { exampleCharters } from '../helpers/examples.js';
import { sixPartyCharter } from '../helpers/six-parties.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

// Issue #20, point 4: an edit that keeps the map's shape (a decider or a member added, a decision
// added at the end) leaves every node the map had where it was (a box whose text changed its width
// keeps its row and stays centred in its column), when the map is drawn with the layout memory the
// preview keeps; without one, each map is laid out afresh.

const services = createTestServices();

/** Where each node of a governance map is drawn: its box's top left and its width, by element id. */
function positions(svg: string): Map<string, { x: number; y: number; width: number }> {
    return new Map([...svg.matchAll(/<g data-element="([^"]+)"(?: data-kind="(?:body|decision)")?[^>]*><title>[^<]*<\/title><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/g)]
        .map(match => [match[1], { x: Number(match[2]), y: Number(match[3]), width: Number(match[4]) }]));
}

/** The governance map of a file's first charter, and that charter. */
async function mapOf(files: Record<string, string>, name: string, layoutMemory?: LayoutMemory): Promise<{ svg: string; charter: CharterModel }> {
    const charter = (await checkWorkspace(services, files))[name].model.charters[0];
    const svg = (await renderViews({ charter, findings: [], options: { layoutMemory } })).governance;
    await clearDocuments(services);
    return { svg, charter };
}

/** A party of the charter that `text` (a clause) does not name, or else one of their roles it does not name. */
function principalBesides(charter: CharterModel, text: string): string {
    const named = (name: string) => new RegExp(`(^|[\\s,])${name.replace(/\./g, '\\.')}(?=[\\s,]|$)`).test(text);
    const roles = charter.parties.flatMap(party => (charter.partyInfo[party]?.roles ?? []).map(role => role.qualifiedName));
    const principal = [...charter.parties, ...roles].find(candidate => !named(candidate));
    assert.ok(principal, `every party of ${charter.name} and every role is in "${text}"`);
    return principal;
}

/** Edits that keep a map's shape: each names what it does and rewrites the charter's file. */
const EDITS: Array<[string, (text: string, charter: CharterModel) => string]> = [
    ['a decider added to a decision', (text, charter) => text.replace(/decided by ([^\n{}]+)\n/, (clause, deciders: string) => `decided by ${deciders}, ${principalBesides(charter, clause)}\n`)],
    ['a member added to a body', (text, charter) => text.replace(/members ([^\n{}]+)\n/, (clause, members: string) => `members ${members}, ${principalBesides(charter, clause)}\n`)],
    ['a decision added at the end', (text, charter) => text.replace(/\}\s*$/, `    decision StableLayoutAdded "Added" { decided by ${charter.parties[0]} }\n}\n`)]
];

describe('the governance map keeps its layout through an edit that keeps its shape', () => {
    after(() => clearDocuments(services));

    const examples = Object.fromEntries(Object.entries(exampleCharters()).filter(([file]) => !file.startsWith(path.join('examples', 'changes'))));
    const cases: Array<[string, Record<string, string>, string]> = [
        ...Object.keys(examples).filter(file => /^charter /m.test(examples[file])).map((file): [string, Record<string, string>, string] => [file, examples, file]),
        ['a generated six-party charter', { 'six.charter': sixPartyCharter() }, 'six.charter']
    ];
    for (const [what, files, name] of cases) {
        for (const [edit, apply] of EDITS) {
            it(`${what}: ${edit}`, async function () {
                const memory: LayoutMemory = {};
                const before = await mapOf(files, name, memory);
                const edited = apply(files[name], before.charter);
                if (edited === files[name]) {
                    // No such clause in this charter (e.g. no body): nothing to keep.
                    assert.ok(edit !== 'a decision added at the end');
                    return;
                }
                const after = await mapOf({ ...files, [name]: edited }, name, memory);
                assert.notEqual(after.svg, before.svg, 'the edit changed nothing in the map');
                const was = positions(before.svg);
                const now = positions(after.svg);
                assert.ok(was.size > 3);
                // A box that grew or shrank with its text (a body's seats) stays in its row and column, centred in the column as before.
                const moved = [...was].filter(([id, at]) => now.has(id) && (now.get(id)!.y !== at.y || now.get(id)!.x !== at.x && now.get(id)!.width === at.width))
                    .map(([id, at]) => `${id} (${at.x}, ${at.y}) → (${now.get(id)!.x}, ${now.get(id)!.y})`);
                assert.deepEqual(moved, []);
                assert.ok([...was.keys()].every(id => now.has(id)));
            });
        }
    }

    it('without a memory, or with the memory of another charter, lays the map out afresh', async () => {
        const six = { 'six.charter': sixPartyCharter() };
        const fresh = await mapOf(six, 'six.charter');
        const memory: LayoutMemory = {};
        assert.equal((await mapOf(six, 'six.charter', memory)).svg, fresh.svg, 'a first drawing with an empty memory is the fresh layout');
        const reference = Object.keys(examples).find(file => file.endsWith('acme-globex.charter'))!;
        await mapOf(examples, reference, memory);
        assert.equal((await mapOf(six, 'six.charter', memory)).svg, fresh.svg);
    });
});
