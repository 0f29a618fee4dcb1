import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule } from '../../helpers/rule-cases.js';

describeRule('future-entry', {
    fires: journalCase(['2026-11-23 note "Kick-off dinner with both sponsors"']),
    range: "2026-11-23",
    message: /This note entry is dated 2026-11-23, after today \(2026-11-22\)/,
    nearMiss: journalCase(['2026-11-22 note "Kick-off dinner with both sponsors"']),
    today: '2026-11-22'
});
