import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule } from '../../helpers/rule-cases.js';

describeRule('late-delivery', {
    fires: journalCase(['2026-04-02 delivered Training']),
    range: "2026-04-02 delivered Training",
    message: /Commitment Training was delivered on 2026-04-02, 2 days after it was due \(2026-03-31\)/,
    nearMiss: journalCase(['2026-03-31 delivered Training']),
    today: '2026-11-22'
});
