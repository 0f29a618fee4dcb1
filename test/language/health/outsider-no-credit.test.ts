import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIMENSION_IDS, type CharterHealth } from '@entente/language';
import { REPO_ROOT } from '../../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../../helpers/workspace.js';

// Issue #20, point 2: accepting a completion that names a party outside the charter (an
// `outsider-reference` error), or a name declared nowhere, must never raise a score: the
// decision does not "have a decider", the commitment no "owner", the body no "members".

const services = createTestServices();
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8');
const FILES = {
    'orbit.charter': read('parties/orbit.charter'),
    'kestrel.charter': read('parties/kestrel.charter'),
    'acme.charter': 'party Acme "Acme, a party of another charter" {\n    role Lead "Alliance lead"\n}\n'
};
const BROKEN = read('broken/orbit-kestrel.charter');

async function health(text: string): Promise<{ health: CharterHealth; rules: string[] }> {
    const checked = (await checkWorkspace(services, { ...FILES, 'charter.charter': text }))['charter.charter'];
    const result = { health: services.charter.HealthScorer.score(checked.document, checked.findings)[0], rules: checked.findings.map(f => f.ruleId) };
    await clearDocuments(services);
    return result;
}

/** Each clause the completion after a keyword fills, written with a principal the charter may not name. */
const EDITS: Array<[string, (principal: string) => string]> = [
    ['a decider of an undecided decision', p => BROKEN.replace('consults Orbit.PartnerLead', `consults Orbit.PartnerLead\n        decided by ${p}`)],
    ['a second decider of a one-sided decision', p => BROKEN.replace('decided by Orbit\n', `decided by Orbit, ${p}\n`)],
    ['the owner of an unowned commitment', p => BROKEN.replace('to Orbit\n        due 2025-01-31', `owner ${p}\n        to Orbit\n        due 2025-01-31`)],
    ['a member of an empty body', p => BROKEN.replace('body Finance "Finance committee" {}', `body Finance "Finance committee" {\n        members ${p}\n    }`)],
    ['the owner of a metric', p => BROKEN.replace('kind outcome', `kind outcome\n        owner ${p}`)],
    ['a beneficiary of a commitment owed to no one', p => BROKEN.replace('owner Orbit.CTO\n        due 2025-03-31', `owner Orbit.CTO\n        to ${p}\n        due 2025-03-31`)],
    ['a beneficiary of a metric', p => BROKEN.replace('benefits Orbit\n', `benefits Orbit, ${p}\n`)],
    ['a level of an escalation', p => BROKEN.replace('level Orbit.PartnerLead\n', `level Orbit.PartnerLead, ${p}\n`)]
];

describe('a principal the charter may not name earns no score', function () {
    this.timeout(120_000);

    for (const [clause, edit] of EDITS) {
        for (const principal of ['Acme', 'Acme.Lead', 'Nobody']) {
            it(`${clause}: ${principal}`, async () => {
                const before = (await health(BROKEN)).health;
                const after = await health(edit(principal));
                assert.ok(after.rules.includes(principal === 'Nobody' ? 'unresolved-reference' : 'outsider-reference'), after.rules.join(', '));
                assert.ok((after.health.score ?? 0) <= (before.score ?? 0), `overall ${before.score} → ${after.health.score}`);
                for (const id of DIMENSION_IDS) {
                    const [was, now] = [before.dimensions[id].score, after.health.dimensions[id].score];
                    assert.ok(now === null || was === null || now <= was, `${id} ${was} → ${now}`);
                }
            });
        }
    }
});
