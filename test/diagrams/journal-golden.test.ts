import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JOURNAL_VIEW_IDS, renderJournalViews } from '@entente/diagrams';
import { REPO_ROOT } from '../helpers/cli.js';
import { acmeGlobexInput } from './journal-fixture.js';

const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden/journal');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Compares a drawing with its recorded file (or records it with UPDATE_GOLDEN=1). */
export function assertGolden(file: string, svg: string): void {
    if (UPDATE) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, svg);
    }
    assert.ok(fs.existsSync(file), `${path.relative(REPO_ROOT, file)} exists (run with UPDATE_GOLDEN=1)`);
    assert.equal(svg, fs.readFileSync(file, 'utf8'), `${path.relative(REPO_ROOT, file)} differs from the recorded one`);
}

describe('golden SVGs of the journal views (regenerate with UPDATE_GOLDEN=1)', () => {
    it('draw OPERATIONS.md\'s journal exactly as recorded', () => {
        const views = renderJournalViews(acmeGlobexInput());
        for (const view of JOURNAL_VIEW_IDS) {
            assertGolden(path.join(GOLDEN, 'AcmeGlobex', `${view}.svg`), views[view]);
        }
    });
});
