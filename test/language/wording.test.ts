import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

    it('is the one place the views, the report, the portfolio and the playground make a plural: none is made by hand', () => {
        // A hand-made plural (`n === 1 ? 'file' : 'files'`, `${n} ${word}${n === 1 ? '' : 's'}`) drifts from the others: a word
        // gets the wrong plural (`entrys`) or a count none at all. `days === 1 ? 'tomorrow'` is a different word, not a plural.
        const folders = ['packages/diagrams/src', 'packages/cli/src/portfolio', 'packages/playground/src'];
        const handMade = /([\w.]+) === 1 \? '([^']*)' : (?:'([^']*)'|`)/g;
        const found: string[] = [];
        for (const folder of folders) {
            for (const file of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.ts'))) {
                const source = fs.readFileSync(path.join(folder, file), 'utf8');
                for (const match of source.matchAll(handMade)) {
                    const [, , one, other] = match;
                    if (other === undefined ? /^1 /.test(one) : one === '' || other.startsWith(one) || other.endsWith('s')) {
                        found.push(`${path.join(folder, file)}: ${match[0]}`);
                    }
                }
            }
        }
        assert.deepEqual(found, []);
    });
});
