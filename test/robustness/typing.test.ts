import * as assert from 'node:assert/strict';
import type { AstNode } from 'langium';
import { exampleCharters } from '../helpers/examples.js';
import { createTestServices } from '../helpers/workspace.js';

const services = createTestServices();

/** What a parse holds, by name: the top-level elements, the charters' clauses that have names, and the journals' entries. */
function elementsOf(text: string): string[] {
    const root = services.parser.LangiumParser.parse(text).value as AstNode & { elements?: Array<Record<string, unknown>> };
    const names: string[] = [];
    for (const element of root.elements ?? []) {
        names.push(`${element.$type} ${element.name}`);
        for (const list of ['roles', 'objectives', 'bodies', 'decisions', 'escalations', 'commitments', 'metrics']) {
            for (const child of (element[list] ?? []) as Array<{ name?: string }>) names.push(`${list} ${child.name}`);
        }
        for (const entry of (element.entries ?? []) as Array<{ date?: string; $type: string }>) names.push(`entry ${entry.date} ${entry.$type}`);
    }
    return names;
}

/**
 * Someone typing a line in the middle of a file, one character at a time:
 * at each keystroke the parser must still read every element the file has
 * without that line (the preview, the findings and the health of the rest
 * of the file stay as they are). Texts in quotes are typed too, as an
 * editor that does not close a quote as it is opened types them: a text
 * ends on its line, so a quote left open costs only the rest of its line.
 */
describe('typing a line in the middle of a file', function () {
    this.timeout(120_000);
    const files = Object.entries(exampleCharters()).filter(([name]) =>
        ['examples/reference/acme-globex.charter', 'examples/co-development/helix-nimbus.charter', 'examples/broken/journals/orbit-kestrel-pilot-2025.charter'].includes(name));

    it('covers a charter, a charter with every kind of clause, and a journal', () => {
        assert.equal(files.length, 3);
    });

    for (const [name, text] of files) {
        it(`loses nothing else at any keystroke: ${name}`, () => {
            const lines = text.split('\n');
            const lost: string[] = [];
            for (let index = 0; index < lines.length; index++) {
                const line = lines[index];
                if (!line.trim() || /^\s*(\/\/|\/\*|\*|\{|\})/.test(line)) continue;
                const before = lines.slice(0, index);
                const after = lines.slice(index + 1);
                const expected = elementsOf([...before, ...after].join('\n'));
                const indent = line.length - line.trimStart().length;
                for (let length = indent + 1; length < line.length; length++) {
                    const typed = elementsOf([...before, line.slice(0, length), ...after].join('\n'));
                    const missing = expected.filter(element => !typed.includes(element));
                    if (missing.length > 0) lost.push(`line ${index + 1}, ${JSON.stringify(line.slice(indent, length))}: ${missing.join(', ')}`);
                }
            }
            assert.deepEqual(lost, []);
        });
    }
});
