import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SharedTexts } from '../../packages/language/src/parser/reader-runtime.js';
import { createTestServices, checkWorkspace, clearDocuments } from '../helpers/workspace.js';

describe('the texts a journal shares (SharedTexts)', () => {
    it('gives the text between two offsets, whatever it read before: same texts, other texts, colliding ones, long and quoted ones', () => {
        fc.assert(fc.property(
            fc.array(fc.tuple(fc.string({ unit: fc.constantFrom('a', 'b', 'B', '0', '1', '.', '-', '"', 'é', '𝔄'), maxLength: 40 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 300 }),
            fc.constantFrom(1, 2, 4096),
            (reads, slots) => {
                const shared = new SharedTexts(slots);
                for (const [text, a, b] of reads) {
                    const start = text.length === 0 ? 0 : a % (text.length + 1);
                    const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
                    assert.equal(shared.textOf(text, start, end), text.substring(start, end));
                }
            }
        ), { numRuns: 300 });
    });

    it('keeps a journal\'s names and dates right when thousands of entries repeat them', async () => {
        const services = createTestServices();
        const entries = Array.from({ length: 3_000 }, (_, index) =>
            `    2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')} met ${index % 2 ? 'Board' : 'Team'} with ${index % 3 ? 'A.Lead' : 'B'}`);
        const files = {
            'p.charter': 'party A { role Lead }\nparty B\n',
            'c.charter': 'charter C { parties A, B\n body Board { members A.Lead, B }\n body Team { members A.Lead, B } }\n',
            'j.charter': `journal J for C {\n${entries.join('\n')}\n}\n`
        };
        const { model, findings } = (await checkWorkspace(services, files))['j.charter'];
        clearDocuments(services);
        assert.deepEqual(findings.filter(finding => finding.severity === 'error').map(finding => finding.message), []);
        const met = model.journals![0].entries;
        assert.equal(met.length, 3_000);
        met.forEach((entry, index) => {
            assert.equal(entry.date, `2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`);
            assert.equal(entry.kind === 'met' && entry.body?.text, index % 2 ? 'Board' : 'Team');
            assert.deepEqual(entry.kind === 'met' && entry.attendees?.map(attendee => attendee.text), [index % 3 ? 'A.Lead' : 'B']);
        });
    });
});
