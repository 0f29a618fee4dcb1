import { journalCase } from '../../helpers/journal-cases.js';
import { describeRule } from '../../helpers/rule-cases.js';

describeRule('perception-gap', {
    fires: journalCase(['2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }', '2026-10-30 assessed by Globex { trust 2 commitment 3 coordination 3 communication 2 }']),
    range: "Deal",
    message: /Acme rates trust 4 and Globex rates it 2 \(gap 2\) in their latest assessments/,
    nearMiss: journalCase(['2026-10-30 assessed by Acme { trust 4 commitment 4 coordination 3 communication 4 }', '2026-10-30 assessed by Globex { trust 3 commitment 4 coordination 3 communication 3 }']),
    today: '2026-11-22'
});
