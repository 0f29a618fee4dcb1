import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { journalViewInput, largestGap, latestAssessments, renderJournalViews, JOURNAL_VIEW_IDS } from '@entente/diagrams';
import { healthLayers, latestJudgedReading } from '@entente/language';
import { REPO_ROOT } from '../helpers/cli.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';
import { assertGolden, assertWellFormed, elementIds } from './render-helpers.js';

const services = createTestServices();
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/operations');

/** OPERATIONS.md's charter and journal, as the repository's fixtures hold them. */
function operationsFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of ['acme-globex.charter', 'acme-globex-2026.charter', 'parties/acme.charter']) {
        files[name] = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    }
    return files;
}

/** The journal views' input of AcmeGlobex through the real pipeline: parser, linker, model, history, rules. */
async function operationsInput(extra: Record<string, string> = {}) {
    return (await operationsChecked(extra)).input;
}

/** The same, with the history the rules and the score read. */
async function operationsChecked(extra: Record<string, string> = {}) {
    const checked = await checkWorkspace(services, { ...operationsFiles(), ...extra }, { today: '2026-11-22' });
    const charter = checked['acme-globex.charter'].model.charters[0];
    const history = services.charter.JournalIndex.historyOf(charter);
    const findings = Object.values(checked).flatMap(file => file.findings.map(finding => ({ ruleId: finding.ruleId, uri: finding.uri, line: finding.range.start.line + 1, element: finding.element })));
    return { input: journalViewInput(charter, history, '2026-11-22', findings), history: history! };
}

