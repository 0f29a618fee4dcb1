import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule } from '../../helpers/rule-cases.js';

describeRule('decided-without-right', {
    fires: journalCase(['2026-03-02 decided Prices "List prices +4% from Q2" by Globex']),
    range: "Globex",
    message: /Decision Prices was taken on 2026-03-02 by Globex, but the charter has it decided by Acme/,
    nearMiss: journalCase(['2026-03-02 decided Prices "List prices +4% from Q2" by Acme.Sponsor']),
    today: '2026-11-22'
});
