import { describeRule } from '../../helpers/rule-cases.js';
import { TWO_PARTIES } from '../../helpers/workspace.js';

describeRule('unused-suppression', {
    fires: `${TWO_PARTIES}charter Deal {\n    parties Acme, Globex\n    // entente-disable-next-line uninformed-parties -- typo in the id\n    decision Pricing { decided by Acme }\n}\n`,
    range: 'uninformed-parties',
    message: /no rule is called 'uninformed-parties'/,
    nearMiss: `${TWO_PARTIES}charter Deal {\n    parties Acme, Globex\n    // entente-disable-next-line uninformed-party -- prices are public\n    decision Pricing { decided by Acme }\n}\n`
});
