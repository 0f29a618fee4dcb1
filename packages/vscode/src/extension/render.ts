import {
    journalViewInput, renderJournalViews, renderReport, renderViews, type DiagramFinding, type JournalRenderOptions, type JournalViewId, type RenderInput, type ViewId
} from '@entente/diagrams';
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

/**
 * The journal views of a charter (timeline, metric trends, perception radar),
 * from the history the server sent; without a journal they say so.
 */
export function renderJournalViewsOf(preview: CharterPreview, options: JournalRenderOptions = {}): Record<JournalViewId, string> {
    const journal = preview.journal;
    const today = journal?.today ?? new Date().toISOString().slice(0, 10);
    return renderJournalViews(journalViewInput(preview.model, journal, today, journal?.findings ?? []), options);
}

/** The self-contained HTML report of a charter and its views, as `entente render` writes them. */
export async function renderCharterReport(preview: CharterPreview, docsBaseUrl: string): Promise<{ html: string; views: Record<ViewId, string> }> {
    const input = inputOf(preview);
    const views = await renderViews(input);
    const journalViews = preview.journal ? renderJournalViewsOf(preview) : undefined;
    return { html: renderReport({ ...input, views, journalViews, docsBaseUrl }), views };
}
