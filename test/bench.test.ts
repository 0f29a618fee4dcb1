import * as assert from 'node:assert/strict';
import { charterAsYaml, charterOfLines, charterWith, journalOfEntries, partyFile } from '../bench/generate.js';
import { checkWorkspace, clearDocuments, createTestServices } from './helpers/workspace.js';

const services = createTestServices();

describe('the bench generators', () => {
    afterEach(() => clearDocuments(services));

    it('write charters of the asked length that parse, link and check without error', async () => {
        const text = charterOfLines('Gen', 1_000);
        assert.ok(Math.abs(text.split('\n').length - 1_000) < 40, `${text.split('\n').length} lines`);
        const { findings } = (await checkWorkspace(services, { 'p.charter': partyFile(3), 'g.charter': text }))['g.charter'];
        assert.deepEqual(findings.filter(f => f.severity === 'error').map(f => f.message), []);
    });

    it('write journals whose every entry counts: names resolve, disputes are raised before they are resolved', async () => {
        const files = { 'p.charter': partyFile(3), 'c.charter': charterOfLines('Gen', 2_000), 'j.charter': journalOfEntries('GenJournal', 'Gen', 1_000, 56) };
        const { findings } = (await checkWorkspace(services, files, { today: '2026-12-31' }))['j.charter'];
        assert.deepEqual(findings.filter(f => f.severity === 'error' || f.ruleId === 'inconsistent-dispute' || f.ruleId === 'future-entry').map(f => f.message), []);
    });

    it('write the scale edges as valid charters', async () => {
        const chain = charterWith({ parties: 2, chainedBodies: 50, decisions: 10, bodyOfAllParties: true });
        const { findings, model } = (await checkWorkspace(services, { 'p.charter': chain.parties, 'c.charter': chain.charter }))['c.charter'];
        assert.deepEqual(findings.filter(f => f.severity === 'error').map(f => f.message), []);
        assert.deepEqual(model.charters[0].decisions.find(d => d.name === 'Top')!.blockingParties, ['P0', 'P1']);
    });

    it('write the same charter as YAML', () => {
        assert.match(charterAsYaml('Gen', 1_000), /^decisions:\n {2}- name: D0\n {4}decidedBy: B0$/m);
    });
});
