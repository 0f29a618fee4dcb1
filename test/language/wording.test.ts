import * as assert from 'node:assert/strict';
import { count, plural, pluralOf } from '@entente/language';

describe('the wording of counts (wording.ts)', () => {
    it('makes the plural of a noun, the same each time it is asked', () => {
        for (let round = 0; round < 2; round++) {
            assert.equal(pluralOf('decision'), 'decisions');
            assert.equal(pluralOf('body'), 'bodies');
            assert.equal(pluralOf('day'), 'days');
            assert.equal(pluralOf('escalation path'), 'escalation paths');
            assert.equal(pluralOf('match'), 'matches');
            assert.equal(pluralOf('this'), 'these');
        }
    });

    it('takes a word that names a property of every object for a word (`constructor`, `toString`)', () => {
        assert.equal(pluralOf('constructor'), 'constructors');
        assert.equal(pluralOf('toString'), 'toStrings');
        assert.equal(count(2, 'constructor'), '2 constructors');
    });

    it('counts with the singular for one, the plural otherwise, or the plural it is given', () => {
        assert.equal(count(1, 'level'), '1 level');
        assert.equal(count(0, 'body'), '0 bodies');
        assert.equal(count(3, 'day'), '3 days');
        assert.equal(plural(2, 'person', 'people'), 'people');
        assert.equal(plural(1, 'person', 'people'), 'person');
    });
});
