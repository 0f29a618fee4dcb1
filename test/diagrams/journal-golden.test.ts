import * as path from 'node:path';
import { JOURNAL_VIEW_IDS, renderJournalViews } from '@entente/diagrams';
import { REPO_ROOT } from '../helpers/cli.js';
import { acmeGlobexInput } from './journal-fixture.js';
import { assertGolden } from './render-helpers.js';

const GOLDEN = path.join(REPO_ROOT, 'test/fixtures/golden/journal');

describe('golden SVGs of the journal views (regenerate with UPDATE_GOLDEN=1)', () => {
    it('draw OPERATIONS.md\'s journal exactly as recorded', () => {
        const views = renderJournalViews(acmeGlobexInput());
        for (const view of JOURNAL_VIEW_IDS) {
            assertGolden(path.join(GOLDEN, 'AcmeGlobex', `${view}.svg`), views[view]);
        }
    });
});
