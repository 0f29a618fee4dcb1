import { kindAndName } from '../wording.js';
import { choiceFixes, principalsOf, type ElementData } from './fixes/edits.js';
import { defineRule, docsPath, lacks, type NoOptions } from './rule.js';

export const unownedMetric = defineRule<NoOptions, ElementData>({
    meta: {
        id: 'unowned-metric',
        severity: 'warning',
        dimension: 'accountability',
        summary: 'A metric has no `owner`.',
        docs: docsPath('unowned-metric'),
    },
    check({ document, report }) {
        for (const charter of document.charters) {
            for (const metric of charter.metrics.filter(m => lacks(m, 'owner'))) {
                report({
                    message: `${kindAndName('metric', metric.name, true)} has no owner, so no one is answerable for measuring it.`,
                    range: metric.source.nameRange,
                    element: `${charter.name}.${metric.name}`,
                    data: { charter: charter.name, kind: 'metric', name: metric.name }
                });
            }
        }
    },
    fix({ finding, charter, text }) {
        const metric = charter?.metrics.find(candidate => candidate.name === finding.data.name);
        return charter && metric ? choiceFixes(text, metric.source, principalsOf(charter, charter.parties), principal => `owner ${principal}`, 'Add owner') : [];
    }
});
