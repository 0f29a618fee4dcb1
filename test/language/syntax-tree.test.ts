import * as assert from 'node:assert/strict';
import { AstUtils, CstUtils, DefaultLinker, DefaultScopeComputation, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { exampleCharters } from '../helpers/examples.js';
import { clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();
const parse = parseHelper<AstNode>(services);

/** Every example charter, a broken one among them, and charters with comments in awkward places. */
function samples(): Record<string, string> {
    const files = exampleCharters();
    files['comments'] = '// first\nparty A { // after brace\n role R /* inline */ }\n/* before */ charter C { parties A // end\n decision D { decided by A.R } // last\n}\n// trailing';
    files['half-written'] = 'party A { role }\ncharter C { parties A, decision { decided by } body B { members A.';
    return files;
}

function allNodes(node: CstNode, into: CstNode[] = []): CstNode[] {
    into.push(node);
    if (isCompositeCstNode(node)) for (const child of node.content) allNodes(child, into);
    return into;
}

describe('syntax tree and local symbols', () => {
    afterEach(() => clearDocuments(services));

    for (const [name, text] of Object.entries(samples())) {
        it(`links every syntax node to its container, in text order: ${name}`, async () => {
            const document = await parse(text);
            const root = document.parseResult.value.$cstNode!.root;
            const nodes = allNodes(root);
            for (const node of nodes.slice(1)) {
                assert.ok(node.container, `a container for ${node.text}`);
                assert.ok(node.container.content.includes(node));
            }
            const leaves = [...CstUtils.flattenCst(root)];
            for (let i = 1; i < leaves.length; i++) {
                assert.ok(leaves[i - 1].end <= leaves[i].offset, `leaves in order at ${leaves[i].offset}`);
            }
            // Comments are in the tree, each once.
            const comments = leaves.filter(leaf => leaf.hidden && leaf.text.trim().length > 0).map(leaf => leaf.text);
            assert.deepEqual(comments, text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []);
        });

        it(`collects the same local symbols as Langium's full walk: ${name}`, async () => {
            const document: LangiumDocument = await parse(text);
            const ours = await services.references.ScopeComputation.collectLocalSymbols(document);
            const langiums = await new DefaultScopeComputation(services).collectLocalSymbols(document);
            const containers = AstUtils.streamAst(document.parseResult.value).toArray();
            const table = (symbols: typeof ours) => containers.filter(node => symbols.has(node)).flatMap(container => symbols.getStream(container).map(d => `${container.$type}/${d.type}:${d.name}@${d.path}`).toArray()).sort();
            assert.deepEqual(table(ours), table(langiums));
        });

        it(`links the same references in the same order as Langium's linker: ${name}`, async () => {
            const document: LangiumDocument = await parse(text);
            const linked = () => document.references.map(reference => `${reference.$refText}@${reference.$refNode?.offset}→${'ref' in reference ? reference.ref?.$type ?? reference.error?.message : ''}`);
            const ours = linked();
            const langiums = new DefaultLinker(services);
            langiums.unlink(document);
            await langiums.link(document);
            assert.deepEqual(ours, linked());
            assert.ok(!/\bparties\s+\w/.test(text) || ours.length > 0, 'a charter naming its parties has references');
        });
    }
});