describe('the journal views from the partnership model', function () {
    this.timeout(30_000);
    afterEach(() => clearDocuments(services));

    it('take every entry of OPERATIONS.md\'s journal to its lane, with its journal line', async () => {
        const input = await operationsInput();
        assert.equal(input.charter, 'AcmeGlobex');
        assert.deepEqual(input.journals, ['AcmeGlobex2026']);
        assert.deepEqual(input.parties, ['Acme', 'Globex']);
        assert.deepEqual(input.bodies.map(body => [body.name, body.seatedParties, body.cadence]), [['SteeringCommittee', ['Acme', 'Globex'], 'quarterly']]);
        assert.deepEqual(input.term, { start: '2026-01-01', end: '2028-12-31' });
        assert.deepEqual(input.events.map(event => `${event.date} ${event.kind} ${event.source.line}`), [
            '2026-01-15 delivery 5', '2026-01-20 meeting 3', '2026-03-02 decision 11', '2026-04-09 delivery 6', '2026-04-22 meeting 4',
            '2026-06-30 review 15', '2026-06-30 assessment 16', '2026-06-30 assessment 17', '2026-07-01 note 18', '2026-07-20 miss 7'
        ]);
        const second = input.events.find(event => event.kind === 'meeting' && event.date === '2026-04-22');
        assert.deepEqual(second && second.kind === 'meeting' ? [second.attendanceRecorded, second.attendees, second.attendingParties] : [],
            [true, ['Acme.AllianceLead', 'Globex.PartnerManager'], ['Acme', 'Globex']]);
        const delivery = input.events.find(event => event.kind === 'delivery');
        assert.deepEqual(delivery && delivery.kind === 'delivery' ? delivery.parties : [], ['Globex'], 'ShareRoadmap is owed by Globex');
        const decision = input.events.find(event => event.kind === 'decision');
        assert.deepEqual(decision && decision.kind === 'decision' ? [decision.decision, decision.what, decision.by, decision.parties] : [], ['PriceList', 'List prices +4% from Q2', ['Acme'], ['Acme']]);
    });

    it('dim with a party\'s view only the metrics that party neither owns nor benefits from', async () => {
        const input = await operationsInput();
        // JointRevenue and DealRegistrationTime are owned by Acme and benefit Globex; PartnerSatisfaction is owned by Globex.
        assert.deepEqual(input.metrics.map(series => [series.metric, series.parties]),
            [['JointRevenue', ['Acme', 'Globex']], ['PartnerSatisfaction', ['Acme', 'Globex']], ['DealRegistrationTime', ['Acme', 'Globex']]]);
        const panels = (svg: string) => [...svg.matchAll(/<g [^>]*data-metric="(\w+)"[^>]*>/g)].map(([tag, metric]) => `${metric}${/class="dim"/.test(tag) ? ' dim' : ''}`);
        assert.deepEqual(panels(renderJournalViews(input, { viewAsParty: 'Globex' }).trends), ['JointRevenue', 'PartnerSatisfaction', 'DealRegistrationTime']);
        const ownedByAcme = { ...input, metrics: input.metrics.map(series => ({ ...series, parties: series.metric === 'PartnerSatisfaction' ? ['Globex'] : series.parties })) };
        assert.deepEqual(panels(renderJournalViews(ownedByAcme, { viewAsParty: 'Acme' }).trends), ['JointRevenue', 'PartnerSatisfaction dim', 'DealRegistrationTime']);
    });

    it('work out the disputes, the readings against their targets and each party\'s assessments', async () => {
        const input = await operationsInput();
        assert.deepEqual(input.disputes.map(d => [d.issue, d.raised.source.line, d.escalated.map(s => s.source.line), d.resolved?.source.line, d.reachedLevel, d.levels, d.timeBoxDays, d.overTime]),
            [['NordicLeads', 12, [13], 14, 2, 3, 15, false]]);
        const revenue = input.metrics.find(metric => metric.metric === 'JointRevenue')!;
        assert.deepEqual(revenue.readings.map(r => [r.date, r.value, r.onTarget]), [['2026-03-31', 1_800_000, false], ['2026-06-30', 2_600_000, false]], 'the target is 10M USD');
        assert.deepEqual(input.assessments.map(a => [a.party, a.scores.trust, a.source.line]), [['Acme', 4, 16], ['Globex', 2, 17]]);
    });

    it('leave a reading in another unit than its target\'s unjudged, as the rules do', async () => {
        const journal = operationsFiles()['acme-globex-2026.charter'].replace('2026-07-01 note', '2026-09-30 measured JointRevenue 12000000 EUR\n    2026-07-01 note');
        const { input, history } = await operationsChecked({ 'acme-globex-2026.charter': journal });
        const revenue = input.metrics.find(metric => metric.metric === 'JointRevenue')!;
        assert.deepEqual(revenue.readings.map(r => [r.value, r.unit, r.onTarget, r.unjudged]), [[1_800_000, 'USD', false, undefined], [2_600_000, 'USD', false, undefined], [12_000_000, 'EUR', undefined, true]]);
        const trends = renderJournalViews(input).trends;
        const panel = trends.slice(trends.indexOf('data-metric="JointRevenue"'), trends.indexOf('data-metric="PartnerSatisfaction"'));
        assert.match(panel, /data-value="12000000" data-state="other-unit"/, 'drawn apart, not as a reading on the axis');
        assert.match(panel, /12M EUR/, 'in its own unit');
        assert.match(panel, />1 reading in another unit</);
        // The latest line is the reading the health check judges: the last in the target's unit.
        assert.equal(latestJudgedReading(history, 'JointRevenue', '2026-11-22')?.value, 2_600_000);
        assert.match(panel, /latest 2\.6M USD \(30 Jun 2026\) · off target/);
        assert.doesNotMatch(panel, />12M</, 'the EUR reading does not stretch the value axis');
        const line = /<polyline class="reading-line" points="([^"]*)"/.exec(panel)![1];
        assert.equal(line.split(' ').length, 2, 'the trend line joins the two USD readings only');
    });

    it('read the journal as of today, as the score does: later readings, assessments, escalations and resolutions are not drawn', async () => {
        const journal = operationsFiles()['acme-globex-2026.charter'].replace('2026-07-01 note', [
            '2026-09-01 raised SupportCosts "Who pays for support" via Disputes',
            '    2027-01-05 measured JointRevenue 12000000 USD',
            '    2027-02-10 resolved SupportCosts "Split"',
            '    2027-03-01 assessed by Globex { trust 5 commitment 5 coordination 5 communication 5 }',
            '    2027-03-02 met SteeringCommittee with Acme.AllianceLead',
            '    2026-07-01 note'
        ].join('\n'));
        const { input, history } = await operationsChecked({ 'acme-globex-2026.charter': journal });
        const views = renderJournalViews(input);
        // Trends: the latest reading up to today, judged as the check judges it.
        const judged = latestJudgedReading(history, 'JointRevenue', '2026-11-22')!;
        assert.deepEqual([judged.entry.date, judged.onTarget], ['2026-06-30', false]);
        assert.match(views.trends, /latest 2\.6M USD \(30 Jun 2026\) · off target/);
        assert.doesNotMatch(views.trends, /data-date="2027-01-05"/);
        // Timeline: the dispute is open at today, as the score counts it; nothing after today is drawn, and that is said.
        const support = input.disputes.find(dispute => dispute.issue === 'SupportCosts')!;
        assert.equal(support.resolved, undefined, 'the history leaves a resolution after today out');
        assert.match(views.timeline, /data-issue="SupportCosts"[^>]*data-state="open"/);
        assert.match(views.timeline, /SupportCosts · level 1 of 3 · open</);
        for (const date of ['2027-01-05', '2027-02-10', '2027-03-01', '2027-03-02']) {
            assert.doesNotMatch(views.timeline, new RegExp(`data-date="${date}"`), `${date} is after today`);
        }
        assert.match(views.timeline, />Not drawn: 3 entries dated after today \(22 Nov 2026\), the last on 2 Mar 2027\.</);
        const execution = healthLayers(null, history).execution;
        const disputes = execution.checks.find(check => check.id === 'execution.disputes-in-time');
        assert.match(JSON.stringify(disputes?.entries), /SupportCosts open 82 days/, 'the score counts the dispute open until today, not to its later resolution');
        assert.match(views.timeline, /open for 82 days/);
        // Radar: each party's latest assessment up to today, and the gap the perceived layer reports.
        const latest = latestAssessments(input);
        assert.deepEqual(latest.map(a => `${a.party} ${a.date}`), ['Acme 2026-06-30', 'Globex 2026-06-30']);
        const perceived = healthLayers(null, history).perceived;
        assert.deepEqual([perceived.gap?.pillar, perceived.gap?.points], [largestGap(latest)?.pillar, largestGap(latest)?.gap]);
        assert.match(views.radar, /Largest gap: 2 on trust \(Acme 4, Globex 2\)/);
        assert.deepEqual(Object.keys(perceived.byParty), ['Acme', 'Globex'], 'Globex\'s June assessment counts while its March one is ahead');
    });

    it('mark the entries a finding is reported on (by file and line)', async () => {
        const checked = await checkWorkspace(services, operationsFiles(), { today: '2026-11-22' });
        const charter = checked['acme-globex.charter'].model.charters[0];
        const history = services.charter.JournalIndex.historyOf(charter)!;
        const uri = checked['acme-globex-2026.charter'].document.uri.toString();
        const input = journalViewInput(charter, history, '2026-11-22', [
            { ruleId: 'future-entry', uri, line: 18 },
            { ruleId: 'perception-gap', uri, line: 17 },
            { ruleId: 'perception-gap', uri, line: 17 },
            { ruleId: 'review-overdue', uri: 'file:///elsewhere.charter', line: 18 },
            { ruleId: 'dispute-over-time', uri, line: 13 },
            { ruleId: 'missed-meeting', uri, line: 2, element: 'AcmeGlobex.SteeringCommittee' },
            { ruleId: 'unreported-metric', uri, line: 2, element: 'AcmeGlobex.JointRevenue' },
            { ruleId: 'perception-gap', uri, line: 2, element: 'AcmeGlobex' }
        ]);
        assert.deepEqual(input.events.filter(event => event.findings).map(event => [event.source.line, event.findings]), [[17, ['perception-gap']], [18, ['future-entry']]]);
        assert.deepEqual(input.assessments.map(a => a.findings), [undefined, ['perception-gap']]);
        assert.deepEqual(input.disputes[0].findings, ['dispute-over-time'], 'a dispute carries the findings of its entries');
        assert.deepEqual(input.bodies.map(body => body.findings), [['missed-meeting']], 'a body\'s lane carries the findings about the body');
        assert.deepEqual(input.metrics.map(metric => [metric.metric, metric.findings]), [['JointRevenue', ['unreported-metric']], ['PartnerSatisfaction', undefined], ['DealRegistrationTime', undefined]]);
        const views = renderJournalViews(input);
        assert.match(views.timeline, /data-element="AcmeGlobex.SteeringCommittee" data-findings="missed-meeting"><title>SteeringCommittee: missed-meeting<\/title>/);
        assert.match(views.trends, /data-metric="JointRevenue" data-panel="" data-findings="unreported-metric"><title>JointRevenue: unreported-metric<\/title>/);
    });

    it('say "no journal" for a charter without one', async () => {
        const checked = await checkWorkspace(services, { 'acme-globex.charter': operationsFiles()['acme-globex.charter'], 'parties/acme.charter': operationsFiles()['parties/acme.charter'] });
        const charter = checked['acme-globex.charter'].model.charters[0];
        const input = journalViewInput(charter, services.charter.JournalIndex.historyOf(charter), '2026-11-22');
        assert.deepEqual([input.journals, input.events, input.disputes, input.assessments], [[], [], [], []]);
        assert.equal(input.metrics.length, charter.metrics.length);
        const views = renderJournalViews(input);
        assert.match(views.timeline, /No journal for AcmeGlobex/);
        assert.match(views.radar, /No assessment yet/);
    });

    it('draw OPERATIONS.md\'s journal exactly as recorded (golden), every entry clickable', async () => {
        const views = renderJournalViews(await operationsInput());
        for (const view of JOURNAL_VIEW_IDS) {
            assertWellFormed(views[view], view);
            assertGolden(path.join(REPO_ROOT, 'test/fixtures/golden/journal/operations', `${view}.svg`), views[view]);
        }
        const drawn = new Set([...elementIds(views.timeline), ...elementIds(views.trends), ...elementIds(views.radar)]);
        for (let line = 3; line <= 18; line++) {
            assert.ok(drawn.has(`AcmeGlobex2026:${line}`), `line ${line} is drawn`);
        }
    });
});
