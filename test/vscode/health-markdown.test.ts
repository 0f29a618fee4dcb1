import * as assert from 'node:assert/strict';
import type { CharterHealth, DimensionScore } from '@entente/language';
import { escapeMarkdown, healthMarkdown } from '../../packages/vscode/src/extension/health-markdown.js';
import { previewOf } from '../../packages/language/src/lsp/preview-handler.js';
import { checkText, clearDocuments, createTestServices } from '../helpers/workspace.js';

const TEXT = `party Acme {}
party Globex {}
charter Deal "Deal <img src=x onerror=alert(1)> [click](command:workbench.action.terminal.new)" {
    parties Acme, Globex
    decision Budget { decided by Acme informs Nobody }
}
`;

function dimension(id: DimensionScore['id'], label: string, score: number | null): DimensionScore {
    return {
        id, label, score, band: score === null ? undefined : score >= 80 ? 'healthy' : score >= 60 ? 'at-risk' : 'critical', weight: 1,
        checks: score === null ? [] : [{
            id: `${id}.check`, dimension: id, title: `${label} check`, numerator: 1, denominator: 4, ratio: 0.25,
            explanation: 'Acme alone controls 1 of 1 decisions; Globex controls 0 *ever*.',
            findings: [{ ruleId: 'one-sided-decision-rights', message: 'Acme alone controls 1 of 1 decisions.' }],
            elements: ['Budget'], weight: 1, caps: false
        }]
    };
}

describe('the health explanation (entente.showHealth)', () => {
    const services = createTestServices();
    afterEach(() => clearDocuments(services));

    it('lists the score, every dimension with its checks, and the findings linked to their rule docs', async () => {
        const { document } = await checkText(services, TEXT);
        const [charter] = previewOf(document, services).charters;
        const health: CharterHealth = {
            charter: 'Deal', uri: document.uri.toString(), score: 55, band: 'critical',
            dimensions: {
                equality: dimension('equality', 'Equality', 25),
                openness: dimension('openness', 'Openness', 90),
                conflict: dimension('conflict', 'Conflict management', null),
                accountability: dimension('accountability', 'Accountability', 70),
                outcomes: dimension('outcomes', 'Measurable outcomes', 60)
            }
        };
        const markdown = healthMarkdown({ ...charter, health }, 'https://docs.example/');
        assert.match(markdown, /^# Health of Deal: 55 \(critical\)/);
        assert.match(markdown, /\| Conflict management \| not measured \|/);
        assert.match(markdown, /## Equality: 25 \(critical\)/);
        assert.match(markdown, /25% \(1 of 4\)/);
        assert.ok(markdown.includes('[`one-sided-decision-rights`](https://docs.example/docs/rules/one-sided-decision-rights.md)'));
        assert.ok(markdown.includes('[`unresolved-reference`](https://docs.example/docs/rules/unresolved-reference.md)'), 'the findings are listed');
    });

    it('shows charter text as text: no HTML, no links, no emphasis from the charter', async () => {
        const { document } = await checkText(services, TEXT);
        const [charter] = previewOf(document, services).charters;
        const markdown = healthMarkdown({ ...charter, health: undefined }, 'https://docs.example/');
        assert.ok(!/(^|[^\\])</m.test(markdown), 'an unescaped < would start HTML');
        assert.ok(!markdown.includes('](command:'), markdown);
        assert.equal(escapeMarkdown('*ever* <b>|x|</b> [a](b)'), '\\*ever\\* \\<b\\>\\|x\\|\\</b\\> \\[a\\]\\(b\\)');
        assert.ok(markdown.includes('Deal \\<img src=x onerror=alert\\(1\\)\\>'), 'the title is shown, escaped');
    });
});
