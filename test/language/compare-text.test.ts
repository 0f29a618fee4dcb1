import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareText } from '@entente/language';

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const english = (a: string, b: string) => a.localeCompare(b, 'en');

describe('compareText', () => {
    it('orders every printable ASCII character and pair of them as English collation does', () => {
        const texts = [...PRINTABLE, ...PRINTABLE.flatMap(a => PRINTABLE.map(b => a + b))];
        assert.deepEqual([...texts].sort(compareText), [...texts].sort(english));
    });

    it('agrees with English collation on names, paths and rule ids, and on any text', () => {
        const nameLike = fc.string({ unit: fc.constantFrom(...'aAbBzZ09_-./ '), maxLength: 8 });
        fc.assert(fc.property(nameLike, nameLike, (a, b) => Math.sign(compareText(a, b)) === Math.sign(english(a, b))), { numRuns: 5000, seed: 20261123 });
        fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }), (a, b) => Math.sign(compareText(a, b)) === Math.sign(english(a, b))), { numRuns: 2000, seed: 20261123 });
    });

    it('puts lower case first only where the texts differ in nothing else', () => {
        assert.deepEqual(['b', 'B', 'a', 'A', 'Ab', 'ab', 'aB', '_a', 'a-b', 'a b', 'a1'].sort(compareText), ['_a', 'a', 'A', 'a b', 'a-b', 'a1', 'ab', 'aB', 'Ab', 'b', 'B']);
    });
});
