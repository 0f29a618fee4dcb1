import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { LspTestClient } from '../../helpers/lsp-client.js';

const flawed = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/calibration/pharma-codevelopment.flawed.charter'), 'utf8');

describe('hover where a reviewer points: decisions, bodies, parties and roles, over a real LSP connection', function () {
    this.timeout(30_000);
    let client: LspTestClient;
    const uri = 'file:///hover/pharma.charter';

    before(async () => {
        client = new LspTestClient();
        client.settings = { entente: { today: '2026-11-22' } };
        await client.initialize();
        await client.open(uri, flawed);
    });
    after(() => client.dispose());

    /** The hover at the first occurrence of `needle` after `after` (its second character). */
    async function hoverAt(needle: string, after = ''): Promise<string> {
        const offset = flawed.indexOf(needle, after ? flawed.indexOf(after) : 0);
        assert.ok(offset >= 0, needle);
        const before = flawed.slice(0, offset + 1).split('\n');
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: before.length - 1, character: before[before.length - 1].length } });
        return (hover?.contents as MarkupContent | undefined)?.value ?? '';
    }

    it('on a decision: who decides, who controls, who can block, each party\'s say and its escalation', async () => {
        const value = await hoverAt('GoNoGo "Go/no-go');
        assert.match(value, /\*\*decision GoNoGo\*\* — Go\/no-go into Phase III \(reserved matter\)/);
        assert.match(value, /decided by: Helix\.CSO \(consensus\)/);
        assert.match(value, /controls: Helix alone/);
        assert.match(value, /can block: Helix\n/);
        assert.match(value, /say: Helix 100%; Norvana none/);
        assert.match(value, /escalates to: Disputes \(3 levels, at most 60 days, finally executive-decision by Helix alone\)/);
    });

    it('on a joint decision: each party that can block has an equal say', async () => {
        const value = await hoverAt('TrialDesign "Clinical');
        assert.match(value, /can block: Helix and Norvana/);
        assert.match(value, /say: Helix 50%, Norvana 50%/);
    });

    it('on a body: seats and voting power per party', async () => {
        const value = await hoverAt('JointSteeringCommittee "Joint');
        assert.match(value, /\*\*body JointSteeringCommittee\*\* — Joint steering committee/);
        assert.match(value, /votes by majority, meets quarterly; 5 seats/);
        assert.match(value, /\| Helix \| 3 \| 100% \|/);
        assert.match(value, /\| Norvana \| 2 \| 0% \|/);
        assert.match(value, /Helix carries its votes alone\./);
    });

    it('on a role reference: its title and its responsibilities in this charter', async () => {
        const value = await hoverAt('Helix.CSO', 'decision GoNoGo');
        assert.match(value, /\*\*role Helix\.CSO\*\* — Chief Scientific Officer/);
        assert.match(value, /sits on: JointSteeringCommittee and JointDevelopmentCommittee/);
        assert.match(value, /decides: GoNoGo/);
        assert.match(value, /owns: ShareData/);
        assert.match(value, /has the final say in: Disputes/);
    });

    it('on a party reference: its title and what it is told', async () => {
        const value = await hoverAt('Norvana', 'parties Helix, ');
        assert.match(value, /\*\*party Norvana\*\* — Norvana Pharma/);
        assert.match(value, /is informed of: DevelopmentPlan, GoNoGo and Publications/);
    });

    it('on a reference to a body or an escalation: the hover of what it names, as on its declaration', async () => {
        const decidedBy = await hoverAt('JointSteeringCommittee', 'decided by JointSteeringCommittee');
        assert.equal(decidedBy, await hoverAt('JointSteeringCommittee "Joint'));
        assert.match(decidedBy, /\*\*body JointSteeringCommittee\*\*/);
        assert.match(await hoverAt('JointSteeringCommittee', 'level JointSteeringCommittee'), /\*\*body JointSteeringCommittee\*\*/);
        assert.match(await hoverAt('Disputes', 'escalates to Disputes'), /\*\*escalation Disputes\*\*/);
    });

    it('on an objective and a reference to it: the metrics that track it and the commitments that support it', async () => {
        const declared = await hoverAt('PhaseTwo "Phase II');
        assert.match(declared, /\*\*objective PhaseTwo\*\* — Phase II readout by Q4 2027/);
        assert.match(declared, /tracked by: PhaseTwoProgress\n/);
        assert.match(declared, /supported by: RunTrials and ShareData$/);
        assert.equal(await hoverAt('PhaseTwo', 'tracks PhaseTwo'), declared);
        assert.match(await hoverAt('Trust "Both'), /supported by: no commitment/);
    });

    it('on an element whose name is not written yet: its own hover, headed "an unnamed …", and a mention in it its own', async () => {
        // Before, every unnamed element got the hover of the first unnamed decision, headed `**decision **`.
        const unnamed = 'file:///hover/unnamed.charter';
        const text = `party Acme { role Lead }
party Globex { role Lead }
charter Draft {
    parties Acme, Globex
    decision { consults Acme.Lead }
    body { meets quarterly }
    commitment { due 2026-01-01 }
    metric { kind outcome }
}
`;
        await client.open(unnamed, text);
        const lines = text.split('\n');
        const hover = async (line: number, word: string) => {
            const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: unnamed }, position: { line, character: lines[line].indexOf(word) + 1 } });
            return ((result?.contents as MarkupContent | undefined)?.value ?? '').split('\n')[0];
        };
        assert.equal(await hover(4, 'decision'), '**an unnamed decision**');
        assert.equal(await hover(5, 'body'), '**an unnamed body**');
        assert.equal(await hover(6, 'commitment'), '**an unnamed commitment**');
        assert.equal(await hover(7, 'metric'), '**an unnamed metric** (outcome)');
        assert.equal(await hover(4, 'Lead'), '**role Acme.Lead**', 'a role mentioned in it');
    });
});
