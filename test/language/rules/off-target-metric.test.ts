import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule } from '../../helpers/rule-cases.js';

describeRule('off-target-metric', {
    fires: journalCase(['2026-09-30 measured Revenue 120000 USD', '2026-10-31 measured Revenue 90000 USD']),
    range: "2026-10-31 measured Revenue 90000 USD",
    message: /Metric Revenue read 90000 USD on 2026-10-31, off its target >= 100000 USD/,
    nearMiss: journalCase(['2026-09-30 measured Revenue 90000 USD', '2026-10-31 measured Revenue 100000 USD']),
    today: '2026-11-22'
});

// A score below zero (a net promoter score): the reading and the target carry their sign.
describeRule('off-target-metric', {
    fires: journalCase(['2026-09-30 measured Nps -5', '2026-10-31 measured Nps -25'], '\n    metric Nps { kind relationship owner Acme.AllianceLead target >= -10 cadence quarterly benefits Acme, Globex }'),
    range: '2026-10-31 measured Nps -25',
    message: /Metric Nps read -25 on 2026-10-31, off its target >= -10/,
    nearMiss: journalCase(['2026-09-30 measured Nps -25', '2026-10-31 measured Nps -5'], '\n    metric Nps { kind relationship owner Acme.AllianceLead target >= -10 cadence quarterly benefits Acme, Globex }'),
    today: '2026-11-22'
});
