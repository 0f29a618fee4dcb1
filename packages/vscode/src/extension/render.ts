import { renderReport, renderViews, type DiagramFinding, type RenderInput, type ViewId } from '@entente/diagrams';
import type { CharterPreview } from '@entente/language/protocol';

/** The diagrams' input for a charter the server sent. */
function inputOf(preview: CharterPreview, options: RenderInput['options'] = {}): RenderInput {
    const findings: DiagramFinding[] = preview.findings.map(finding => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        element: finding.element,
        line: finding.line
    }));
    return { charter: preview.model, findings, health: preview.health, options };
}

/** Every view of a charter as SVG (the same drawing as `entente render`). */
export function renderCharterViews(preview: CharterPreview, options: RenderInput['options']): Promise<Record<ViewId, string>> {
    return renderViews(inputOf(preview, options));
}

/** The self-contained HTML report of a charter and its views, as `entente render` writes them. */
export async function renderCharterReport(preview: CharterPreview, docsBaseUrl: string): Promise<{ html: string; views: Record<ViewId, string> }> {
    const input = inputOf(preview);
    const views = await renderViews(input);
    return { html: renderReport({ ...input, views, docsBaseUrl }), views };
}
