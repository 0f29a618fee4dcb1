import { describeRule } from '../../helpers/rule-cases.js';
import { journalCase } from '../../helpers/journal-cases.js';

/** Acme owes a monthly report beside the shared charter's commitments; Globex delivers its quarterly roadmap every time. */
const MONTHLY_REPORT = `
    commitment Report { owner Acme.AllianceLead to Globex every month }`;
const roadmapAndTraining = ['2026-02-01 delivered Roadmap', '2026-05-01 delivered Roadmap', '2026-08-01 delivered Roadmap', '2026-03-31 delivered Training'];
const reportsUntil = (month: number): string[] =>
    ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31'].slice(0, month).map(date => `${date} delivered Report`);

describeRule('one-sided-delivery', {
    fires: journalCase([...roadmapAndTraining, ...reportsUntil(3)], MONTHLY_REPORT),
    range: 'Deal',
    message: /Over the last 12 months Globex delivered 3 of 3 due instances \(100%\), while Acme delivered 4 of 11 due instances \(36%\)/,
    nearMiss: journalCase([...roadmapAndTraining, ...reportsUntil(7)], MONTHLY_REPORT),
    today: '2026-11-22'
});
